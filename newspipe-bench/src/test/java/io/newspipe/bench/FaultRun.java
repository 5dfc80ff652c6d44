package io.newspipe.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicReader;
import io.newspipe.devstack.ChildService;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/**
 * One fault scenario's topics (own names, so scenarios sharing a broker cannot see each other's records), its
 * producer of raw articles, and the audit of what came out.
 */
final class FaultRun implements AutoCloseable {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final PipelineConfig base;
    final TopicCatalog topics;
    final BenchArticles articles = new BenchArticles("-" + run);
    private final KafkaProducer<String, RawArticle> producer;
    private final List<Future<RecordMetadata>> sends = new CopyOnWriteArrayList<>();
    final List<String> producedIds = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    FaultRun(String bootstrapServers, String schemaRegistryUrl, Path stateDir) {
        this(bootstrapServers, schemaRegistryUrl, stateDir, 3);
    }

    /** @param partitions of every topic (1 keeps all records of a topic in order) */
    FaultRun(String bootstrapServers, String schemaRegistryUrl, Path stateDir, int partitions) {
        PipelineConfig.Builder b = PipelineConfig.builder().bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl).stateDir(stateDir).httpPort(0).topicPartitions(partitions)
                // a killed member's partitions move after the session timeout; the broker's minimum keeps it short
                .extraConfig("session.timeout.ms", "6000")
                .extraConfig("heartbeat.interval.ms", "1000");
        for (String logical : TopicNames.LOGICAL_NAMES) {
            b.topicName(logical, "fault." + run + "." + logical);
        }
        base = b.build();
        topics = new TopicCatalog(base);
        producer = new KafkaProducer<>(base.producerProperties("fault-producer-" + run), new StringSerializer(),
                topics.raw().valueSerializer());
    }

    /** Creates this run's topics (services create them on start; a test without services needs this). */
    void ensureTopics() {
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(base.kafkaProperties())) {
            io.newspipe.common.TopicProvisioner.ensureTopics(admin, topics.specs());
        }
    }

    PipelineConfig config(String applicationId, Path stateDir) {
        return base.toBuilder().applicationId(applicationId + "-" + run).stateDir(stateDir).build();
    }

    /**
     * A service in its own JVM on the test's class path, with this run's topics and settings; not started. Its output
     * goes to {@code logFile}.
     */
    ChildService child(Class<?> mainClass, String applicationId, Path stateDir, Path logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", // a short-lived child: start fast rather than peak
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(childArgs(applicationId, stateDir));
        return new ChildService(mainClass.getSimpleName(), command, logFile, null);
    }

    /** The flags that give a child service this run's topics and settings. */
    private List<String> childArgs(String applicationId, Path stateDir) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", base.bootstrapServers(),
                "--schema-registry-url", base.schemaRegistryUrl(), "--state-dir", stateDir.toString(),
                "--http-port", "0", "--application-id", applicationId + "-" + run));
        base.topicNames().forEach((logical, name) -> args.addAll(List.of("--topic-name", logical + "=" + name)));
        base.extraConfig().forEach((k, v) -> args.addAll(List.of("--config", k + "=" + v)));
        return args;
    }

    /** Sends articles [from, from + count) now, without waiting for the acknowledgements. */
    void produce(int from, int count) {
        for (int i = from; i < from + count; i++) {
            RawArticle a = articles.raw(i);
            producedIds.add(a.getArticleId());
            sends.add(producer.send(new ProducerRecord<>(topics.raw().name(), a.getArticleId(), a)));
        }
    }

    /** Sends articles [from, from + count) at {@code perSecond} on a background thread. */
    Future<?> producePaced(int from, int count, int perSecond) {
        return background.submit(() -> {
            for (int i = from; i < from + count; i++) {
                produce(i, 1);
                Thread.sleep(1000L / perSecond);
            }
            return null;
        });
    }

    /** Waits for every send's acknowledgement; an article Kafka did not take is not "ingested", so this fails. */
    int awaitAcknowledged() throws Exception {
        producer.flush();
        for (Future<RecordMetadata> f : sends) {
            f.get(2, TimeUnit.MINUTES);
        }
        return sends.size();
    }

    /** Read_committed count of this run's published records, polled until {@code atLeast} distinct ids are there. */
    int publishedDistinct(Duration timeout, int atLeast) {
        try (TopicReader reader = TopicReader.following(base, "bench-reader", topics.published().name(), true)) {
            return reader.readByKey(timeout, m -> m.size() >= atLeast).size();
        }
    }

    /**
     * Reads news.published.v1 read_committed until every expected id is there, then keeps reading
     * {@code settle} more so a late duplicate would be seen too.
     */
    Audit audit(List<String> expectedIds, Duration timeout, Duration settle) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey;
        try (TopicReader reader = TopicReader.following(base, "bench-reader", topics.published().name(), true)) {
            byKey = reader.readByKey(timeout, m -> m.keySet().containsAll(expectedIds));
            Map<String, List<ConsumerRecord<byte[], byte[]>>> more = reader.readByKey(settle, m -> false);
            more.forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        var deserializer = topics.published().valueDeserializer();
        Map<String, List<Integer>> revisions = new HashMap<>();
        byKey.forEach((k, records) -> {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                PublishedArticle p = deserializer.deserialize(r.topic(), r.headers(), r.value());
                revisions.computeIfAbsent(k, x -> new ArrayList<>()).add(p.getRevision());
            }
        });
        int deadLetters;
        try (TopicReader dlq = TopicReader.following(base, "bench-reader", topics.deadLetters().name(), true)) {
            deadLetters = dlq.readByKey(Duration.ofSeconds(2), m -> false).values().stream().mapToInt(List::size).sum();
        }
        return new Audit(expectedIds, revisions, deadLetters);
    }

    @Override
    public void close() {
        background.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    /** What came out for the articles that went in. */
    record Audit(List<String> expectedIds, Map<String, List<Integer>> revisionsById, int deadLetters) {

        List<String> missing() {
            return expectedIds.stream().filter(id -> !revisionsById.containsKey(id)).toList();
        }

        Map<String, List<Integer>> duplicated() {
            Map<String, List<Integer>> d = new HashMap<>();
            revisionsById.forEach((id, revs) -> {
                if (revs.size() > 1) {
                    d.put(id, revs);
                }
            });
            return d;
        }

        List<String> notAtRevisionOne() {
            return revisionsById.entrySet().stream().filter(e -> !e.getValue().equals(List.of(1))).map(Map.Entry::getKey)
                    .toList();
        }

        int published() {
            return (int) expectedIds.stream().filter(revisionsById::containsKey).count();
        }

        int duplicates() {
            return revisionsById.values().stream().mapToInt(r -> r.size() - 1).sum();
        }

        List<String> unexpected() {
            return revisionsById.keySet().stream().filter(id -> !expectedIds.contains(id)).toList();
        }

        String figures(String scenario, long recoverMillis) {
            return String.format("FAULT-FIGURES %s: articles_in=%d published=%d missing=%d duplicates=%d "
                    + "dead_lettered=%d time_to_recover_ms=%d", scenario, expectedIds.size(), published(),
                    missing().size(), duplicates(), deadLetters, recoverMillis);
        }
    }
}
