package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.StreamsApp;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/**
 * A wrong Schema Registry password is the environment's fault, not the records': enrich and publish run against a
 * registry behind basic authentication with a password it refuses. Nothing may be dead-lettered, enrich's readiness
 * must be DOWN naming the 401, and once the registry accepts the password (the fix, made while the services run)
 * every article is published exactly once, without a restart.
 */
@ExtendWith(DevStackExtension.class)
class RegistryCredentialsTest {

    private static final int ARTICLES = 20;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void givenAWrongRegistryPassword_whenArticlesArrive_thenNothingIsDeadLetteredReadinessIsDownAndAllPublishAfterTheFix(
            DevStack stack, @TempDir Path stateDir) throws Exception {
        String run = "auth." + UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig.Builder topics = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).topicPartitions(1).stateDir(stateDir).httpPort(0);
        for (String logical : TopicNames.LOGICAL_NAMES) {
            topics.topicName(logical, run + "." + logical);
        }
        PipelineConfig direct = topics.build();
        TopicCatalog catalog = new TopicCatalog(direct);
        try (Admin admin = Admin.create(direct.kafkaProperties())) {
            TopicProvisioner.ensureTopics(admin, catalog.specs());
        }
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(direct.producerProperties(run),
                new StringSerializer(), catalog.raw().valueSerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = run + "-" + i;
                ids.add(id);
                producer.send(new ProducerRecord<>(catalog.raw().name(), id, PipelineHarness.rawArticle(id,
                        "Hội nghị tổng kết công tác năm của huyện số " + i + ". Chủ tịch UBND tỉnh Nguyễn Văn An "
                                + "trao Bằng khen cho 12 tập thể."))).get();
            }
        }

        try (AuthenticatingProxy registry = new AuthenticatingProxy(stack.schemaRegistryUrl(), "newspipe:right")) {
            PipelineConfig services = direct.toBuilder().schemaRegistryUrl(registry.url())
                    .schemaRegistryUserInfo("newspipe:wrong")
                    .extraConfig(StreamsApp.RETRY_BACKOFF_MAX_MS_CONFIG, "2000").build();
            try (EnrichService enrich = new EnrichService(services.toBuilder().applicationId(run + "-enrich").build(),
                    Extractor.create(), Clock.systemUTC()).start();
                    PublishService publish = new PublishService(services.toBuilder().applicationId(run + "-publish")
                            .build(), Clock.systemUTC()).start()) {
                String down = awaitReadiness(enrich.http().baseUrl(), 503, "401");

                assertThat(down).contains("environment");
                assertThat(registry.refusedRequests()).isPositive();
                assertThat(recordsOn(stack, catalog.deadLetters().name())).as("dead letters while the password is "
                        + "wrong").isZero();
                assertThat(recordsOn(stack, catalog.published().name())).isZero();

                registry.accept("newspipe:wrong"); // the fix: the registry now takes the password the services have

                List<ConsumerRecord<byte[], byte[]>> published = PipelineHarness.readUntil(stack.bootstrapServers(),
                        catalog.published().name(), WAIT, records -> keys(records).containsAll(ids));
                assertThat(published).hasSize(ARTICLES);
                assertThat(published).allSatisfy(r -> assertThat(catalog.published().valueDeserializer()
                        .deserialize(catalog.published().name(), r.value())).extracting(PublishedArticle::getRevision)
                        .isEqualTo(1));
                assertThat(recordsOn(stack, catalog.deadLetters().name())).as("dead letters after the fix").isZero();
                awaitReadiness(enrich.http().baseUrl(), 200, "RUNNING");
                awaitReadiness(publish.http().baseUrl(), 200, "RUNNING");
            }
        }
    }

    private static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }

    /** Records ever written to the topic, aborted ones and transaction markers included (0 means none at all). */
    private static long recordsOn(DevStack stack, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return end.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Polls /health/ready until it answers {@code status} with a body containing {@code text}; returns the body. */
    private static String awaitReadiness(String baseUrl, int status, String text) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == status && r.body().contains(text)) {
                return r.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness of " + baseUrl + " never answered " + status + " with '" + text
                + "'; last: " + last);
    }
}
