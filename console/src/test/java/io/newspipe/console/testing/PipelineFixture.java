package io.newspipe.console.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.devstack.DevStack;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.ingest.IngestService;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.RawArticle;

/**
 * The real services in this JVM on the embedded broker and registry, on topics of their own ({@code PREFIX.raw},
 * ...), for console tests: ingest (HTTP), enrich and publish (Kafka Streams), each with its health endpoint on a
 * free port. Shared by the console's HTTP tests and newspipe-cli's console tests (this is in the console test-jar).
 */
public final class PipelineFixture implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(120);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final PipelineConfig config;
    private final TopicCatalog topics;
    private final IngestService ingest;
    private final EnrichService enrich;
    private final PublishService publish;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String enrichGroup;
    private final String publishGroup;

    private PipelineFixture(PipelineConfig config, String enrichGroup, String publishGroup) {
        this.config = config;
        this.topics = new TopicCatalog(config);
        this.enrichGroup = enrichGroup;
        this.publishGroup = publishGroup;
        this.ingest = new IngestService(config.toBuilder().applicationId("ingest-" + enrichGroup).build(),
                IngestService.Options.defaults()).start();
        this.enrich = new EnrichService(config.toBuilder().applicationId(enrichGroup).build(), Extractor.create(),
                Clock.systemUTC()).start();
        this.publish = new PublishService(config.toBuilder().applicationId(publishGroup).build(), Clock.systemUTC())
                .start();
        this.producer = new KafkaProducer<>(config.producerProperties("console-fixture"), new StringSerializer(),
                new ByteArraySerializer());
        if (!ingest.awaitReady(WAIT)) {
            close();
            throw new IllegalStateException("ingest did not become ready: " + ingest.readiness().detail());
        }
    }

    /** Starts the three services on topics named {@code prefix.<logical>}, one partition each. */
    public static PipelineFixture start(DevStack stack, String prefix, Path stateDir) {
        Map<String, String> names = new HashMap<>();
        TopicNames.LOGICAL_NAMES.forEach(logical -> names.put(logical, prefix + "." + logical));
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).topicPartitions(1).httpPort(0)
                .topicNames(names).build();
        return new PipelineFixture(config, prefix + "-enrich", prefix + "-publish");
    }

    /** The shared settings with the topic names; HTTP port 0 (set the console's own). */
    public PipelineConfig config() {
        return config;
    }

    public TopicCatalog topics() {
        return topics;
    }

    public Map<String, URI> serviceUrls() {
        Map<String, URI> m = new LinkedHashMap<>();
        m.put("ingest", URI.create(ingest.baseUrl() + "/"));
        m.put("enrich", URI.create(enrich.http().baseUrl() + "/"));
        m.put("publish", URI.create(publish.http().baseUrl() + "/"));
        return m;
    }

    public List<String> lagGroups() {
        return List.of(enrichGroup, publishGroup);
    }

    /** Posts an article to ingest as JSON; returns its id. */
    public String post(String text, String url, String title) throws Exception {
        String body = "{\"text\":" + json(text) + ",\"url\":" + json(url) + ",\"title\":" + json(title)
                + ",\"source\":\"tin-thu-nghiem.example\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/v1/articles"))
                .header("Content-Type", "application/json; charset=utf-8").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() / 100 != 2 || !m.find()) {
            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    /** A raw record written as ingest would, e.g. a corrected version of an article under its id. */
    public void produceRaw(String id, String text, String url, String title) throws Exception {
        RawArticle a = RawArticle.newBuilder().setArticleId(id).setUrl(url).setTitle(title)
                .setSource("tin-thu-nghiem.example").setReceivedAt(Instant.now()).setOriginalText(text)
                .setText(io.newspipe.extraction.TextNormalizer.normalize(text)).setContentHash("0".repeat(64))
                .build();
        producer.send(new ProducerRecord<>(topics.raw().name(), id,
                topics.raw().valueSerializer().serialize(topics.raw().name(), a))).get();
    }

    /** Any bytes to any topic (a value enrich cannot read becomes a real dead letter). */
    public void produceBytes(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String json(String s) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writeValueAsString(s);
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {producer, ingest, publish, enrich}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }
}
