package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.bench.BenchArticles;
import io.newspipe.devstack.ChildService;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.devstack.KafkaCluster;
import io.newspipe.schemas.PublishedArticle;

/**
 * Issue 17's fault run: three brokers (each its own process) and two instances of each service. Articles go to both
 * ingest instances at ~100/s; mid-stream one broker and one instance of each service are killed with SIGKILL and
 * the supervisor restarts them. Every article must be on news.published.v1 exactly once, at revision 1.
 */
class ClusterFaultTest {

    private static final int ARTICLES = 500;
    private static final int KILL_AT = 200;
    private static final Duration PACE = Duration.ofMillis(10); // ~100 articles/s
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void givenThreeBrokersAndTwoInstancesEach_whenOneOfEachIsKilledMidStream_thenEveryArticleIsPublishedOnce(
            @TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        try {
            run(dir, out);
        } finally {
            keepLogs(dir); // the temporary directory goes with the test; its logs explain a failure
        }
    }

    private void run(Path dir, StringWriter out) throws Exception {
        try (FullStack stack = FullStack.startInfra(dir, new FullStack.Ports(0, 0, FullStack.freePort(),
                FullStack.freePort(), FullStack.freePort()), new FullStack.Shape(3, 2), new PrintWriter(out, true),
                new PrintWriter(out, true))) {
            assertThat(stack.startServices(Duration.ofSeconds(240))).as(out.toString()).isNull();
            List<URI> ingest = stack.instanceUrls("ingest");
            assertThat(ingest).hasSize(2);
            assertThat(status(dir)).as("status while all run").allSatisfy(p -> assertThat(p.get("healthy").asBoolean())
                    .as(p.toString()).isTrue()).hasSize(3 + 1 + 6);

            BenchArticles articles = new BenchArticles("-cluster");
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            long killedAt = 0;
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> posts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < ARTICLES; i++) {
                if (i == KILL_AT) {
                    killedAt = System.nanoTime();
                    killOneOfEach(stack);
                }
                String text = articles.text(i);
                URI first = ingest.get(i % 2);
                URI other = ingest.get((i + 1) % 2);
                posts.add(clients.submit(() -> {
                    String id = postWithFailover(text, first, other);
                    acceptedAt.putIfAbsent(id, System.nanoTime());
                    return id;
                }));
                long due = t0 + (i + 1) * PACE.toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            for (Future<String> f : posts) {
                ids.add(f.get());
            }
            clients.shutdown();
            double postSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(ids).as("distinct article ids accepted").hasSize(ARTICLES);

            Map<String, List<PublishedArticle>> published = readPublished(stack, ids, Duration.ofMinutes(5));
            long recovered = lastPublishNanos;
            List<String> missing = ids.stream().filter(id -> !published.containsKey(id)).toList();
            List<String> doubled = published.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(Map.Entry::getKey).toList();
            System.out.printf(Locale.ROOT, "cluster fault run: %d posted in %.1f s, %d published, %d missing, %d doubled;"
                    + " all published %.1f s after the kill; restarts: %s%n", ids.size(), postSeconds,
                    published.size(), missing.size(), doubled.size(), (recovered - killedAt) / 1e9, restarts(stack));
            System.out.println(out);
            assertThat(missing).as("articles never published").isEmpty();
            assertThat(doubled).as("articles published more than once").isEmpty();
            assertThat(published.values()).allSatisfy(revs -> assertThat(revs.get(0).getRevision()).isEqualTo(1));
            assertThat(out.toString()).contains("broker-2", "restarted");
            awaitAllHealthy(dir, Duration.ofSeconds(120));
        }
    }

    private static void keepLogs(Path dir) throws IOException {
        Path target = Path.of("target", "cluster-fault-logs");
        for (Path logs : List.of(dir.resolve("logs"), dir.resolve("kafka").resolve("logs"))) {
            if (java.nio.file.Files.isDirectory(logs)) {
                java.nio.file.Files.createDirectories(target);
                try (var files = java.nio.file.Files.list(logs)) {
                    for (Path f : files.toList()) {
                        java.nio.file.Files.copy(f, target.resolve(f.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** SIGKILL, as an operator's kill -9 or a crash: broker 2, ingest-2, enrich-1, publish-2. */
    private static void killOneOfEach(FullStack stack) {
        KafkaCluster cluster = stack.infra().cluster().orElseThrow();
        ProcessHandle.of(cluster.pid(2).orElseThrow()).orElseThrow().destroyForcibly();
        for (ChildService c : stack.supervisor().children()) {
            if (List.of("ingest-2", "enrich-1", "publish-2").contains(c.name())) {
                c.process().destroyForcibly();
            }
        }
    }

    private String postWithFailover(String text, URI first, URI other) throws Exception {
        URI[] order = {first, other};
        IOException last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            URI target = order[attempt % 2];
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(target.resolve("/v1/articles"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202 || r.statusCode() == 200) {
                    return JSON.readTree(r.body()).path("id").asText();
                }
                last = new IOException("HTTP " + r.statusCode() + " from " + target + ": " + r.body());
            } catch (IOException e) {
                last = e; // a killed instance: the load balancer's job is to try the other one
            }
            Thread.sleep(250);
        }
        throw last;
    }

    private volatile long lastPublishNanos;

    private Map<String, List<PublishedArticle>> readPublished(FullStack stack, Set<String> ids, Duration timeout) {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.infra().bootstrapServers())
                .schemaRegistryUrl(stack.infra().schemaRegistryUrl()).build();
        var topic = new TopicCatalog(config).published();
        var props = config.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<PublishedArticle>> found = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, PublishedArticle> consumer = new KafkaConsumer<>(props, topic.keyDeserializer(),
                topic.valueDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietSince = System.nanoTime();
            // everything, then ten more quiet seconds: a doubled revision would come after the first
            while (System.nanoTime() < deadline
                    && (found.size() < ids.size() || System.nanoTime() - quietSince < 10_000_000_000L)) {
                for (ConsumerRecord<String, PublishedArticle> r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.key())) {
                        found.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                        quietSince = System.nanoTime();
                        if (found.size() == ids.size() && lastPublishNanos == 0) {
                            lastPublishNanos = System.nanoTime();
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String restarts(FullStack stack) {
        StringBuilder s = new StringBuilder();
        for (var m : stack.supervisor().members()) {
            int n = stack.supervisor().restarts(m);
            if (n > 0) {
                s.append(m.name()).append('=').append(n).append(' ');
            }
        }
        return s.toString().trim();
    }

    private static List<JsonNode> status(Path dir) throws IOException {
        StringWriter out = new StringWriter();
        Newspipe.execute(new String[] {"status", "--data-dir", dir.toString(), "--json"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(out.toString()).path("processes").forEach(rows::add);
        return rows;
    }

    private static void awaitAllHealthy(Path dir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> rows = status(dir);
        while (!rows.stream().allMatch(p -> p.get("healthy").asBoolean()) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            rows = status(dir);
        }
        assertThat(rows).as("every process healthy again after the restarts").hasSize(10)
                .allSatisfy(p -> assertThat(p.get("healthy").asBoolean()).as(p.toString()).isTrue());
        assertThat(rows).filteredOn(p -> p.get("role").asText().equals("broker") && p.get("instance").asInt() == 2)
                .singleElement().satisfies(p -> assertThat(p.get("restarts").asInt()).isGreaterThanOrEqualTo(1));
    }
}
