package io.newspipe.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads single records by position (a revision of an article, a dead letter) with one consumer of its own, one read
 * at a time, each bounded by the call timeout.
 */
final class RecordFetcher implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    RecordFetcher(KafkaClients clients, Duration timeout) {
        this.consumer = clients.consumer("newspipe-console-fetch");
        this.timeout = timeout;
    }

    /**
     * The record at exactly this offset, or empty when there is none any more (compacted away, deleted by retention,
     * an aborted transaction) or the offset is past the end.
     */
    synchronized Optional<ConsumerRecord<byte[], byte[]>> at(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        try {
            long end = consumer.endOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= offset) {
                        return r.offset() == offset ? Optional.of(r) : Optional.empty();
                    }
                }
                if (consumer.position(tp, timeout) > offset) {
                    return Optional.empty(); // skipped over: a transaction marker or an aborted record
                }
            }
            throw new PipelineMonitor.KafkaCallException("no record read from " + tp + "@" + offset + " within "
                    + timeout.toMillis() + " ms");
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new PipelineMonitor.KafkaCallException("Kafka did not answer within " + timeout.toMillis()
                    + " ms reading " + tp + "@" + offset);
        } finally {
            consumer.assign(List.of());
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
