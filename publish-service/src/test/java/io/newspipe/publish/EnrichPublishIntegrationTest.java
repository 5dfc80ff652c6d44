package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/**
 * Both Streams services on the real embedded broker and registry, exactly_once_v2: a raw article in, the published
 * article with its persons, award and KPI out; a redelivered raw record makes no new revision; garbage and an
 * unknown schema id are dead-lettered and the next article still goes through.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichPublishIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private DevStack stack;
    private TopicCatalog topics;
    private EnrichService enrich;
    private PublishService publish;
    private KafkaProducer<String, RawArticle> producer;
    private KafkaProducer<String, byte[]> bytesProducer;
    private PipelineConfig publishConfig;

    @BeforeAll
    void startServices(DevStack stack, @TempDir Path stateDir) {
        this.stack = stack;
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one partition per topic keeps the order of all records, so "C is published" means "all before C are done"
        PipelineConfig base = PipelineConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .stateDir(stateDir)
                .topicPartitions(1)
                .httpPort(0)
                .build();
        enrich = new EnrichService(base.toBuilder().applicationId("it-enrich-" + run).build(), Extractor.create(),
                Clock.systemUTC()).start();
        publishConfig = base.toBuilder().applicationId("it-publish-" + run).build();
        publish = new PublishService(publishConfig, Clock.systemUTC()).start();
        topics = new TopicCatalog(base);
        Properties props = base.producerProperties("it-producer-" + run);
        producer = new KafkaProducer<>(props, new StringSerializer(), topics.raw().valueSerializer());
        bytesProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopServices() {
        for (AutoCloseable c : new AutoCloseable[] {producer, bytesProducer, publish, enrich}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the rest matters more
                }
            }
        }
    }

    @Test
    void givenRawArticle_whenThroughBothServices_thenPublishedOnceWithPersonsAwardAndKpiAndBadRecordsDeadLettered(
            @TempDir Path freshStateDir) throws Exception {
        String id = "nghe-an-tong-ket-2023-" + UUID.randomUUID();
        RawArticle article = PipelineHarness.rawArticle(id, resource("articles/hoi-nghi-tinh-uy.txt"));

        producer.send(new ProducerRecord<>(topics.raw().name(), id, article)).get();

        PublishedArticle p = value(topics.published().valueDeserializer(), topics.published().name(),
                readUntil(topics.published().name(), hasKey(id)).stream().filter(r -> key(r).equals(id)).findFirst()
                        .orElseThrow());
        assertThat(p.getRevision()).isEqualTo(1);
        assertThat(p.getText()).isEqualTo(article.getText());
        assertThat(p.getExtractorVersion()).isEqualTo(Extractor.create().version());
        assertThat(p.getEntities()).filteredOn(e -> e.getType() == EntityType.PERSON)
                .extracting(e -> e.getCanonical()).contains("Thái Thanh Quý", "Hoàng Nghĩa Hiếu");
        // the story step ran on the real broker: the first article of its story names it, and persons have ids
        assertThat(p.getStoryId()).isEqualTo(io.newspipe.stories.StoryIds.ofFirstArticle(id));
        assertThat(p.getEntities()).filteredOn(e -> e.getType() == EntityType.PERSON)
                .allSatisfy(e -> assertThat(e.getId()).startsWith("p-"));
        assertThat(p.getAwards()).anySatisfy(a -> {
            assertThat(a.getAward()).isEqualTo("Bằng khen");
            assertThat(a.getRecipientCount()).isEqualTo(6);
            assertThat(a.getRecipients()).hasSize(6).contains("Diễn Châu", "Tân Kỳ");
        });
        assertThat(p.getKpis()).anySatisfy(k -> {
            assertThat(k.getValue()).isEqualTo(7.0);
            assertThat(k.getTotal()).isEqualTo(35.0);
            assertThat(k.getStatus()).isEqualTo("khó đạt");
        });

        // redelivery of the same raw record, then two undecodable records, then another article
        producer.send(new ProducerRecord<>(topics.raw().name(), id, article)).get();
        bytesProducer.send(new ProducerRecord<>(topics.raw().name(), "garbage-" + id,
                "chẳng phải Avro".getBytes(StandardCharsets.UTF_8))).get();
        bytesProducer.send(new ProducerRecord<>(topics.raw().name(), "unknown-id-" + id,
                new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 0x02})).get();
        String nextId = "next-" + id;
        producer.send(new ProducerRecord<>(topics.raw().name(), nextId,
                PipelineHarness.rawArticle(nextId, resource("articles/hoi-nghi-tinh-uy.txt") + "\nTin bổ sung."))).get();

        List<ConsumerRecord<byte[], byte[]>> published = readUntil(topics.published().name(), hasKey(nextId));
        assertThat(published).filteredOn(r -> key(r).equals(id)).hasSize(1);
        assertThat(published).filteredOn(r -> key(r).equals(nextId)).hasSize(1);

        List<ConsumerRecord<byte[], byte[]>> awards = readUntil(topics.awards().name(), hasKey(nextId));
        List<AwardItem> awardItems = awards.stream().filter(r -> key(r).equals(id))
                .map(r -> value(topics.awards().valueDeserializer(), topics.awards().name(), r)).toList();
        assertThat(awardItems).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getRevision()).isEqualTo(1);
            assertThat(a.getCount()).isEqualTo(awardItems.size());
        });
        List<KpiItem> kpiItems = readUntil(topics.kpis().name(), hasKey(nextId)).stream()
                .filter(r -> key(r).equals(id))
                .map(r -> value(topics.kpis().valueDeserializer(), topics.kpis().name(), r)).toList();
        assertThat(kpiItems).extracting(KpiItem::getRevision).containsOnly(1);
        assertThat(kpiItems).hasSize(p.getKpis().size());

        List<ConsumerRecord<byte[], byte[]>> dead = readUntil(topics.deadLetters().name(),
                hasKey("garbage-" + id).and(hasKey("unknown-id-" + id)));
        assertThat(dead).filteredOn(r -> key(r).endsWith(id)).hasSize(2).allSatisfy(r -> {
            assertThat(header(r, DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
            assertThat(header(r, DeadLetterHandler.HEADER_KIND)).isEqualTo("deserialization");
            assertThat(header(r, DeadLetterHandler.HEADER_TOPIC)).isEqualTo(topics.raw().name());
            assertThat(header(r, DeadLetterHandler.HEADER_EXCEPTION)).endsWith("SerializationException");
        });
        assertThat(dead).filteredOn(r -> key(r).equals("garbage-" + id)).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("chẳng phải Avro"));

        // publish restarts on an empty state directory: the revision store is restored from its changelog, so a
        // replay of the same raw record still makes no new revision
        publish.close();
        publish = new PublishService(publishConfig.toBuilder().stateDir(freshStateDir).build(), Clock.systemUTC())
                .start();
        producer.send(new ProducerRecord<>(topics.raw().name(), id, article)).get();
        String afterRestartId = "after-restart-" + id;
        producer.send(new ProducerRecord<>(topics.raw().name(), afterRestartId, PipelineHarness.rawArticle(
                afterRestartId, resource("articles/hoi-nghi-tinh-uy.txt") + "\nTin sau khởi động lại."))).get();
        List<ConsumerRecord<byte[], byte[]>> afterRestart = readUntil(topics.published().name(),
                hasKey(afterRestartId));
        assertThat(afterRestart).filteredOn(r -> key(r).equals(id)).hasSize(1);
    }

    @Test
    void givenRunningServices_whenHealthAsked_thenBothAreReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String base : List.of(enrich.http().baseUrl(), publish.http().baseUrl())) {
            int status = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (status != 200 && System.nanoTime() < deadline) {
                status = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as(base + "/health/ready").isEqualTo(200);
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("kafka_stream");
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        return PipelineHarness.readUntil(stack.bootstrapServers(), topic, WAIT, done);
    }

    private static Predicate<List<ConsumerRecord<byte[], byte[]>>> hasKey(String key) {
        return records -> records.stream().anyMatch(r -> key(r).equals(key));
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
    }

    private static <V> V value(Deserializer<V> deserializer, String topic, ConsumerRecord<byte[], byte[]> r) {
        return deserializer.deserialize(topic, r.value());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EnrichPublishIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
