package io.newspipe.extraction;

import java.util.List;
import java.util.Objects;

/**
 * One distinct conferral of a named award or emulation title.
 *
 * @param award          the award form as written ("Bằng khen", "Huân chương Lao động hạng Ba")
 * @param conferrer      authority in whose name it is given, or null
 * @param presenter      person presenting it, or null
 * @param title          emulation title / citation, or null
 * @param recipients     named recipients as written, or the descriptive span
 * @param recipientCount number of recipients stated in the text, or null
 * @param year           year stated in or around the statement, or null
 * @param text           verbatim evidence span
 * @param start          start offset of the span (inclusive)
 * @param end            end offset of the span (exclusive)
 * @param confidence     how sure the rules are that this is a conferral of this award, 0–1 (see {@link Confidence})
 */
public record AwardMention(String award, String conferrer, String presenter, String title, List<String> recipients,
        Integer recipientCount, Integer year, String text, int start, int end, double confidence) {
    public AwardMention {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(text, "text");
        Confidence.check(confidence);
        recipients = List.copyOf(recipients);
    }
}
