package io.newspipe.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic with {@code isolation.level=read_committed} (only what exactly-once transactions committed),
 * assigning all partitions, from the beginning or from the end. Not thread-safe: one reader per thread.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicReader(String bootstrapServers, String topic, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " has no partitions (does it exist?)");
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, not at the first poll
        }
    }

    /** Polls once and hands every record to {@code sink}; returns how many were read. */
    public int poll(Duration timeout, BiConsumer<ConsumerRecord<byte[], byte[]>, Long> sink) {
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            sink.accept(r, System.nanoTime());
            n++;
        }
        return n;
    }

    /** Records per key (UTF-8 string keys) read until {@code done} holds or {@code timeout} passes. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readByKey(Duration timeout,
            java.util.function.Predicate<Map<String, List<ConsumerRecord<byte[], byte[]>>>> done) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            poll(Duration.ofMillis(200), (r, t) -> byKey.computeIfAbsent(key(r), k -> new java.util.ArrayList<>()).add(r));
            if (done.test(byKey)) {
                return byKey;
            }
        } while (System.nanoTime() < deadline);
        return byKey;
    }

    public static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "<null>" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
