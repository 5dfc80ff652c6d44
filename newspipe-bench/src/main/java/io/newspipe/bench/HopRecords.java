package io.newspipe.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.enrich.EnrichedArticleMapper;
import io.newspipe.extraction.Extractor;
import io.newspipe.publish.ArticleRevision;
import io.newspipe.publish.ContentFingerprint;
import io.newspipe.publish.ContentOrder;
import io.newspipe.publish.PublishedArticleMapper;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/**
 * The bytes the pipeline writes for one article at each hop, made with the services' own mappers and the topics'
 * serdes: the raw record (ingest), the enriched record (enrich), the published record and one record per award, KPI
 * and entity item (publish). The baseline moves exactly these, so it does the pipeline's Kafka work without its
 * processing.
 */
record HopRecords(byte[] raw, byte[] enriched, byte[] published, List<byte[]> awards, List<byte[]> kpis,
        List<byte[]> entities) {

    static HopRecords of(TopicCatalog topics, Extractor extractor, RawArticle raw) {
        Instant at = raw.getReceivedAt();
        EnrichedArticle enriched = EnrichedArticleMapper.toEnriched(raw, extractor.extract(raw.getText()), at);
        ArticleRevision revision = ArticleRevision.next(null, ContentFingerprint.of(enriched),
                ContentOrder.of(enriched)).state();
        PublishedArticle published = PublishedArticleMapper.toPublished(enriched, revision, at);
        return new HopRecords(bytes(topics.raw(), raw), bytes(topics.enriched(), enriched),
                bytes(topics.published(), published), all(topics.awards(), PublishedArticleMapper.awardItems(published)),
                all(topics.kpis(), PublishedArticleMapper.kpiItems(published)),
                all(topics.entities(), PublishedArticleMapper.entityItems(published)));
    }

    /** Records the publish hop writes: the published article and its items. */
    int publishRecords() {
        return 1 + awards.size() + kpis.size() + entities.size();
    }

    /** Bytes of all records the three hops write (values only). */
    long totalBytes() {
        long n = raw.length + enriched.length + published.length;
        for (List<byte[]> items : List.of(awards, kpis, entities)) {
            for (byte[] b : items) {
                n += b.length;
            }
        }
        return n;
    }

    private static <V> byte[] bytes(Topic<String, V> topic, V value) {
        return topic.valueSerializer().serialize(topic.name(), value);
    }

    private static <V> List<byte[]> all(Topic<String, V> topic, List<V> values) {
        List<byte[]> out = new ArrayList<>(values.size());
        for (V v : values) {
            out.add(bytes(topic, v));
        }
        return List.copyOf(out);
    }
}
