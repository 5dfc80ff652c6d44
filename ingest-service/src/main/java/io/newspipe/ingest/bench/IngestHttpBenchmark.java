package io.newspipe.ingest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.ingest.IngestService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Posts N generated articles (distinct, ~2.5 KB of Vietnamese scraped-style text each) over HTTP with a few
 * concurrent clients and prints the accepted articles per second (each one acknowledged by Kafka before the 202).
 *
 * <p>Either against a running service ({@code --url}) or, with {@code --bootstrap-servers} and
 * {@code --schema-registry-url}, against an in-process {@link IngestService} on a fresh raw topic (so every article
 * is new). Not a test: speed is measured here, not asserted. Example against a DevStack:
 * <pre>
 * java -cp ... io.newspipe.devstack.DevStackMain --data-dir /tmp/bench-stack --kafka-port 19092 --registry-port 18081 &amp;
 * java -cp ... io.newspipe.ingest.bench.IngestHttpBenchmark --bootstrap-servers 127.0.0.1:19092 \
 *      --schema-registry-url http://127.0.0.1:18081 --articles 5000 --clients 4
 * </pre>
 */
@Command(name = "ingest-http-benchmark", mixinStandardHelpOptions = true,
        description = "Posts generated articles to the ingest API and prints accepted articles/s.")
public final class IngestHttpBenchmark implements Callable<Integer> {

    @Option(names = "--url", description = "Base URL of a running ingest service, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--bootstrap-servers", description = "Start an in-process ingest service on this Kafka")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Schema Registry of the in-process service")
    String schemaRegistryUrl = "http://127.0.0.1:8081";

    @Option(names = "--articles", description = "Articles to post (default ${DEFAULT-VALUE})")
    int articles = 5000;

    @Option(names = "--warm-up", description = "Articles posted first and not counted (default ${DEFAULT-VALUE})")
    int warmUp = 300;

    @Option(names = "--clients", description = "Concurrent HTTP clients (default ${DEFAULT-VALUE})")
    int clients = 4;

    @Option(names = "--batch-size", description = "Post NDJSON batches of this many articles instead of one per request (0 = single)")
    int batchSize = 0;

    @Option(names = "--token", description = "Bearer token, when the service requires one")
    String token;

    private HttpClient http;
    private URI base;
    private final long runId = System.currentTimeMillis();

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestHttpBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        IngestService service = null;
        if (url == null) {
            if (bootstrapServers == null) {
                System.err.println("Give --url of a running service, or --bootstrap-servers (and --schema-registry-url)");
                return 2;
            }
            PipelineConfig config = PipelineConfig.builder().bootstrapServers(bootstrapServers)
                    .schemaRegistryUrl(schemaRegistryUrl).httpPort(0)
                    .topicName(TopicNames.LOGICAL_RAW, "bench.raw." + runId).build();
            service = new IngestService(config, IngestService.Options.defaults()).start();
            if (!service.awaitReady(Duration.ofSeconds(60))) {
                System.err.println("ingest service not ready: " + service.readiness());
                service.stop();
                return 1;
            }
            url = service.baseUrl();
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        base = URI.create(url.endsWith("/") ? url : url + "/");
        try {
            run("warm-up", 0, warmUp);
            Result r = run("measured", warmUp, articles);
            System.out.printf("%d articles accepted (%d failed) in %.2f s with %d clients%s: %.0f articles/s; "
                    + "request latency p50 %.1f ms, p99 %.1f ms%n", r.accepted, r.failed, r.seconds, clients,
                    batchSize > 0 ? " (batches of " + batchSize + ")" : "", r.accepted / r.seconds, r.p50, r.p99);
            return r.failed == 0 ? 0 : 1;
        } finally {
            if (service != null) {
                service.stop();
            }
        }
    }

    private record Result(int accepted, int failed, double seconds, double p50, double p99) {
    }

    private Result run(String phase, int firstIndex, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int perRequest = Math.max(1, batchSize);
        int requests = (count + perRequest - 1) / perRequest;
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int req;
                while ((req = next.getAndIncrement()) < requests) {
                    int from = firstIndex + req * perRequest;
                    int n = Math.min(perRequest, firstIndex + count - from);
                    long t0 = System.nanoTime();
                    int ok = post(from, n);
                    latencies[req] = System.nanoTime() - t0;
                    accepted.addAndGet(ok);
                    failed.addAndGet(n - ok);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        double p50 = latencies[(int) (requests * 0.50)] / 1e6;
        double p99 = latencies[Math.min(requests - 1, (int) (requests * 0.99))] / 1e6;
        System.err.printf("%s: %d accepted, %d failed in %.2f s%n", phase, accepted.get(), failed.get(), seconds);
        return new Result(accepted.get(), failed.get(), seconds, p50, p99);
    }

    /** Posts articles [from, from + n); returns how many were accepted as new. */
    private int post(int from, int n) throws IOException, InterruptedException {
        HttpRequest.Builder b;
        if (batchSize > 0) {
            StringBuilder body = new StringBuilder();
            for (int i = from; i < from + n; i++) {
                body.append("{\"text\":").append(jsonString(article(i))).append("}\n");
            }
            b = HttpRequest.newBuilder(base.resolve("v1/articles/batch")).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            b = HttpRequest.newBuilder(base.resolve("v1/articles")).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(article(from), StandardCharsets.UTF_8));
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (batchSize > 0) {
            return r.statusCode() == 200 ? Integer.parseInt(r.headers().firstValue("X-Ingest-Accepted").orElse("0")) : 0;
        }
        return r.statusCode() == 202 ? 1 : 0;
    }

    /** A distinct article in the raw scraped style (outlet tag, caption with credit, byline, URL). */
    String article(int i) {
        return "(BĐ) - Sáng " + (i % 28 + 1) + ".3, UBND huyện số " + i + " (lượt " + runId + ") tổ chức hội nghị tổng kết "
                + "công tác thi đua, khen thưởng năm 2024 và triển khai nhiệm vụ năm 2025.\n"
                + "Quang cảnh hội nghị. Ảnh: T.LINH\n"
                + ("Năm 2024, địa phương đã hoàn thành " + (i % 35) + "/35 chỉ tiêu chủ yếu, thu ngân sách đạt "
                        + (100 + i % 900) + ",5 tỷ đồng, tăng 12,4% so với cùng kỳ; giải ngân vốn đầu tư công đạt 95,2% "
                        + "kế hoạch. Công tác cải cách hành chính, chuyển đổi số được đẩy mạnh, chỉ số hài lòng của "
                        + "người dân đạt trên 90%.\n").repeat(4)
                + "Chủ tịch UBND huyện trao Bằng khen cho các tập thể có thành tích xuất sắc. |\n"
                + "Dịp này, UBND tỉnh tặng Bằng khen cho " + (i % 20 + 3) + " tập thể và " + (i % 40 + 5)
                + " cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước.\n"
                + "T.LINH\nhttps://baobinhdinh.vn/viewer.aspx?mabb=" + i + "\n";
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
