package io.newspipe.extraction.awards;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.TextNormalizer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The award tests' way in: normalize a written text, extract, and hold every mention's offsets to its text. */
final class AwardTexts {

    private static final AwardExtractor EXTRACTOR = new AwardExtractor();

    private AwardTexts() {
    }

    static List<AwardMention> awards(String raw) {
        String text = TextNormalizer.normalize(raw);
        List<AwardMention> found = EXTRACTOR.extract(text);
        for (AwardMention m : found) {
            assertThat(text.substring(m.start(), m.end())).as("offsets of %s", m).isEqualTo(m.text());
        }
        return found;
    }

    /** The one award of the text (fails when there are none or several). */
    static AwardMention only(String raw) {
        List<AwardMention> found = awards(raw);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
