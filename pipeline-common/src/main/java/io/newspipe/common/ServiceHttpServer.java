package io.newspipe.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The HTTP side of every service, on Jetty 12 (core, no servlets): {@code GET /health/live} (the process answers),
 * {@code GET /health/ready} (200 or 503 from the readiness supplier), {@code GET /metrics} (Prometheus text) and
 * any routes the service adds (ingest adds its API). Every other path answers 404 with a JSON error.
 *
 * <p>Built for the open internet ({@link Limits}): idle connections are closed and the number of connections is
 * capped. Routes that take request bodies read them asynchronously (and enforce their own minimum data rate:
 * Jetty 12 core does not), so slow uploads hold no thread and the health endpoints keep answering whatever clients
 * do to the API.
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * How much of the server one client can take.
     *
     * @param maxConnections     open connections at most; beyond it new ones wait in the accept backlog
     * @param idleTimeout        a connection with no bytes moving for this long is closed
     * @param maxThreads         Jetty's thread pool (selectors and acceptors included); handlers must not block on
     *                           request bodies, so this bounds work in progress, not clients
     */
    public record Limits(int maxConnections, Duration idleTimeout, int maxThreads) {

        /** 512 connections, 30 s idle, 48 threads: ample for health checks, scrapes and the ingest API. */
        public static final Limits DEFAULT = new Limits(512, Duration.ofSeconds(30), 48);

        public Limits {
            if (maxConnections < 1 || maxThreads < 8 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("HTTP limits out of range: at least 1 connection and 8 threads "
                        + "and a positive idle timeout; got " + maxConnections + " connections, " + maxThreads
                        + " threads, idle " + idleTimeout);
            }
        }
    }

    /** A route: the handler owns the path and every path below it (unless a longer route claims it). */
    private record Route(String path, Handler handler) {

        boolean matches(String requestPath) {
            return requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final PrometheusMeterRegistry meterRegistry;
    private final Supplier<HealthStatus> readiness;
    private final String serviceName;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private ServiceHttpServer(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, Limits limits) {
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 4);
        threads.setName(serviceName + "-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new Dispatcher());
        server.setStopTimeout(2_000);
        try {
            connector.open(); // binds now, so a busy port is reported by create(), not by start()
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) { // Jetty wraps it
                throw new IllegalStateException("Cannot serve HTTP on " + bindAddress + ":" + port
                        + ": the port is already in use (choose another with --http-port)", e);
            }
            throw new UncheckedIOException("Cannot serve HTTP on " + bindAddress + ":" + port, e);
        }
    }

    /**
     * Creates (not yet started) a server.
     *
     * @param bindAddress   e.g. 127.0.0.1, or 0.0.0.0 in a container
     * @param port          0 for a free port, see {@link #port()}
     * @param meterRegistry what /metrics scrapes
     * @param readiness     asked on every /health/ready
     * @param serviceName   shown at / and used to name threads
     * @param limits        what one client can take, see {@link Limits#DEFAULT}
     */
    public static ServiceHttpServer create(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, Limits limits) {
        return new ServiceHttpServer(bindAddress, port, meterRegistry, readiness, serviceName, limits);
    }

    /** Creates a server with the {@link Limits#DEFAULT default limits}. */
    public static ServiceHttpServer create(String bindAddress, int port, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName) {
        return create(bindAddress, port, meterRegistry, readiness, serviceName, Limits.DEFAULT);
    }

    /** Creates a server on the configured bind address and port. */
    public static ServiceHttpServer create(PipelineConfig config, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName) {
        return create(config, meterRegistry, readiness, serviceName, Limits.DEFAULT);
    }

    /** Creates a server on the configured bind address and port with the given limits. */
    public static ServiceHttpServer create(PipelineConfig config, PrometheusMeterRegistry meterRegistry,
            Supplier<HealthStatus> readiness, String serviceName, Limits limits) {
        return create(config.httpBindAddress(), config.httpPort(), meterRegistry, readiness, serviceName, limits);
    }

    /**
     * Adds a service route (before or after {@link #start()}): the handler gets every request whose path is
     * {@code path} or below it, and must complete the callback (it may do so later, from any thread).
     */
    public ServiceHttpServer addRoute(String path, Handler handler) {
        handler.setServer(server);
        routes.add(new Route(path, handler));
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        return this;
    }

    public ServiceHttpServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the HTTP server of " + serviceName + ": " + e, e);
        }
        log.info("HTTP endpoints on {}/ (health, metrics)", baseUrl());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        return "http://" + host + ":" + port();
    }

    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Stopping the HTTP server of {} failed", serviceName, e);
        }
    }

    /** Routes by path; the built-in endpoints answer GET/HEAD only. */
    private final class Dispatcher extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            try {
                for (Route route : routes) {
                    if (route.matches(path)) {
                        return route.handler().handle(request, response, callback);
                    }
                }
                switch (path) {
                    case "/" -> getOnly(request, response, callback, () -> sendJson(response, callback, 200,
                            Map.of("service", serviceName, "endpoints", List.of("/health/live", "/health/ready",
                                    "/metrics"))));
                    case "/health/live" -> getOnly(request, response, callback,
                            () -> sendJson(response, callback, 200, Map.of("status", "UP")));
                    case "/health/ready" -> getOnly(request, response, callback, () -> ready(response, callback));
                    case "/metrics" -> getOnly(request, response, callback, () -> send(response, callback, 200,
                            PROMETHEUS_TYPE, meterRegistry.scrape().getBytes(StandardCharsets.UTF_8)));
                    default -> notFound(request, response, callback);
                }
            } catch (RuntimeException e) {
                log.error("{} {} failed", request.getMethod(), path, e);
                sendError(response, callback, 500, "internal_error", e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
            return true;
        }

        private void getOnly(Request request, Response response, Callback callback, Runnable handler) {
            String method = request.getMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                sendError(response, callback, 405, "method_not_allowed",
                        method + " is not allowed on " + request.getHttpURI().getPath());
                return;
            }
            handler.run();
        }

        private void ready(Response response, Callback callback) {
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
            sendJson(response, callback, status.ready() ? 200 : 503, body);
        }
    }

    private static void notFound(Request request, Response response, Callback callback) {
        sendError(response, callback, 404, "not_found", "No endpoint at " + request.getHttpURI().getPath());
    }

    /** Sends {@code {"error": code, "message": message}}. */
    public static void sendError(Response response, Callback callback, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        sendJson(response, callback, status, body);
    }

    /** Sends a value as JSON. */
    public static void sendJson(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + body, e);
        }
        send(response, callback, status, JSON_TYPE, bytes);
    }

    /**
     * Sends the whole reply and completes the callback when it is written. A HEAD request gets the headers only.
     * An unread request body is left to Jetty, which discards a small rest and closes the connection otherwise.
     */
    public static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if ("HEAD".equals(response.getRequest().getMethod())) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
