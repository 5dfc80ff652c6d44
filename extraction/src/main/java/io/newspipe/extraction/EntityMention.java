package io.newspipe.extraction;

import java.util.Objects;

/**
 * One mention of a named entity.
 *
 * @param kind      person, organization or location
 * @param text      surface text exactly as in the analysed text ({@code text.equals(input.substring(start, end))})
 * @param canonical canonical form: tone marks and look-alike letters unified, known abbreviations expanded,
 *                  administrative prefixes dropped from locations
 * @param start     start offset in the analysed text (inclusive, UTF-16 units)
 * @param end       end offset (exclusive)
 * @param role       for persons, the role/title the text gives; otherwise null
 * @param confidence how sure the rules are that this is a name of this kind, 0–1 (see {@link Confidence})
 */
public record EntityMention(EntityKind kind, String text, String canonical, int start, int end, String role,
        double confidence) {
    public EntityMention {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(canonical, "canonical");
        Confidence.check(confidence);
    }
}
