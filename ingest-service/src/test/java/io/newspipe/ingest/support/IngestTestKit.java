package io.newspipe.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.devstack.DevStack;
import io.newspipe.ingest.IngestService;
import io.newspipe.schemas.RawArticle;

/** Starting ingest services on the shared DevStack, talking to them over HTTP, reading what they wrote. */
public final class IngestTestKit {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a request that does not answer within this is a hang, and the test fails on it. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestTestKit() {
    }

    /**
     * A config on the stack with its own raw topic, article index topic and state directory, so test classes do not
     * see each other's articles. Services running at once need state directories of their own ({@link #ownState}).
     */
    public static PipelineConfig config(DevStack stack, String rawTopic) {
        return PipelineConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .applicationId("newspipe-ingest-test")
                .topicName(TopicNames.LOGICAL_RAW, rawTopic)
                .topicName(TopicNames.LOGICAL_ARTICLE_INDEX, rawTopic + ".index")
                .stateDir(newStateDir())
                .topicPartitions(2)
                .httpPort(0)
                .build();
    }

    /**
     * The config with a state directory of its own: for a second service beside one running on {@code config} (two
     * instances, or an instance restarted with the same state while another runs).
     */
    public static PipelineConfig ownState(PipelineConfig config) {
        return config.toBuilder().stateDir(newStateDir()).build();
    }

    private static java.nio.file.Path newStateDir() {
        return java.nio.file.Path.of("target", "ingest-state", UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
    }

    public static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static IngestService startReady(PipelineConfig config, IngestService.Options options) {
        IngestService service = new IngestService(config, options).start();
        if (!service.awaitReady(Duration.ofSeconds(60))) {
            service.stop();
            throw new IllegalStateException("ingest service did not become ready: " + service.readiness());
        }
        return service;
    }

    public static HttpResponse<String> post(IngestService service, String path, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public static HttpResponse<String> postText(IngestService service, String text, String... headers) {
        return post(service, "/v1/articles", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    public static HttpResponse<String> postJson(IngestService service, Object body, String... headers) {
        try {
            return post(service, "/v1/articles", "application/json", JSON.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> get(IngestService service, String path) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** Every record on the raw topic, decoded with the real registry-backed serde. */
    public static List<ConsumerRecord<String, RawArticle>> readAll(PipelineConfig config) {
        TopicCatalog catalog = new TopicCatalog(config);
        Deserializer<RawArticle> values = catalog.raw().valueDeserializer();
        Properties p = new Properties();
        p.putAll(config.kafkaProperties());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, RawArticle>> out = new ArrayList<>();
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(p, catalog.raw().keyDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(catalog.raw().name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return out;
    }

    public static List<RawArticle> recordsWithKey(PipelineConfig config, String key) {
        return readAll(config).stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** Records on the raw topic (sum of end offsets: the producer is not transactional). */
    public static long recordCount(PipelineConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafkaProperties());
        String topic = new TopicCatalog(config).raw().name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
