package io.newspipe.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends article files to a running ingest service over HTTP: {@code .txt} files (one raw scraped article each, to
 * {@code POST /v1/articles}) and {@code .ndjson}/{@code .jsonl} files (one JSON article per line, to
 * {@code POST /v1/articles/batch}), or directories holding them (searched recursively, in name order).
 *
 * <p>Progress goes to {@code err}: a redrawn bar when the console is a terminal, else a line every few seconds.
 * The summary goes to {@code out}: articles sent, duplicates, and every failure with its file (and line) and
 * reason. A 503 is retried a few times after its Retry-After. Exit status 0 when nothing failed, 1 otherwise.
 */
public final class IngestFiles {

    static final int PARALLEL_SENDERS = 4;
    static final int MAX_ATTEMPTS = 3;
    static final long MAX_RETRY_WAIT_MILLIS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String token;
    private final HttpClient client;
    private final Progress progress;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private IngestFiles(URI ingestUrl, String token, PrintStream err, int totalFiles) {
        this.baseUrl = baseOf(ingestUrl);
        this.token = token == null || token.isBlank() ? null : token;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.progress = new Progress(err, totalFiles, err == System.err && System.console() != null);
    }

    /**
     * @param paths     files and directories
     * @param ingestUrl the service's base URL, e.g. {@code http://127.0.0.1:8080} (a URL ending in
     *                  {@code /v1/articles} is accepted too)
     * @param tokenOrNull bearer token when the service requires one
     * @return 0 when every article was sent or was a duplicate, 1 when anything failed
     */
    public static int run(List<Path> paths, URI ingestUrl, String tokenOrNull, PrintStream out, PrintStream err) {
        List<String> problems = new ArrayList<>();
        List<Path> files = expand(paths, problems);
        IngestFiles run = new IngestFiles(ingestUrl, tokenOrNull, err, files.size());
        run.failures.addAll(problems);
        run.sendAll(files);
        run.progress.finish(run.sent.get(), run.duplicates.get(), run.failures.size());
        run.summary(out, files.size());
        return run.failures.isEmpty() ? 0 : 1;
    }

    private void sendAll(List<Path> files) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SENDERS, r -> {
            Thread t = new Thread(r, "ingest-files");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    sendFile(file);
                    progress.fileDone(sent.get(), duplicates.get(), failures.size());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    failures.add("internal error: " + e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void sendFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            failures.add(file + ": cannot read: " + e.getMessage());
            return;
        }
        boolean batch = name.endsWith(".ndjson") || name.endsWith(".jsonl");
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(batch ? "v1/articles/batch" : "v1/articles"))
                .timeout(Duration.ofSeconds(batch ? 300 : 60))
                .header("Content-Type", batch ? "application/x-ndjson; charset=utf-8" : "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = sendWithRetry(request.build());
        } catch (ConnectException e) {
            failures.add(file + ": cannot reach the ingest service at " + baseUrl + " (" + e.getMessage() + ")");
            return;
        } catch (IOException e) {
            failures.add(file + ": request failed: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(file + ": interrupted");
            return;
        }
        if (batch && response.statusCode() == 200) {
            countBatch(file, response.body());
        } else if (response.statusCode() == 202) {
            sent.incrementAndGet();
        } else if (response.statusCode() == 200) {
            duplicates.incrementAndGet();
        } else {
            failures.add(file + ": " + describeError(response.statusCode(), response.body()));
        }
    }

    private HttpResponse<String> sendWithRetry(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || attempt == MAX_ATTEMPTS) {
                return response;
            }
            long wait = response.headers().firstValue("Retry-After").map(IngestFiles::seconds).orElse(1L) * 1000;
            Thread.sleep(Math.min(wait, MAX_RETRY_WAIT_MILLIS));
        }
    }

    private void countBatch(Path file, String body) {
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode r = JSON.readTree(line);
                if (r.has("error")) {
                    failures.add(file + " line " + r.path("line").asInt() + ": " + r.path("status").asInt() + " "
                            + r.path("error").asText() + ": " + r.path("message").asText());
                } else if (r.path("duplicate").asBoolean()) {
                    duplicates.incrementAndGet();
                } else {
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                failures.add(file + ": unreadable reply line from the service: " + line);
            }
        }
    }

    private void summary(PrintStream out, int files) {
        out.printf("Ingest to %s: %d file(s), %d article(s) sent, %d duplicate(s), %d failed%n", baseUrl, files,
                sent.get(), duplicates.get(), failures.size());
        if (!failures.isEmpty()) {
            out.println("Failed:");
            List<String> sorted = new ArrayList<>(failures);
            Collections.sort(sorted);
            for (String f : sorted) {
                out.println("  " + f);
            }
        }
        out.flush();
    }

    static List<Path> expand(List<Path> paths, List<String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(IngestFiles::isArticleFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.add(p + ": cannot list directory: " + e.getMessage());
                }
            } else if (!Files.exists(p)) {
                problems.add(p + ": no such file or directory");
            } else if (!isArticleFile(p)) {
                problems.add(p + ": not an article file (expected .txt, .ndjson or .jsonl)");
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean isArticleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    private static String describeError(int status, String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.has("error")) {
                return status + " " + n.path("error").asText() + ": " + n.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: show it as it is
        }
        String shown = body == null ? "" : body.strip();
        return "HTTP " + status + (shown.isEmpty() ? "" : ": " + (shown.length() > 200 ? shown.substring(0, 200) : shown));
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static URI baseOf(URI url) {
        String s = url.toString();
        for (String suffix : List.of("/v1/articles/batch", "/v1/articles")) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** Progress on stderr: a redrawn bar on a terminal, else a line at most every 5 s. */
    private static final class Progress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final int total;
        private final boolean terminal;
        private final AtomicInteger done = new AtomicInteger();
        private volatile long lastLine = System.nanoTime();

        Progress(PrintStream err, int total, boolean terminal) {
            this.err = err;
                this.total = total;
            this.terminal = terminal;
        }

        void fileDone(int sent, int duplicates, int failed) {
            int d = done.incrementAndGet();
            if (terminal) {
                int filled = total == 0 ? WIDTH : (int) ((long) d * WIDTH / total);
                synchronized (err) {
                    err.printf("\r[%s%s] %d/%d files  sent %d  dup %d  failed %d", "#".repeat(filled),
                            " ".repeat(WIDTH - filled), d, total, sent, duplicates, failed);
                    err.flush();
                }
            } else if (System.nanoTime() - lastLine > 5_000_000_000L) {
                lastLine = System.nanoTime();
                err.printf("ingest: %d/%d files, sent %d, duplicates %d, failed %d%n", d, total, sent, duplicates, failed);
            }
        }

        void finish(int sent, int duplicates, int failed) {
            if (terminal) {
                err.println();
            } else {
                err.printf("ingest: %d/%d files, sent %d, duplicates %d, failed %d%n", done.get(), total, sent,
                        duplicates, failed);
            }
            err.flush();
        }
    }
}
