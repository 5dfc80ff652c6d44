package io.newspipe.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.newspipe.common.TopicTable;

import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PublishedArticle;

/** Builds the published contract: the article revision and its per-item fan-out records. No Kafka. */
public final class PublishedArticleMapper {

    /**
     * An item topic: its table row, the topology's name for the step that fans a revision out to it, and the records
     * of a revision. The publish topology and the bench's hop records both loop over {@link #ITEM_TOPICS}.
     */
    public record ItemTopic<I>(TopicTable.Row<String, I> row, String processorName,
            Function<PublishedArticle, List<I>> items) {
    }

    /** The item topics publish writes, one record per item of a new revision (or the empty-set marker). */
    public static final List<ItemTopic<?>> ITEM_TOPICS = List.of(
            new ItemTopic<>(TopicTable.AWARDS, "award-items", PublishedArticleMapper::awardItems),
            new ItemTopic<>(TopicTable.KPIS, "kpi-items", PublishedArticleMapper::kpiItems),
            new ItemTopic<>(TopicTable.ENTITIES, "entity-items", PublishedArticleMapper::entityItems));

    private PublishedArticleMapper() {
    }

    public static PublishedArticle toPublished(EnrichedArticle e, ArticleRevision revision, Instant publishedAt) {
        return PublishedArticle.newBuilder()
                .setArticleId(e.getArticleId())
                .setRevision(revision.revision())
                .setPublishedAt(publishedAt)
                .setContentFingerprint(revision.fingerprint())
                .setUrl(e.getUrl())
                .setTitle(e.getTitle())
                .setSource(e.getSource())
                .setLanguage(e.getLanguage())
                .setArticlePublishedAt(e.getPublishedAt())
                .setReceivedAt(e.getReceivedAt())
                .setText(e.getText())
                .setEntities(new ArrayList<>(e.getEntities()))
                .setAwards(new ArrayList<>(e.getAwards()))
                .setKpis(new ArrayList<>(e.getKpis()))
                .setExtractorVersion(e.getExtractorVersion())
                .setEnrichedAt(e.getEnrichedAt())
                .setVersion(e.getVersion())
                .setStoryId(e.getStoryId())
                .setCopyOf(e.getCopyOf())
                .build();
    }

    public static List<AwardItem> awardItems(PublishedArticle p) {
        int count = p.getAwards().size();
        List<AwardItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(AwardItem.newBuilder().setArticleId(p.getArticleId()).setRevision(p.getRevision())
                    .setIndex(i).setCount(count).setPublishedAt(p.getPublishedAt())
                    .setAward(p.getAwards().get(i)).build());
        }
        return items;
    }

    public static List<KpiItem> kpiItems(PublishedArticle p) {
        int count = p.getKpis().size();
        List<KpiItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(KpiItem.newBuilder().setArticleId(p.getArticleId()).setRevision(p.getRevision())
                    .setIndex(i).setCount(count).setPublishedAt(p.getPublishedAt())
                    .setKpi(p.getKpis().get(i)).build());
        }
        return items;
    }

    public static List<EntityItem> entityItems(PublishedArticle p) {
        int count = p.getEntities().size();
        List<EntityItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(EntityItem.newBuilder().setArticleId(p.getArticleId()).setRevision(p.getRevision())
                    .setIndex(i).setCount(count).setPublishedAt(p.getPublishedAt())
                    .setEntity(p.getEntities().get(i)).build());
        }
        return items;
    }
}
