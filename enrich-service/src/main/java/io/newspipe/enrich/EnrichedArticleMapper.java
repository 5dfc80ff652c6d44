package io.newspipe.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.schemas.Award;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.RawArticle;

/** Turns a raw article and what the extraction engine found in it into the EnrichedArticle contract. No Kafka. */
public final class EnrichedArticleMapper {

    private EnrichedArticleMapper() {
    }

    /**
     * @param raw        the raw article; its normalized {@code text} is the text the result's offsets refer to
     * @param result     what the engine found in {@code raw.getText()}
     * @param enrichedAt when the enrichment ran
     */
    public static EnrichedArticle toEnriched(RawArticle raw, ExtractionResult result, Instant enrichedAt) {
        Objects.requireNonNull(raw, "raw article");
        Objects.requireNonNull(result, "extraction result");
        return EnrichedArticle.newBuilder()
                .setArticleId(raw.getArticleId())
                .setUrl(raw.getUrl())
                .setTitle(raw.getTitle())
                .setSource(raw.getSource())
                .setLanguage(raw.getLanguage())
                .setPublishedAt(raw.getPublishedAt())
                .setReceivedAt(raw.getReceivedAt())
                .setText(raw.getText())
                .setContentHash(raw.getContentHash())
                .setEntities(result.entities().stream().map(EnrichedArticleMapper::toEntity).toList())
                .setAwards(result.awards().stream().map(EnrichedArticleMapper::toAward).toList())
                .setKpis(result.kpis().stream().map(EnrichedArticleMapper::toKpi).toList())
                .setExtractorVersion(result.extractorVersion())
                .setEnrichedAt(enrichedAt)
                .setVersion(raw.getVersion())
                .build();
    }

    static Entity toEntity(EntityMention m) {
        return Entity.newBuilder()
                .setType(EntityType.valueOf(m.kind().name()))
                .setText(m.text())
                .setCanonical(m.canonical())
                .setStart(m.start())
                .setEnd(m.end())
                .setRole(m.role())
                .setConfidence(m.confidence())
                .build();
    }

    static Award toAward(AwardMention m) {
        return Award.newBuilder()
                .setAward(m.award())
                .setConferrer(m.conferrer())
                .setPresenter(m.presenter())
                .setTitle(m.title())
                .setRecipients(List.copyOf(m.recipients()))
                .setRecipientCount(m.recipientCount())
                .setYear(m.year())
                .setText(m.text())
                .setStart(m.start())
                .setEnd(m.end())
                .setConfidence(m.confidence())
                .build();
    }

    static KpiMention toKpi(io.newspipe.extraction.KpiMention m) {
        return KpiMention.newBuilder()
                .setMetric(m.metric())
                .setValue(m.value())
                .setUnit(m.unit())
                .setTotal(m.total())
                .setRank(m.rank())
                .setQualifier(m.qualifier())
                .setPeriod(m.period())
                .setStatus(m.status())
                .setText(m.text())
                .setStart(m.start())
                .setEnd(m.end())
                .setConfidence(m.confidence())
                .build();
    }
}
