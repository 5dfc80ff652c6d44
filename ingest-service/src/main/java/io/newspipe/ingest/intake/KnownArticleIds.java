package io.newspipe.ingest.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the set of article ids already on news.raw.v1 by reading the topic's keys from the beginning to the end
 * offsets seen at start. Values are fetched by the broker anyway but never decoded (a discarding deserializer), so
 * the rebuild needs neither the Schema Registry nor memory for the articles.
 *
 * <p>Why the topic itself and not a separate compacted ids topic: news.raw.v1 is the source of truth, and an id is
 * known exactly when its article is there. A second topic would have to be written atomically with the first
 * (a transaction per article) or it could disagree after a crash. The cost is a start-up scan proportional to the
 * topic; ids are ~22 bytes, so millions of articles fit comfortably in memory.
 */
public final class KnownArticleIds {

    private static final Logger log = LoggerFactory.getLogger(KnownArticleIds.class);
    private static final Deserializer<Void> DISCARD = (topic, data) -> null;

    private KnownArticleIds() {
    }

    /**
     * @param consumerProperties bootstrap servers and security settings; no group is used (manual assignment)
     * @param timeout            how long the whole scan may take
     * @throws IllegalStateException when the topic does not exist or the scan does not finish in time
     */
    public static Set<String> load(Properties consumerProperties, String topic, Duration timeout) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-ingest-id-index");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(p, new StringDeserializer(), DISCARD)) {
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
            long records = 0;
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuilding the article-id index from " + topic
                            + " did not finish within " + timeout + " (" + records + " records read)");
                }
                for (ConsumerRecord<String, Void> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (r.key() != null) {
                        ids.add(r.key());
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            }
            log.info("Article-id index rebuilt from {}: {} ids from {} records", topic, ids.size(), records);
        }
        return ids;
    }
}
