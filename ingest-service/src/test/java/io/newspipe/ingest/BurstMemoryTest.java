package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.EmbeddedKafkaBroker;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.support.TestArticles;

/**
 * Memory is bounded by bytes, not by the number of requests: ingest runs in its own JVM with a 160 MiB heap (and
 * exits on OutOfMemoryError), Kafka is stopped, and 24 clients post 8 MiB batches at once (192 MiB of bodies). The
 * service must answer every request (200 with per-line 503s, or 503 overloaded), stay alive and live, never hold
 * more body bytes than its budget, and take articles again once Kafka is back. Heap figures are printed
 * (BURST-MEMORY), not asserted.
 */
@ExtendWith(DevStackExtension.class)
class BurstMemoryTest {

    private static final String TOKEN = "burst-test-token";
    private static final int CLIENTS = 24;
    private static final int BATCH_BYTES = 8 << 20;
    private static final Pattern API_LINE = Pattern.compile("Ingest API on (http://[^/\\s]+)/v1/articles");

    @Test
    void givenKafkaStopped_whenManyLargeBatchesArriveAtOnce_thenEveryOneIsAnsweredAndTheHeapHolds(DevStack stack,
            @TempDir Path dir) throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0, 0, Map.of()).start();
        Path log = dir.resolve("ingest.log");
        Process child = null;
        try {
            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx160m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), IngestService.class.getName(),
                    "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                    "--topic-name", "raw=it.raw.burst", "--topic-partitions", "1", "--http-port", "0",
                    "--api-token", TOKEN, "--delivery-timeout-ms", "3000", "--state-dir", dir.resolve("state").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI base = awaitBaseUrl(child, log);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            awaitReady(client, base, log);
            assertThat(post(client, base, "/v1/articles", "text/plain; charset=utf-8",
                    TestArticles.unique("before the burst").getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(202);

            broker.stop();
            AtomicLong peakHeap = new AtomicLong();
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                replies.add(client.sendAsync(request(base, "/v1/articles/batch", "application/x-ndjson", batch(i)),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int live = 0;
            while (!CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).isDone()) {
                HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                peakHeap.accumulateAndGet(heapUsed(metrics.body()), Math::max);
                if (get(client, base, "/health/live") == 200) {
                    live++;
                }
                Thread.sleep(250);
            }
            int overloaded = 0;
            int batchesAnswered = 0;
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                HttpResponse<String> r = reply.get(); // a connection error fails the test here
                assertThat(r.statusCode()).as(r.body().lines().findFirst().orElse("")).isIn(200, 503);
                if (r.statusCode() == 503) {
                    assertThat(r.body()).contains("overloaded");
                    overloaded++;
                } else {
                    batchesAnswered++;
                    assertThat(r.body()).contains("\"status\":503");
                }
            }
            String metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double peakBodies = gauge(metrics, "ingest_request_body_bytes_peak");
            double capacity = gauge(metrics, "ingest_request_body_bytes_capacity");
            System.out.printf("BURST-MEMORY heap=160MiB batches=%d x %d MiB: answered=%d overloaded=%d, body bytes peak"
                    + " %.1f MiB of %.1f MiB budget, heap used peak %.1f MiB, live answered %d times%n", CLIENTS,
                    BATCH_BYTES >> 20, batchesAnswered, overloaded, peakBodies / (1 << 20), capacity / (1 << 20),
                    peakHeap.get() / (double) (1 << 20), live);

            assertThat(child.isAlive()).as("ingest survived the burst; log: " + tail(log)).isTrue();
            assertThat(live).as("/health/live answered during the burst").isPositive();
            assertThat(peakBodies).isLessThanOrEqualTo(capacity);
            assertThat(overloaded).as("the budget refused what it could not hold").isPositive();

            broker.start();
            HttpResponse<String> after = postUntilAccepted(client, base);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
        } finally {
            if (child != null) {
                child.destroy();
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            broker.stop();
        }
    }

    /** Unique JSON lines of about 40 KB each, up to {@link #BATCH_BYTES}. */
    private static byte[] batch(int client) {
        StringBuilder sb = new StringBuilder(BATCH_BYTES + 65_536);
        String paragraph = "Ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2025. ";
        int line = 0;
        while (sb.length() * 1.3 < BATCH_BYTES) { // Vietnamese letters take 2-3 bytes in UTF-8
            sb.append("{\"text\":\"Bài ").append(client).append('-').append(line++).append(". ")
                    .append(paragraph.repeat(300)).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postUntilAccepted(HttpClient client, URI base) throws Exception {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            r = post(client, base, "/v1/articles", "text/plain; charset=utf-8",
                    TestArticles.unique("after the burst").getBytes(StandardCharsets.UTF_8));
            if (r.statusCode() != 503) {
                return r;
            }
            Thread.sleep(1000);
        }
        return r;
    }

    private static HttpRequest request(URI base, String path, String type, byte[] body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(3)).header("Content-Type", type)
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpResponse<String> post(HttpClient client, URI base, String path, String type, byte[] body)
            throws IOException, InterruptedException {
        return client.send(request(base, path, type, body), HttpResponse.BodyHandlers.ofString());
    }

    private static int get(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void awaitReady(HttpClient client, URI base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (get(client, base, "/health/ready") != 200) {
            if (System.nanoTime() > deadline) {
                String readiness = client.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
                throw new AssertionError("ingest did not become ready: " + readiness + "\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    private static URI awaitBaseUrl(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = API_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("ingest exited at start: " + tail(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest did not log its address: " + tail(log));
    }

    private static long heapUsed(String metrics) {
        return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double gauge(String metrics, String name) {
        return IngestServiceTest.counter(metrics, name);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
