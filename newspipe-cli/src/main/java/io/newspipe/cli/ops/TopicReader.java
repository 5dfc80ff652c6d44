package io.newspipe.cli.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.newspipe.common.PipelineConfig;

/**
 * Reads a bounded range of a topic: from start offsets up to end offsets captured before reading, so a command never
 * follows a live topic forever. read_committed, because enrich and publish write dead letters and outputs in
 * exactly-once transactions. No consumer group, nothing committed.
 */
final class TopicReader implements AutoCloseable {

    /** Offsets per partition, [start, end). */
    record Range(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

        long total() {
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

    TopicReader(PipelineConfig config, String clientId) {
        Properties p = config.kafkaProperties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.bootstrapServers = config.bootstrapServers();
    }

    /** True when the topic exists. */
    boolean exists(String topic) {
        try {
            return consumer.listTopics(TIMEOUT).containsKey(topic);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new OperatorException("cannot reach Kafka at " + bootstrapServers + " (no answer within "
                    + TIMEOUT.toSeconds() + " s); is it running? (--bootstrap-servers)");
        }
    }

    List<TopicPartition> partitions(String topic) {
        if (!exists(topic)) {
            throw new OperatorException("topic " + topic + " does not exist on " + bootstrapServers);
        }
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).sorted((a, b) -> a.partition() - b.partition())
                .toList();
    }

    /** The whole topic as it is now. */
    Range whole(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        return new Range(consumer.beginningOffsets(partitions, TIMEOUT), consumer.endOffsets(partitions, TIMEOUT));
    }

    /** From the first record with a timestamp at or after {@code fromMs} to the end as it is now. */
    Range fromTimestamp(String topic, long fromMs) {
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
    void read(Range range, Consumer<ConsumerRecord<byte[], byte[]>> each, Consumer<Double> progress) {
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
                throw new OperatorException("reading " + remaining.keySet() + " made no progress for "
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
    void read(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
            Consumer<ConsumerRecord<byte[], byte[]>> each, Consumer<Double> progress) {
        read(new Range(start, end), each, progress);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
