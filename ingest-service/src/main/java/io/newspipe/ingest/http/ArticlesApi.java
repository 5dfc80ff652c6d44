package io.newspipe.ingest.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.InvalidArticleException;
import io.newspipe.ingest.intake.Acceptance;
import io.newspipe.ingest.intake.ArticleIntake;
import io.newspipe.ingest.intake.IntakeUnavailableException;

/**
 * The write API.
 *
 * <ul>
 *   <li>{@code POST /v1/articles}: {@code text/plain; charset=utf-8} (raw scraped text) or {@code application/json}
 *       ({@code {"text", "url"?, "title"?, "source"?, "publishedAt"?, "language"?}}). Replies {@code 202
 *       {"id", "duplicate": false}} once Kafka acknowledged the write, {@code 200 {"id", "duplicate": true}} when
 *       the article was already on news.raw.v1 (nothing written).</li>
 *   <li>{@code POST /v1/articles/batch}: {@code application/x-ndjson}, one JSON object per line. Always {@code 200}
 *       when the batch itself was readable, with one result line per non-blank input line, in input order:
 *       {@code {"line": n, "id", "duplicate"}} or {@code {"line": n, "status", "error", "message"}} (status is what
 *       the line alone would have got, 503 meaning "retry this line"). Good lines are written even when others
 *       fail. Headers {@code X-Ingest-Accepted}, {@code X-Ingest-Duplicates}, {@code X-Ingest-Failed} sum it up.</li>
 * </ul>
 * Errors are {@code {"error", "message"}}; 503 carries {@code Retry-After}. Writes need
 * {@code Authorization: Bearer <token>} when a token is configured.
 *
 * <p>The JDK server's few dispatcher threads only read request bodies; building, writing and waiting for Kafka's
 * acknowledgement happen on the {@code worker} pool, which also writes the reply, so a slow broker does not starve
 * the health endpoints.
 */
public final class ArticlesApi {

    public static final String ARTICLES_PATH = "/v1/articles";
    public static final String BATCH_PATH = "/v1/articles/batch";
    static final Set<String> NDJSON_TYPES = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines");
    static final int RETRY_AFTER_SECONDS = 5;
    /** Lines of a batch written before waiting for their acknowledgements: bounds producer memory per batch. */
    static final int BATCH_WINDOW = 256;

    private static final Logger log = LoggerFactory.getLogger(ArticlesApi.class);

    /**
     * @param maxBodyBytes      limit of a single article request body and of one batch line
     * @param maxBatchBytes     limit of a whole batch body
     * @param apiToken          bearer token required for writes, or null for none
     * @param ackTimeoutMillis  how long a request waits for Kafka's acknowledgement before answering 503
     */
    public record Settings(long maxBodyBytes, long maxBatchBytes, String apiToken, long ackTimeoutMillis) {
    }

    private final Settings settings;
    private final Supplier<ArticleIntake> intake;
    private final IngestMetrics metrics;
    private final ExecutorService worker;
    private volatile boolean accepting = true;

    /**
     * @param intake the intake, or null while the service is not ready (id index not rebuilt yet)
     */
    public ArticlesApi(Settings settings, Supplier<ArticleIntake> intake, IngestMetrics metrics, ExecutorService worker) {
        this.settings = settings;
        this.intake = intake;
        this.metrics = metrics;
        this.worker = worker;
    }

    /** Refuse new writes with 503 (shutting down); requests already taken still get their answer. */
    public void stopAccepting() {
        accepting = false;
    }

    public HttpHandler articlesHandler() {
        return exchange -> handle(exchange, ARTICLES_PATH, this::single);
    }

    public HttpHandler batchHandler() {
        return exchange -> handle(exchange, BATCH_PATH, this::batch);
    }

    @FunctionalInterface
    private interface Endpoint {
        /** Reads the request and hands it to the worker; throws ApiException to reply with an error right away. */
        void accept(HttpExchange exchange, long startNanos) throws IOException;
    }

