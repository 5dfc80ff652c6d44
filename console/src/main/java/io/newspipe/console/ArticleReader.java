package io.newspipe.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import io.newspipe.common.TopicCatalog;
import io.newspipe.schemas.PublishedArticle;

/**
 * Reads articles from the published topic when a page asks: one revision by position, and scans (text search, an id
 * the index no longer holds) that stop at a time budget and a cap on hits, so a large topic costs time, not memory.
 */
public final class ArticleReader implements AutoCloseable {

    /** @param complete false when the scan stopped at its time budget or hit cap before the end */
    public record ScanResult(List<ArticleSummary> hits, long scanned, long total, boolean complete) {
    }

    /** One revision as read from the topic. */
    public record Revision(ArticleSummary.RevisionRef ref, PublishedArticle article) {
    }

    private final ConsoleSettings settings;
    private final KafkaClients clients;
    private final RecordFetcher fetcher;
    private final Deserializer<PublishedArticle> values;
    private final String topic;

    public ArticleReader(ConsoleSettings settings) {
        this.settings = settings;
        this.clients = new KafkaClients(settings);
        this.fetcher = new RecordFetcher(clients, settings.callTimeout());
        TopicCatalog catalog = new TopicCatalog(settings.config());
        this.topic = catalog.published().name();
        this.values = catalog.published().valueDeserializer();
    }

    RecordFetcher fetcher() {
        return fetcher;
    }

    /** The revision at this position, when it is still there and is this article's. */
    public Optional<Revision> read(String id, ArticleSummary.RevisionRef ref) {
        return fetcher.at(topic, ref.partition(), ref.offset())
                .filter(r -> r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> new Revision(ref, decode(r)));
    }

    private synchronized PublishedArticle decode(ConsumerRecord<byte[], byte[]> r) {
        return values.deserialize(r.topic(), r.headers(), r.value());
    }

    /** Articles whose text contains the query (ignoring case); the latest revision seen of each. */
    public ScanResult searchText(String query, Duration budget, int maxHits) {
        String q = query.toLowerCase(Locale.ROOT);
        return scan(null, a -> a.getText() != null && a.getText().toLowerCase(Locale.ROOT).contains(q), budget,
                maxHits);
    }

    /** Every revision of one article still on the topic: for ids the index does not hold. */
    public ScanResult findById(String id, Duration budget) {
        return scan(id, a -> id.equals(a.getArticleId()), budget, 1);
    }

    /**
     * Reads the topic from its beginning to its end as of now. With a key, only that key's partition is read
     * (Kafka's default partitioner: murmur2 of the key bytes, as the services' producers use).
     */
    private ScanResult scan(String key, Predicate<PublishedArticle> match, Duration budget, int maxHits) {
        Map<String, ArticleSummary> hits = new LinkedHashMap<>();
        long scanned = 0;
        long total = 0;
        boolean complete = true;
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer("newspipe-console-scan")) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.callTimeout());
            if (infos == null || infos.isEmpty()) {
                return new ScanResult(List.of(), 0, 0, true);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : infos) {
                if (key == null || p.partition() == partitionOf(key, infos.size())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, settings.callTimeout());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, settings.callTimeout());
            for (TopicPartition tp : partitions) {
                total += end.get(tp) - start.get(tp);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(e -> start.get(e.getKey()) >= e.getValue());
            long deadline = System.nanoTime() + budget.toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline || (key == null && hits.size() >= maxHits)) {
                    complete = false;
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    scanned++;
                    if (r.value() == null) {
                        continue;
                    }
                    PublishedArticle a;
                    try {
                        a = decode(r);
                    } catch (RuntimeException e) {
                        continue; // the index counts undecodable records; a search just skips them
                    }
                    if (match.test(a)) {
                        ArticleSummary.RevisionRef ref = new ArticleSummary.RevisionRef(a.getRevision(),
                                r.partition(), r.offset(), a.getPublishedAt());
                        ArticleSummary before = hits.get(a.getArticleId());
                        List<ArticleSummary.RevisionRef> refs = new ArrayList<>(
                                before == null ? List.of() : before.revisions());
                        refs.add(ref);
                        refs.sort(Comparator.comparingInt(ArticleSummary.RevisionRef::revision));
                        if (refs.size() > ArticleIndex.MAX_REVISIONS) {
                            refs.remove(0);
                        }
                        if (before == null && hits.size() >= maxHits && key == null) {
                            continue;
                        }
                        hits.put(a.getArticleId(), new ArticleSummary(a.getArticleId(), a.getTitle(), a.getUrl(),
                                a.getSource(), a.getRevision(), a.getPublishedAt(), List.copyOf(refs),
                                a.getStoryId()));
                    }
                }
                for (TopicPartition tp : List.copyOf(remaining.keySet())) {
                    if (consumer.position(tp, settings.callTimeout()) >= remaining.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new PipelineMonitor.KafkaCallException("reading " + topic + " failed: "
                    + PipelineMonitor.rootMessage(e));
        }
        return new ScanResult(List.copyOf(hits.values()), scanned, total, complete);
    }

    /** Kafka's default partitioner for a keyed record (BuiltInPartitioner.partitionForKey). */
    static int partitionOf(String key, int partitions) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes))
                % partitions;
    }

    @Override
    public void close() {
        fetcher.close();
        values.close();
    }
}
