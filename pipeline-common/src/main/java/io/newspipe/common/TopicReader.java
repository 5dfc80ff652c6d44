package io.newspipe.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic without a consumer group, committing nothing, with {@code isolation.level=read_committed} (enrich
 * and publish write outputs and dead letters in exactly-once transactions). Two ways: a bounded range, from start
 * offsets up to end offsets captured before reading, so an operator command never follows a live topic forever
 * ({@link #whole}, {@link #fromTimestamp}, {@link #read}); or following all partitions from the beginning or the end
 * ({@link #follow}, {@link #poll}, {@link #readByKey}), for the bench and the fault tests. Not thread-safe: one
 * reader per thread.
 */
public final class TopicReader implements AutoCloseable {

    /** The topic cannot be read: Kafka does not answer, the topic does not exist, or reading stalls. */
    public static final class ReadException extends RuntimeException {

        ReadException(String message) {
            super(message);
        }
    }

    /** Offsets per partition, [start, end). */
    public record Range(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

        public long total() {
            long n = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                n += Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), e.getValue()));
            }
            return n;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALL = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String bootstrapServers;

    public TopicReader(PipelineConfig config, String clientId) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024)); // large articles
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.bootstrapServers = config.bootstrapServers();
    }

    /** True when the topic exists. */
    public boolean exists(String topic) {
        try {
            return consumer.listTopics(TIMEOUT).containsKey(topic);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new ReadException("cannot reach Kafka at " + bootstrapServers + " (no answer within "
                    + TIMEOUT.toSeconds() + " s); is it running? (--bootstrap-servers)");
        }
    }

    public List<TopicPartition> partitions(String topic) {
        if (!exists(topic)) {
            throw new ReadException("topic " + topic + " does not exist on " + bootstrapServers);
        }
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).sorted((a, b) -> a.partition() - b.partition())
                .toList();
    }

    /** The whole topic as it is now. */
    public Range whole(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        return new Range(consumer.beginningOffsets(partitions, TIMEOUT), consumer.endOffsets(partitions, TIMEOUT));
    }

    /** From the first record with a timestamp at or after {@code fromMs} to the end as it is now. */
    public Range fromTimestamp(String topic, long fromMs) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, fromMs));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            start.put(tp, at == null ? end.get(tp) : at.offset()); // null: nothing that recent in this partition
        }
        return new Range(start, end);
    }

    /**
     * Reads every record in the range, in offset order per partition.
     *
     * @param progress called after every poll with the fraction of the range read
     */
    public void read(Range range, Consumer<ConsumerRecord<byte[], byte[]>> each, Consumer<Double> progress) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        range.end().forEach((tp, end) -> {
            long start = range.start().getOrDefault(tp, end);
            if (start < end) {
                remaining.put(tp, end);
            }
        });
        long total = range.total();
        consumer.assign(remaining.keySet());
        for (TopicPartition tp : remaining.keySet()) {
            consumer.seek(tp, range.start().get(tp));
        }
        long lastProgress = System.nanoTime();
        while (!remaining.isEmpty()) {
            boolean any = false;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                Long end = remaining.get(tp);
                if (end != null && r.offset() < end) {
                    each.accept(r);
                    any = true;
                }
            }
            for (TopicPartition tp : List.copyOf(remaining.keySet())) {
                // transaction markers and aborted records take offsets too: the position, not the records, says done
                if (consumer.position(tp, TIMEOUT) >= remaining.get(tp)) {
                    remaining.remove(tp);
                    consumer.pause(List.of(tp));
                    any = true;
                }
            }
            if (any) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new ReadException("reading " + remaining.keySet() + " made no progress for "
                        + STALL.toSeconds() + " s; is Kafka at " + bootstrapServers + " healthy?");
            }
            progress.accept(total == 0 ? 1.0 : fraction(range, total));
        }
        consumer.assign(List.of());
    }

    private double fraction(Range range, long total) {
        long done = 0;
        for (TopicPartition tp : consumer.assignment()) {
            long start = range.start().get(tp);
            long end = range.end().get(tp);
            done += Math.min(end, consumer.position(tp, TIMEOUT)) - start;
        }
        return (double) done / total;
    }

    /** Reads the given partitions from {@code start} (inclusive) to {@code end} (exclusive). */
    public void read(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
            Consumer<ConsumerRecord<byte[], byte[]>> each, Consumer<Double> progress) {
        read(new Range(start, end), each, progress);
    }

    /**
     * A reader on every partition of the topic, from its beginning or, resolved now rather than at the first poll,
     * its end; {@link #poll} and {@link #readByKey} read on from there.
     */
    public static TopicReader following(PipelineConfig config, String clientId, String topic, boolean fromBeginning) {
        TopicReader reader = new TopicReader(config, clientId);
        try {
            reader.follow(topic, fromBeginning);
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private void follow(String topic, boolean fromBeginning) {
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(tp -> consumer.position(tp, TIMEOUT));
        }
    }

    /** Polls once; hands each record, with {@link System#nanoTime()} at reading, to {@code sink}. Returns the count. */
    public int poll(Duration timeout, BiConsumer<ConsumerRecord<byte[], byte[]>, Long> sink) {
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            sink.accept(r, System.nanoTime());
            n++;
        }
        return n;
    }

    /** Records per key ({@link #key}) read until {@code done} holds or {@code timeout} passes. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readByKey(Duration timeout,
            Predicate<Map<String, List<ConsumerRecord<byte[], byte[]>>>> done) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            poll(Duration.ofMillis(200), (r, t) -> byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
            if (done.test(byKey)) {
                return byKey;
            }
        } while (System.nanoTime() < deadline);
        return byKey;
    }

    /** The key as UTF-8 text, {@code <null>} for none. */
    public static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
