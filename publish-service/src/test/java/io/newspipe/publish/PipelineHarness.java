package io.newspipe.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.newspipe.extraction.TextNormalizer;
import io.newspipe.schemas.RawArticle;

/** Test plumbing for tests on the real broker: raw articles, and reading a topic from the beginning. */
final class PipelineHarness {

    private PipelineHarness() {
    }

    static RawArticle rawArticle(String id, String originalText) {
        String text = TextNormalizer.normalize(originalText);
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setUrl("https://example.vn/" + id)
                .setTitle("Tổng kết công tác xây dựng Đảng năm 2023")
                .setSource("example.vn")
                .setLanguage("vi")
                .setPublishedAt(Instant.parse("2024-01-12T02:00:00Z"))
                .setReceivedAt(Instant.now())
                .setOriginalText(originalText)
                .setText(text)
                .setContentHash(sha256(text))
                .build();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a topic from the beginning with read_committed (only what exactly-once transactions committed) until
     * {@code done} holds for everything read so far, or fails after {@code timeout}.
     */
    static List<ConsumerRecord<byte[], byte[]>> readUntil(String bootstrapServers, String topic, Duration timeout,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (done.test(records)) {
                    return records;
                }
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting on " + topic + "; read " + records.size()
                + " records");
    }
}
