package io.newspipe.publish.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.devstack.DevStack;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.RawArticle;

/**
 * Latency probe (not a test): starts a DevStack (real broker + registry), runs enrich and publish in this JVM with
 * exactly_once_v2, then sends articles one at a time and measures, for each, the time from just before the send of
 * the RawArticle to news.raw.v1 until a read_committed consumer sees its PublishedArticle on news.published.v1.
 *
 * <pre>
 * mvn -o -q -pl publish-service test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp publish-service/target/test-classes:publish-service/target/classes:$(cat /tmp/cp.txt) \
 *     io.newspipe.publish.bench.EndToEndLatency [articles=20] [warmup=3]
 * </pre>
 */
public final class EndToEndLatency {

    private EndToEndLatency() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String text = resource("articles/hoi-nghi-tinh-uy.txt");
        Path dir = Files.createTempDirectory("newspipe-latency-");
        try (DevStack stack = DevStack.start(DevStack.Options.inDir(dir.resolve("stack")))) {
            PipelineConfig base = PipelineConfig.builder()
                    .bootstrapServers(stack.bootstrapServers())
                    .schemaRegistryUrl(stack.schemaRegistryUrl())
                    .stateDir(dir.resolve("state"))
                    .topicPartitions(1)
                    .httpPort(0)
                    .build();
            TopicCatalog topics = new TopicCatalog(base);
            try (EnrichService enrich = new EnrichService(base.toBuilder().applicationId("latency-enrich").build(),
                    Extractor.create(), Clock.systemUTC()).start();
                    PublishService publish = new PublishService(
                            base.toBuilder().applicationId("latency-publish").build(), Clock.systemUTC()).start();
                    KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                            base.producerProperties("latency-producer"), new StringSerializer(),
                            topics.raw().valueSerializer());
                    KafkaConsumer<byte[], byte[]> consumer = consumer(stack.bootstrapServers())) {
                awaitReady(enrich, publish);
                TopicPartition published = new TopicPartition(topics.published().name(), 0);
                consumer.assign(List.of(published));
                consumer.seekToEnd(List.of(published));
                consumer.position(published);

                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < warmup + articles; i++) {
                    String id = "latency-" + i + "-" + UUID.randomUUID();
                    // a different text each time: a repeated one would be no new revision and never be published
                    RawArticle raw = raw(id, text + "\nBài số " + i + ".");
                    long start = System.nanoTime();
                    producer.send(new ProducerRecord<>(topics.raw().name(), id, raw));
                    producer.flush();
                    awaitKey(consumer, id);
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (i >= warmup) {
                        millis.add(ms);
                    }
                }
                Collections.sort(millis);
                System.out.printf("end-to-end latency raw -> published (exactly_once_v2, commit.interval.ms=%s),"
                        + " %d articles after %d warm-up: min %.0f ms, median %.0f ms, p90 %.0f ms, max %.0f ms%n",
                        base.streamsProperties().get("commit.interval.ms"), millis.size(), warmup, millis.get(0),
                        pct(millis, 0.5), pct(millis, 0.9), millis.get(millis.size() - 1));
            }
        }
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static void awaitKey(KafkaConsumer<byte[], byte[]> consumer, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                if (r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                    return;
                }
            }
        }
        throw new IllegalStateException("Article " + id + " was not published within 60 s");
    }

    private static void awaitReady(EnrichService enrich, PublishService publish) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(enrich.app().readiness().ready() && publish.app().readiness().ready())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Services not RUNNING within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static RawArticle raw(String id, String original) throws Exception {
        String text = TextNormalizer.normalize(original);
        return RawArticle.newBuilder().setArticleId(id).setReceivedAt(Instant.now()).setOriginalText(original)
                .setText(text).setContentHash(HexFormat.of().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EndToEndLatency.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