    private void handle(HttpExchange exchange, String path, Endpoint endpoint) throws IOException {
        long start = System.nanoTime();
        try {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                throw new ApiException(404, "not_found", "No endpoint at " + exchange.getRequestURI().getPath());
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw new ApiException(405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on "
                        + path + "; use POST", Map.of("Allow", "POST"), null);
            }
            authorize(exchange);
            if (!accepting) {
                throw unavailable(new IntakeUnavailableException(IntakeUnavailableException.Reason.SHUTTING_DOWN,
                        "the service is shutting down; send the article to another instance or retry later", null));
            }
            endpoint.accept(exchange, start);
        } catch (ApiException e) {
            replyError(exchange, path, start, e);
        }
    }

    private void single(HttpExchange exchange, long start) throws IOException {
        MediaType type = MediaType.parse(exchange.getRequestHeaders().getFirst("Content-Type"));
        boolean plain = type.essence().equals("text/plain");
        if (!plain && !type.essence().equals("application/json")) {
            throw unsupported(type, "text/plain; charset=utf-8 or application/json");
        }
        requireUtf8(type);
        byte[] body = RequestBodies.readBounded(exchange.getRequestBody(), contentLength(exchange), settings.maxBodyBytes());
        String text = RequestBodies.decodeUtf8(body, "request body");
        ArticleSubmission submission = plain ? ArticleSubmission.ofText(text) : SubmissionJson.parse(text, "request body");
        ArticleIntake current = readyIntake();
        dispatch(exchange, ARTICLES_PATH, start, () -> {
            try {
                Acceptance a = current.submitAndWait(submission, settings.ackTimeoutMillis());
                metrics.accepted(a.duplicate());
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("id", a.articleId());
                reply.put("duplicate", a.duplicate());
                Responses.json(exchange, a.duplicate() ? 200 : 202, reply);
                metrics.request(ARTICLES_PATH, a.duplicate() ? 200 : 202, start);
            } catch (RuntimeException e) {
                replyError(exchange, ARTICLES_PATH, start, toApiException(e));
            }
        });
    }

    private void batch(HttpExchange exchange, long start) throws IOException {
        MediaType type = MediaType.parse(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!NDJSON_TYPES.contains(type.essence())) {
            throw unsupported(type, "application/x-ndjson (one JSON object per line)");
        }
        requireUtf8(type);
        byte[] body = RequestBodies.readBounded(exchange.getRequestBody(), contentLength(exchange),
                settings.maxBatchBytes());
        ArticleIntake current = readyIntake();
        dispatch(exchange, BATCH_PATH, start, () -> {
            try {
                BatchOutcome outcome = runBatch(current, body);
                Map<String, String> headers = Map.of("X-Ingest-Accepted", String.valueOf(outcome.accepted),
                        "X-Ingest-Duplicates", String.valueOf(outcome.duplicates),
                        "X-Ingest-Failed", String.valueOf(outcome.failed));
                Responses.send(exchange, 200, Responses.NDJSON_TYPE, outcome.body.getBytes(StandardCharsets.UTF_8),
                        headers);
                metrics.request(BATCH_PATH, 200, start);
            } catch (RuntimeException e) {
                replyError(exchange, BATCH_PATH, start, toApiException(e));
            }
        });
    }

    private record BatchOutcome(String body, int accepted, int duplicates, int failed) {
    }

    private BatchOutcome runBatch(ArticleIntake current, byte[] body) throws IOException {
        List<int[]> lines = splitLines(body);
        StringBuilder out = new StringBuilder(lines.size() * 64);
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        for (int from = 0; from < lines.size(); from += BATCH_WINDOW) {
            List<int[]> window = lines.subList(from, Math.min(lines.size(), from + BATCH_WINDOW));
            List<CompletableFuture<Acceptance>> futures = new ArrayList<>(window.size());
            for (int[] line : window) {
                futures.add(submitLine(current, body, line));
            }
            for (int i = 0; i < window.size(); i++) {
                int lineNumber = window.get(i)[2];
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("line", lineNumber);
                try {
                    Acceptance a = ArticleIntake.await(futures.get(i), settings.ackTimeoutMillis());
                    metrics.accepted(a.duplicate());
                    result.put("id", a.articleId());
                    result.put("duplicate", a.duplicate());
                    if (a.duplicate()) {
                        duplicates++;
                    } else {
                        accepted++;
                    }
                } catch (RuntimeException e) {
                    ApiException error = toApiException(e);
                    metrics.rejected(error.error());
                    result.put("status", error.status());
                    result.put("error", error.error());
                    result.put("message", error.getMessage());
                    failed++;
                }
                out.append(Responses.JSON.writeValueAsString(result)).append('\n');
            }
        }
        return new BatchOutcome(out.toString(), accepted, duplicates, failed);
    }

    private CompletableFuture<Acceptance> submitLine(ArticleIntake current, byte[] body, int[] line) {
        try {
            String where = "line " + line[2];
            int length = line[1] - line[0];
            if (length > settings.maxBodyBytes()) {
                throw new ApiException(413, "body_too_large", where + " is " + length + " bytes; the limit per article is "
                        + settings.maxBodyBytes() + " bytes (--max-body-bytes)");
            }
            String json = RequestBodies.decodeUtf8(body, line[0], length, where);
            return current.submit(SubmissionJson.parse(json, where));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Non-blank lines as {start, end, lineNumber} (1-based), a trailing CR dropped. */
    static List<int[]> splitLines(byte[] body) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i;
                if (end > start && body[end - 1] == '\r') {
                    end--;
                }
                if (!isBlank(body, start, end)) {
                    lines.add(new int[] {start, end, number});
                }
                number++;
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private void dispatch(HttpExchange exchange, String path, long start, Work work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (IOException e) {
                    log.debug("{}: the client went away before the reply was written", path, e);
                } catch (RuntimeException e) {
                    log.error("{}: unexpected failure", path, e);
                    exchange.close();
                }
            });
        } catch (RejectedExecutionException e) {
            ApiException busy = new ApiException(503, accepting ? "overloaded" : "shutting_down",
                    accepting ? "too many requests waiting for Kafka; retry shortly" : "the service is shutting down",
                    Map.of("Retry-After", "1"), e);
            try {
                replyError(exchange, path, start, busy);
            } catch (IOException io) {
                log.debug("could not tell the client it was refused", io);
            }
        }
    }

    private ArticleIntake readyIntake() {
        ArticleIntake current = intake.get();
        if (current == null) {
            throw unavailable(new IntakeUnavailableException(IntakeUnavailableException.Reason.NOT_READY,
                    "the service is not ready: it is still reaching Kafka and rebuilding its article-id index from "
                            + "news.raw.v1 (see /health/ready)", null));
        }
        return current;
    }

    private void authorize(HttpExchange exchange) {
        String token = settings.apiToken();
        if (token == null || token.isEmpty()) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> challenge = Map.of("WWW-Authenticate", "Bearer realm=\"newspipe-ingest\"");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "unauthorized", "missing Authorization header; send 'Authorization: Bearer <token>'",
                    challenge, null);
        }
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || !MessageDigest.isEqual(h.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "unauthorized", "the bearer token is not valid", challenge, null);
        }
    }

    private static void requireUtf8(MediaType type) {
        if (!type.isUtf8OrUnspecified()) {
            throw new ApiException(415, "unsupported_media_type",
                    "charset '" + type.charset() + "' is not accepted; send the text as UTF-8 (charset=utf-8)");
        }
    }

    private static ApiException unsupported(MediaType type, String expected) {
        String got = type.essence().isEmpty() ? "no Content-Type" : "Content-Type '" + type.essence() + "'";
        return new ApiException(415, "unsupported_media_type", got + " is not accepted here; send " + expected);
    }

    private static long contentLength(HttpExchange exchange) {
        String v = exchange.getRequestHeaders().getFirst("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ApiException toApiException(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof InvalidArticleException invalid) {
            int status = invalid.code().equals("article_too_large") ? 413 : 400;
            return new ApiException(status, invalid.code(), invalid.getMessage());
        }
        if (e instanceof IntakeUnavailableException unavailable) {
            return unavailable(unavailable);
        }
        log.error("Unexpected failure while ingesting an article", e);
        return new ApiException(500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static ApiException unavailable(IntakeUnavailableException e) {
        return new ApiException(503, e.reason().code(), e.getMessage(),
                Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), e);
    }

    private void replyError(HttpExchange exchange, String path, long start, ApiException e) throws IOException {
        metrics.rejected(e.error());
        if (e.status() == 413) {
            exchange.getResponseHeaders().set("Connection", "close"); // the rest of the upload is not read
        }
        Responses.error(exchange, e);
        metrics.request(path, e.status(), start);
    }
}
