package io.newspipe.extraction.kpi;

import io.newspipe.extraction.KpiMention;

import java.util.List;

/** Finds quantified indicator, target, result and ranking mentions. Placeholder: finds nothing yet. */
public final class KpiExtractor {

    public KpiExtractor() {
    }

    public List<KpiMention> extract(String normalizedText) {
        return List.of();
    }
}
