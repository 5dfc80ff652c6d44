package io.newspipe.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The HTTP side of every service, on the JDK's built-in server: {@code GET /health/live} (the process answers),
 * {@code GET /health/ready} (200 or 503 from the readiness supplier), {@code GET /metrics} (Prometheus text) and
 * any contexts the service adds (ingest adds its API). Every other path answers 404 with a JSON error.
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /**
     * Handler threads when the service does not say: enough for health checks and scrapes. A service whose handlers
     * read request bodies (ingest) asks for more, so slow uploads do not hold up each other or /health.
     */
    public static final int DEFAULT_THREADS = 4;

    static {
        // The JDK server leaves Nagle's algorithm on, so a response written in two parts waits for the client's
        // delayed ACK (~40 ms on Linux): measured 75 -> 308 accepted articles/s for ingest with 4 clients
        // (./newspipe bench). The JDK reads this once, when its first HttpServer in the JVM is created; -D wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry meterRegistry;
    private final Supplier<HealthStatus> readiness;

    private ServiceHttpServer(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("HTTP handler threads must be at least 1, got " + threads);
        }
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        try {
            this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        } catch (java.net.BindException e) {
            throw new IllegalStateException("Cannot serve HTTP on " + bindAddress + ":" + port
                    + ": the port is already in use (choose another with --http-port)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve HTTP on " + bindAddress + ":" + port, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, serviceName + "-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            if ("/".equals(exchange.getRequestURI().getPath())) {
                sendJson(exchange, 200, Map.of("service", serviceName,
                        "endpoints", java.util.List.of("/health/live", "/health/ready", "/metrics")));
            } else {
                notFound(exchange);
            }
        });
        server.createContext("/health/live", getOnly(exchange -> sendJson(exchange, 200, Map.of("status", "UP"))));
        server.createContext("/health/ready", getOnly(this::ready));
        server.createContext("/metrics", getOnly(exchange ->
                send(exchange, 200, PROMETHEUS_TYPE, meterRegistry.scrape().getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Creates (not yet started) a server.
     *
     * @param bindAddress   e.g. 127.0.0.1, or 0.0.0.0 in a container
     * @param port          0 for a free port, see {@link #port()}
     * @param meterRegistry what /metrics scrapes
     * @param readiness     asked on every /health/ready
     * @param serviceName   shown at / and used to name threads
     * @param threads       handler threads (requests beyond them wait), see {@link #DEFAULT_THREADS}
     */
    public static ServiceHttpServer create(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, int threads) {
        return new ServiceHttpServer(bindAddress, port, meterRegistry, readiness, serviceName, threads);
    }

    /** Creates a server with {@link #DEFAULT_THREADS} handler threads. */
    public static ServiceHttpServer create(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName) {
        return create(bindAddress, port, meterRegistry, readiness, serviceName, DEFAULT_THREADS);
    }

    /** Creates a server on the configured bind address and port. */
    public static ServiceHttpServer create(PipelineConfig config, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName) {
        return create(config, meterRegistry, readiness, serviceName, DEFAULT_THREADS);
    }

    /** Creates a server on the configured bind address and port with {@code threads} handler threads. */
    public static ServiceHttpServer create(PipelineConfig config, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, int threads) {
        return create(config.httpBindAddress(), config.httpPort(), meterRegistry, readiness, serviceName, threads);
    }

    /** Adds a service endpoint (before or after {@link #start()}); the handler owns the whole path prefix. */
    public ServiceHttpServer addContext(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                sendError(exchange, 500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
        return this;
    }

    public ServiceHttpServer start() {
        server.start();
        log.info("HTTP endpoints on http://{}:{}/ (health, metrics)", server.getAddress().getHostString(), port());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void ready(HttpExchange exchange) throws IOException {
        HealthStatus status;
        try {
            status = readiness.get();
        } catch (RuntimeException e) {
            status = HealthStatus.down("readiness check failed: " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.ready() ? "UP" : "DOWN");
        if (status.detail() != null) {
            body.put("detail", status.detail());
        }
        sendJson(exchange, status.ready() ? 200 : 503, body);
    }

    private static HttpHandler getOnly(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                    notFound(exchange);
                } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    sendError(exchange, 405, "method_not_allowed",
                            exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestURI().getPath());
                } else {
                    handler.handle(exchange);
                }
            }
        };
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        sendError(exchange, 404, "not_found", "No endpoint at " + exchange.getRequestURI().getPath());
    }

    /** Sends {@code {"error": code, "message": message}}. */
    public static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        sendJson(exchange, status, body);
    }

    /** Sends a value as JSON. */
    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON_TYPE, JSON.writeValueAsBytes(body));
    }

    /** Sends bytes and closes the exchange; drains the request body first so keep-alive connections stay usable. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
