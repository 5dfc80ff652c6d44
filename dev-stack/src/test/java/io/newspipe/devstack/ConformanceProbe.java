package io.newspipe.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.AvroDeserializer;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.AvroSerializer;

/**
 * The Java half of the conformance check with Confluent's Python client (.ci/conformance):
 * {@code write <topic> <n>} writes RawArticle records java-0..java-(n-1) with the Java serde;
 * {@code read <topic> <n>} reads n records with the Java deserializer and checks the fields the Python side wrote
 * (py-0..py-(n-1)); exits 1 on any mismatch. Addresses from BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL
 * (defaults 127.0.0.1:9092 and http://127.0.0.1:8081).
 */
public final class ConformanceProbe {

    /** Both sides agree on these values; the Python script uses the same ones. */
    static final String TEXT = "Chủ tịch UBND tỉnh trao Bằng khen cho 6 tập thể, thu ngân sách đạt 842,238 tỷ đồng.";
    static final long RECEIVED_MS = 1_767_225_600_000L;

    private ConformanceProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("write") || args[0].equals("read"))) {
            System.err.println("usage: ConformanceProbe write|read <topic> <n>");
            System.exit(2);
        }
        String bootstrap = env("BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String registry = env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081");
        String topic = args[1];
        int n = Integer.parseInt(args[2]);
        int status = args[0].equals("write") ? write(bootstrap, registry, topic, n) : read(bootstrap, registry, topic, n);
        System.exit(status);
    }

    static RawArticle article(String id, int i) {
        return RawArticle.newBuilder().setArticleId(id).setTitle("Bài " + i).setSource("conformance")
                .setReceivedAt(Instant.ofEpochMilli(RECEIVED_MS + i)).setOriginalText(TEXT).setText(TEXT)
                .setParagraphs(List.of(TEXT)).setContentHash("h" + i).build();
    }

    private static int write(String bootstrap, String registry, String topic, int n) throws Exception {
        createTopic(bootstrap, topic);
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", "all",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry);
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, RawArticle> producer =
                new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, "java-" + i, article("java-" + i, i))).get();
            }
        }
        System.out.println("wrote " + n + " RawArticle records to " + topic);
        return 0;
    }

    private static int read(String bootstrap, String registry, String topic, int n) {
        AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        List<RawArticle> records = new ArrayList<>();
        try (KafkaConsumer<String, RawArticle> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), deserializer)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < n && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
            }
        }
        List<String> problems = new ArrayList<>();
        if (records.size() != n) {
            problems.add("expected " + n + " records on " + topic + ", read " + records.size());
        }
        for (int i = 0; i < records.size(); i++) {
            RawArticle r = records.get(i);
            check(problems, i, "articleId", "py-" + i, r.getArticleId());
            check(problems, i, "text", TEXT, r.getText());
            check(problems, i, "originalText", TEXT, r.getOriginalText());
            check(problems, i, "title", "Bài " + i, r.getTitle());
            check(problems, i, "language", "vi", r.getLanguage());
            check(problems, i, "receivedAt", Instant.ofEpochMilli(RECEIVED_MS + i), r.getReceivedAt());
            check(problems, i, "paragraphs", List.of(TEXT), r.getParagraphs());
            check(problems, i, "url", null, r.getUrl());
        }
        if (!problems.isEmpty()) {
            problems.forEach(s -> System.err.println("MISMATCH " + s));
            return 1;
        }
        System.out.println("read and checked " + n + " records from " + topic);
        return 0;
    }

    private static void check(List<String> problems, int i, String field, Object expected, Object actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add("record " + i + " " + field + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
