package io.newspipe.extraction.awards;

import io.newspipe.extraction.AwardMention;

import java.util.List;

/** Finds conferrals of named awards and emulation titles. Placeholder: finds nothing yet. */
public final class AwardExtractor {

    public AwardExtractor() {
    }

    public List<AwardMention> extract(String normalizedText) {
        return List.of();
    }
}
