package io.newspipe.ingest.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.schemas.RawArticle;

/**
 * Rebuilds {@link ArticleVersions} from news.raw.v1, read from the beginning to the end offsets seen at start. A
 * record says its version and text fingerprint in headers ({@link KafkaRawArticleLog#HEADER_VERSION},
 * {@link KafkaRawArticleLog#HEADER_CONTENT_HASH}), so the rebuild needs neither the Schema Registry nor memory for
 * the articles; only records written before those headers existed are decoded (they are version 1).
 *
 * <p>A scan costs time proportional to the topic, so ingest does it once per stack: to fill its article index topic
 * when that is empty on a raw topic written before the index existed ({@link KafkaArticleVersions}).
 */
public final class RawTopicVersionIndex {

    private static final Logger log = LoggerFactory.getLogger(RawTopicVersionIndex.class);

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private RawTopicVersionIndex() {
    }

    /** The versions on the topic, in heap: for a small topic (tests), see {@link #scan}. */
    public static ArticleVersions load(Properties consumerProperties, String topic, Deserializer<RawArticle> values,
            Duration timeout) {
        ArticleVersions index = new InMemoryArticleVersions();
        scan(consumerProperties, topic, values, timeout, index::acknowledged);
        return index;
    }

    /**
     * Hands every record's article id and version to {@code sink}, in the topic's order within each partition, keeping
     * nothing (so a later version of an id comes after its earlier ones: ingest writes an id's versions under its key).
     *
     * @param consumerProperties bootstrap servers and security settings; no group is used (manual assignment)
     * @param values             decodes records without the version headers (written before them)
     * @param timeout            how long the whole scan may take
     * @return the number of records read
     * @throws IllegalStateException when the topic does not exist or the scan does not finish in time
     */
    public static long scan(Properties consumerProperties, String topic, Deserializer<RawArticle> values,
            Duration timeout, BiConsumer<String, ArticleVersions.Known> sink) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-ingest-id-index");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; cannot rebuild the article-id index");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                total += e.getValue() - consumer.position(e.getKey(), timeout);
            }
            long records = 0;
            long decoded = 0;
            long nextReport = System.nanoTime() + PROGRESS_EVERY_NANOS;
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuilding the article-id index from " + topic
                            + " did not finish within " + timeout + " (" + records + " records read)");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (r.key() == null || r.value() == null) {
                        continue;
                    }
                    ArticleVersions.Known known = KafkaRawArticleLog.versionOf(r.headers());
                    if (known == null) {
                        RawArticle a = values.deserialize(topic, r.headers(), r.value());
                        known = new ArticleVersions.Known(a.getVersion(), ArticleVersions.fingerprint(a.getContentHash()));
                        decoded++;
                    }
                    sink.accept(r.key(), known);
                }
                if (System.nanoTime() > nextReport) {
                    log.info("Reading {} for the article index: {} of about {} records", topic, records, total);
                    nextReport = System.nanoTime() + PROGRESS_EVERY_NANOS;
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            }
            log.info("Read {} for the article index: {} records ({} without version headers decoded)", topic, records,
                    decoded);
            return records;
        }
    }
}
