package io.newspipe.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.ErrorCode;
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
 * <p>Request bodies are read asynchronously (a slow upload holds no thread) into memory bounded by a
 * {@link ByteBudget}; building and writing to Kafka (which may block for {@code max.block.ms}) happen on the
 * {@code worker} pool. A single article's reply is written when Kafka acknowledges it, by the thread that completes
 * the write, with no thread waiting meanwhile; a batch waits for its windows on the worker. The body's bytes go back to
 * the budget when the reply is sent. So neither slow clients nor a slow broker starve the health endpoints, and memory
 * is bounded by bytes.
 */
public final class ArticlesApi extends Handler.Abstract {

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
    private final ByteBudget bodies;
    private volatile boolean accepting = true;

    /**
     * @param intake the intake, or null while the service is not ready (id index not rebuilt yet)
     * @param bodies the bytes of request bodies the API may hold at once
     */
    public ArticlesApi(Settings settings, Supplier<ArticleIntake> intake, IngestMetrics metrics, ExecutorService worker,
            ByteBudget bodies) {
        this.settings = settings;
        this.intake = intake;
        this.metrics = metrics;
        this.worker = worker;
        this.bodies = bodies;
    }

    /** Refuse new writes with 503 (shutting down); requests already taken still get their answer. */
    public void stopAccepting() {
        accepting = false;
    }

    /** One exchange: the request, its response and the callback that completes it (exactly once). */
    private record Exchange(Request request, Response response, Callback callback, String path, long startNanos) {

        String header(String name) {
            return request.getHeaders().get(name);
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        /** Starts reading the request; throws ApiException to reply with an error right away. */
        void accept(Exchange exchange);
    }

