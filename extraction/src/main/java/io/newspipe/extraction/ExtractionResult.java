package io.newspipe.extraction;

import java.util.List;

/** Everything the engine found in one article, with the version of the engine that found it. */
public record ExtractionResult(String extractorVersion, List<EntityMention> entities, List<AwardMention> awards,
        List<KpiMention> kpis) {
    public ExtractionResult {
        entities = List.copyOf(entities);
        awards = List.copyOf(awards);
        kpis = List.copyOf(kpis);
    }
}
