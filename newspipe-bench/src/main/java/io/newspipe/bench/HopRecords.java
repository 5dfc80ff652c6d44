package io.newspipe.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * serdes: the raw record (ingest), the enriched record (enrich), the published record and one record per item of
 * each item topic (publish, {@link PublishedArticleMapper#ITEM_TOPICS}). The baseline moves exactly these, so it
 * does the pipeline's Kafka work without its processing.
 *
 * @param items per item topic's logical name, its records of the article
 */
record HopRecords(byte[] raw, byte[] enriched, byte[] published, Map<String, List<byte[]>> items) {

    static HopRecords of(TopicCatalog topics, Extractor extractor, RawArticle raw) {
        Instant at = raw.getReceivedAt();
        EnrichedArticle enriched = EnrichedArticleMapper.toEnriched(raw, extractor.extract(raw.getText()), at);
        ArticleRevision revision = ArticleRevision.next(null, ContentFingerprint.of(enriched),
                ContentOrder.of(enriched)).state();
        PublishedArticle published = PublishedArticleMapper.toPublished(enriched, revision, at);
        Map<String, List<byte[]>> items = new LinkedHashMap<>();
        for (PublishedArticleMapper.ItemTopic<?> item : PublishedArticleMapper.ITEM_TOPICS) {
            items.put(item.row().logicalName(), itemBytes(topics, item, published));
        }
        return new HopRecords(bytes(topics.raw(), raw), bytes(topics.enriched(), enriched),
                bytes(topics.published(), published), Map.copyOf(items));
    }

    /** Records the publish hop writes: the published article and its items. */
    int publishRecords() {
        return 1 + items.values().stream().mapToInt(List::size).sum();
    }

    /** Bytes of all records the three hops write (values only). */
    long totalBytes() {
        long n = raw.length + enriched.length + published.length;
        for (List<byte[]> records : items.values()) {
            for (byte[] b : records) {
                n += b.length;
            }
        }
        return n;
    }

    private static <V> byte[] bytes(Topic<String, V> topic, V value) {
        return topic.valueSerializer().serialize(topic.name(), value);
    }

    private static <I> List<byte[]> itemBytes(TopicCatalog topics, PublishedArticleMapper.ItemTopic<I> item,
            PublishedArticle published) {
        Topic<String, I> topic = topics.topic(item.row());
        List<I> values = item.items().apply(published);
        List<byte[]> out = new ArrayList<>(values.size());
        for (I v : values) {
            out.add(bytes(topic, v));
        }
        return List.copyOf(out);
    }
}