    /** Serves {@value #ARTICLES_PATH} and everything below it (only {@value #BATCH_PATH} exists there). */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        Exchange exchange = new Exchange(request, response, callback,
                path.equals(BATCH_PATH) ? BATCH_PATH : ARTICLES_PATH, System.nanoTime());
        try {
            Endpoint endpoint = switch (path) {
                case ARTICLES_PATH -> this::single;
                case BATCH_PATH -> this::batch;
                default -> throw new ApiException(ErrorCode.NOT_FOUND, "No endpoint at " + path);
            };
            if (!"POST".equals(request.getMethod())) {
                throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                        + path + "; use POST", Map.of("Allow", "POST"), null);
            }
            authorize(exchange);
            if (!accepting) {
                throw unavailable(new IntakeUnavailableException(IntakeUnavailableException.Reason.SHUTTING_DOWN,
                        "the service is shutting down; send the article to another instance or retry later", null));
            }
            endpoint.accept(exchange);
        } catch (ApiException e) {
            replyError(exchange, e);
        }
        return true;
    }

    private void single(Exchange exchange) {
        MediaType type = MediaType.parse(exchange.header("Content-Type"));
        boolean plain = type.essence().equals("text/plain");
        if (!plain && !type.essence().equals("application/json")) {
            throw unsupported(type, "text/plain; charset=utf-8 or application/json");
        }
        requireUtf8(type);
        readBody(exchange, settings.maxBodyBytes(), "--max-body-bytes", body -> {
            String text = RequestBodies.decodeUtf8(body.bytes(), "request body");
            ArticleSubmission submission = plain ? ArticleSubmission.ofText(text)
                    : SubmissionJson.parse(text, "request body");
            ArticleIntake current = readyIntake();
            // the worker builds and sends; the reply is written when Kafka acknowledges (on the producer's I/O
            // thread, a non-blocking write), so no thread waits for the acknowledgement
            return () -> current.submitWithin(submission, settings.ackTimeoutMillis()).whenComplete((a, error) -> {
                try {
                    if (error != null) {
                        replyError(exchange, toApiException(error));
                        return;
                    }
                    metrics.accepted(a.duplicate());
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("id", a.articleId());
                    reply.put("duplicate", a.duplicate());
                    int status = a.duplicate() ? 200 : 202;
                    Responses.json(exchange.response(), exchange.callback(), status, reply);
                    metrics.request(ARTICLES_PATH, status, exchange.startNanos());
                } catch (RuntimeException e) {
                    log.error("{}: unexpected failure", exchange.path(), e);
                    exchange.callback().failed(e);
                }
            });
        });
    }

    private void batch(Exchange exchange) {
        MediaType type = MediaType.parse(exchange.header("Content-Type"));
        if (!NDJSON_TYPES.contains(type.essence())) {
            throw unsupported(type, "application/x-ndjson (one JSON object per line)");
        }
        requireUtf8(type);
        readBody(exchange, settings.maxBatchBytes(), "--max-batch-bytes", body -> {
            ArticleIntake current = readyIntake();
            return () -> {
                try {
                    BatchOutcome outcome = runBatch(current, body.bytes());
                    Map<String, String> headers = Map.of("X-Ingest-Accepted", String.valueOf(outcome.accepted),
                            "X-Ingest-Duplicates", String.valueOf(outcome.duplicates),
                            "X-Ingest-Failed", String.valueOf(outcome.failed));
                    Responses.send(exchange.response(), exchange.callback(), 200, Responses.NDJSON_TYPE,
                            outcome.body.getBytes(StandardCharsets.UTF_8), headers);
                    metrics.request(BATCH_PATH, 200, exchange.startNanos());
                } catch (RuntimeException e) {
                    replyError(exchange, toApiException(e));
                }
            };
        });
    }

    /** What to do with a body once it is read: checks that may fail at once, then the work for the worker pool. */
    @FunctionalInterface
    private interface BodyHandler {
        Runnable accept(RequestBodies.Body body);
    }

    /**
     * Reads the body within its limit and the budget, then runs what {@code handler} returns on the worker pool. The
     * body's bytes go back to the budget when the exchange completes, whichever way it ends.
     */
    private void readBody(Exchange exchange, long limit, String limitOption, BodyHandler handler) {
        long declared = exchange.request().getLength();
        RequestBodies.Pace pace = RequestBodies.Pace.standard(exchange.request().getComponents().getScheduler());
        RequestBodies.read(exchange.request(), declared, limit, limitOption, bodies, pace).whenComplete((body, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ApiException api) {
                    replyError(exchange, api);
                } else { // the connection failed (client gone, body too slow): Jetty answers or closes it
                    metrics.rejected("body_not_received");
                    exchange.callback().failed(cause instanceof TimeoutException
                            ? new HttpException.RuntimeException(408, "the request body stopped arriving", cause)
                            : cause);
                }
                return;
            }
            Exchange releasing = new Exchange(exchange.request(), exchange.response(),
                    releasing(exchange.callback(), body::release), exchange.path(), exchange.startNanos());
            try {
                dispatch(releasing, handler.accept(body));
            } catch (ApiException e) {
                replyError(releasing, e);
            } catch (RuntimeException e) {
                replyError(releasing, toApiException(e));
            }
        });
    }

    private static Callback releasing(Callback callback, Runnable release) {
        return new Callback() {
            @Override
            public void succeeded() {
                release.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                release.run();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }

    private record BatchOutcome(String body, int accepted, int duplicates, int failed) {
    }

    /**
     * Writes the lines window by window. Once Kafka (or the registry) is known to be unavailable, the remaining lines
     * are answered 503 at once instead of each waiting for its own timeout: a batch must not hold its body, and the
     * client, for minutes while the broker is down.
     */
    private BatchOutcome runBatch(ArticleIntake current, byte[] body) {
        List<int[]> lines = splitLines(body);
        StringBuilder out = new StringBuilder(lines.size() * 64);
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        IntakeUnavailableException unavailable = null;
        for (int from = 0; from < lines.size(); from += BATCH_WINDOW) {
            List<int[]> window = lines.subList(from, Math.min(lines.size(), from + BATCH_WINDOW));
            List<CompletableFuture<Acceptance>> futures = new ArrayList<>(window.size());
            for (int[] line : window) {
                CompletableFuture<Acceptance> f = unavailable != null ? CompletableFuture.failedFuture(notTried(unavailable))
                        : submitLine(current, body, line);
                unavailable = unavailable != null ? unavailable : unavailableCause(f);
                futures.add(f);
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
                    if (unavailable == null && e instanceof IntakeUnavailableException u) {
                        unavailable = u;
                    }
                    ApiException error = toApiException(e);
                    metrics.rejected(error.code().code());
                    result.put("status", error.status());
                    result.putAll(error.body());
                    failed++;
                }
                out.append(new String(Responses.bytes(result), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return new BatchOutcome(out.toString(), accepted, duplicates, failed);
    }

    private static IntakeUnavailableException unavailableCause(CompletableFuture<Acceptance> f) {
        if (!f.isCompletedExceptionally()) {
            return null;
        }
        try {
            f.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof IntakeUnavailableException u ? u : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static IntakeUnavailableException notTried(IntakeUnavailableException cause) {
        return new IntakeUnavailableException(cause.reason(), "not tried: an earlier line of this batch found "
                + "Kafka or the Schema Registry unavailable (" + cause.getMessage() + ")", cause);
    }

    private CompletableFuture<Acceptance> submitLine(ArticleIntake current, byte[] body, int[] line) {
        try {
            String where = "line " + line[2];
            int length = line[1] - line[0];
            if (length > settings.maxBodyBytes()) {
                throw new ApiException(ErrorCode.BODY_TOO_LARGE, where + " is " + length + " bytes; the limit per article is "
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

    /** Runs the work on the worker pool; when the pool is full, answers 503 at once. */
    private void dispatch(Exchange exchange, Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("{}: unexpected failure", exchange.path(), e);
                    exchange.callback().failed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            replyError(exchange, new ApiException(accepting ? ErrorCode.OVERLOADED : ErrorCode.SHUTTING_DOWN,
                    accepting ? "too many requests waiting for Kafka; retry shortly" : "the service is shutting down",
                    Map.of("Retry-After", "1"), e));
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

    private void authorize(Exchange exchange) {
        String token = settings.apiToken();
        if (token == null || token.isEmpty()) {
            return;
        }
        String header = exchange.header("Authorization");
        Map<String, String> challenge = Map.of("WWW-Authenticate", "Bearer realm=\"newspipe-ingest\"");
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "missing Authorization header; send 'Authorization: Bearer <token>'",
                    challenge, null);
        }
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || !MessageDigest.isEqual(h.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "the bearer token is not valid", challenge, null);
        }
    }

    private static void requireUtf8(MediaType type) {
        if (!type.isUtf8OrUnspecified()) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "charset '" + type.charset() + "' is not accepted; send the text as UTF-8 (charset=utf-8)");
        }
    }

    private static ApiException unsupported(MediaType type, String expected) {
        String got = type.essence().isEmpty() ? "no Content-Type" : "Content-Type '" + type.essence() + "'";
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, got + " is not accepted here; send " + expected);
    }

    static ApiException toApiException(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof InvalidArticleException invalid) {
            return new ApiException(invalid.code(), invalid.getMessage());
        }
        if (e instanceof IntakeUnavailableException unavailable) {
            return unavailable(unavailable);
        }
        log.error("Unexpected failure while ingesting an article", e);
        return new ApiException(ErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static ApiException unavailable(IntakeUnavailableException e) {
        return new ApiException(e.reason().code(), e.getMessage(),
                Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), e);
    }

    private void replyError(Exchange exchange, ApiException e) {
        metrics.rejected(e.code().code());
        if (e.status() == 413 || e.status() == 401) {
            // the rest of the upload is not read (refused before its body): the connection cannot be reused, and a
            // client that reused it would read no reply on its next request
            exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Responses.error(exchange.response(), exchange.callback(), e);
        metrics.request(exchange.path(), e.status(), exchange.startNanos());
    }
}
