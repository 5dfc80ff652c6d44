package io.newspipe.devstack.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A Schema Registry speaking the subset of Confluent's REST API that serdes and tools use, storing schemas in a
 * compacted Kafka topic ({@code _schemas}) so ids and versions survive restarts and several instances over one
 * Kafka agree. Binds to 127.0.0.1 only. Bad input gets a Confluent error body, never a stack trace.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final String HOST = "127.0.0.1";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server leaves Nagle's algorithm on, so a response written in two parts waits for the client's
        // delayed ACK (~40 ms on Linux): measured 75 -> 308 accepted articles/s for ingest with 4 clients
        // (./newspipe bench). The JDK reads this once, when its first HttpServer in the JVM is created; -D wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Settings; {@link #defaults(String)} gives the usual ones.
     *
     * @param tls               when not null the registry speaks HTTPS with this context (tests of the serde's
     *                          {@code schema.registry.ssl.*} settings)
     * @param needClientAuth    with TLS: refuse clients without a certificate the context trusts
     */
    public record Config(String bootstrapServers, int port, String topic, short replicationFactor,
            CompatibilityLevel defaultCompatibility, Duration storeTimeout, SSLContext tls, boolean needClientAuth) {

        public static Config defaults(String bootstrapServers) {
            return new Config(bootstrapServers, 0, "_schemas", (short) 1, CompatibilityLevel.BACKWARD,
                    Duration.ofSeconds(30), null, false);
        }

        public Config withPort(int newPort) {
            return new Config(bootstrapServers, newPort, topic, replicationFactor, defaultCompatibility, storeTimeout,
                    tls, needClientAuth);
        }

        public Config withTopic(String newTopic) {
            return new Config(bootstrapServers, port, newTopic, replicationFactor, defaultCompatibility, storeTimeout,
                    tls, needClientAuth);
        }

        public Config withReplicationFactor(short rf) {
            return new Config(bootstrapServers, port, topic, rf, defaultCompatibility, storeTimeout, tls,
                    needClientAuth);
        }

        public Config withDefaultCompatibility(CompatibilityLevel level) {
            return new Config(bootstrapServers, port, topic, replicationFactor, level, storeTimeout, tls,
                    needClientAuth);
        }

        /** HTTPS with the given server context; {@code needClientAuth} asks every client for its certificate. */
        public Config withTls(SSLContext context, boolean clientAuth) {
            return new Config(bootstrapServers, port, topic, replicationFactor, defaultCompatibility, storeTimeout,
                    context, clientAuth);
        }
    }

    private final Config config;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer http;
    private ExecutorService executor;
    private KafkaSchemaStore store;
    private SchemaRegistryService service;

    public SchemaRegistryServer(Config config) {
        this.config = config;
    }

    /** A registry over the given Kafka with the default settings, on the given port (0 = a free one). */
    public SchemaRegistryServer(String bootstrapServers, int port) {
        this(Config.defaults(bootstrapServers).withPort(port));
    }

    /** Reads the store topic to its end, then starts answering HTTP. */
    public synchronized SchemaRegistryServer start() {
        if (http != null) {
            return this;
        }
        RegistryState state = new RegistryState(config.defaultCompatibility());
        store = new KafkaSchemaStore(config.bootstrapServers(), config.topic(), config.replicationFactor(),
                config.storeTimeout(), state);
        service = new SchemaRegistryService(state, store);
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(HOST), config.port());
            if (config.tls() == null) {
                http = HttpServer.create(address, 50);
            } else {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(config.tls()) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                        parameters.setNeedClientAuth(config.needClientAuth());
                        params.setSSLParameters(parameters);
                    }
                });
                http = https;
            }
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("Cannot bind the Schema Registry to " + HOST + ":" + config.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schema-registry-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        log.info("Schema Registry listening on {} (store topic {} on {})", url(), config.topic(),
                config.bootstrapServers());
        return this;
    }

    public synchronized String url() {
        if (http == null) {
            throw new IllegalStateException("Schema Registry is not running");
        }
        return (config.tls() == null ? "http://" : "https://") + HOST + ":" + http.getAddress().getPort();
    }

    public synchronized int port() {
        return http == null ? config.port() : http.getAddress().getPort();
    }

    public synchronized boolean isRunning() {
        return http != null;
    }

    /** How many HTTP requests this instance has answered (lets tests see that clients cache). */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public synchronized void close() {
        if (http == null) {
            return;
        }
        String was = url();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        http = null;
        log.info("Schema Registry on {} stopped", was);
    }

    private void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        int status;
        JsonNode body;
        try {
            body = route(exchange.getRequestMethod(), segments(exchange), query(exchange), exchange);
            status = 200;
        } catch (RegistryError e) {
            status = e.httpStatus();
            body = error(e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Schema Registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            status = 500;
            body = error(RegistryError.STORE_ERROR, "Error in the backend data store: " + e.getMessage());
        }
        try (exchange) {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            log.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private JsonNode route(String method, List<String> path, String query, HttpExchange exchange) {
        int n = path.size();
        String first = n > 0 ? path.get(0) : "";
        switch (first) {
            case "" -> {
                if (n == 0) {
                    requireMethod(method, "GET");
                    return JSON.createObjectNode();
                }
            }
            case "subjects" -> {
                if (n == 1) {
                    requireMethod(method, "GET");
                    ArrayNode subjects = JSON.createArrayNode();
                    service.subjects().forEach(subjects::add);
                    return subjects;
                }
                String subject = path.get(1);
                if (n == 2) {
                    requireMethod(method, "POST");
                    Schema schema = schemaFrom(readBody(exchange));
                    return registered(service.lookup(subject, schema));
                }
                if (path.get(2).equals("versions")) {
                    if (n == 3 && method.equals("GET")) {
                        ArrayNode versions = JSON.createArrayNode();
                        service.versions(subject).forEach(versions::add);
                        return versions;
                    }
                    if (n == 3) {
                        requireMethod(method, "POST");
                        Schema schema = schemaFrom(readBody(exchange));
                        return JSON.createObjectNode().put("id", service.register(subject, schema));
                    }
                    if (n == 4 || (n == 5 && path.get(4).equals("schema"))) {
                        requireMethod(method, "GET");
                        RegistryState.Registered found = service.version(subject, version(path.get(3)));
                        if (n == 5) {
                            return rawSchema(found.schema());
                        }
                        return registered(found);
                    }
                }
            }
            case "schemas" -> {
                if ((n == 3 || (n == 4 && path.get(3).equals("schema"))) && path.get(1).equals("ids")) {
                    requireMethod(method, "GET");
                    int id;
                    try {
                        id = Integer.parseInt(path.get(2));
                    } catch (NumberFormatException e) {
                        throw new RegistryError(404, RegistryError.SCHEMA_NOT_FOUND, "Schema " + path.get(2)
                                + " not found");
                    }
                    Schema schema = service.schemaById(id);
                    return n == 4 ? rawSchema(schema)
                            : JSON.createObjectNode().put("schema", schema.toString());
                }
            }
            case "config" -> {
                if (n == 1 || n == 2) {
                    String subject = n == 2 ? path.get(1) : null;
                    if (method.equals("GET")) {
                        CompatibilityLevel level;
                        if (subject == null) {
                            level = service.globalLevel();
                        } else {
                            level = service.subjectLevel(subject);
                            if (level == null && query.contains("defaultToGlobal=true")) {
                                level = service.globalLevel();
                            }
                            if (level == null) {
                                throw new RegistryError(404,
                                        RegistryError.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED, "Subject '"
                                        + subject + "' does not have subject-level compatibility configured");
                            }
                        }
                        return JSON.createObjectNode().put("compatibilityLevel", level.name());
                    }
                    requireMethod(method, "PUT");
                    JsonNode request = readBody(exchange);
                    String name = request.path("compatibility").asText(null);
                    CompatibilityLevel level = CompatibilityLevel.parse(name);
                    if (level == null) {
                        throw new RegistryError(422, RegistryError.INVALID_COMPATIBILITY_LEVEL, "Invalid "
                                + "compatibility level '" + name + "'. Valid values are none, backward, forward,"
                                + " full, backward_transitive, forward_transitive, and full_transitive");
                    }
                    service.setLevel(subject, level);
                    return JSON.createObjectNode().put("compatibility", level.name());
                }
            }
            case "compatibility" -> {
                if (n == 5 && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    requireMethod(method, "POST");
                    Integer version = version(path.get(4));
                    Schema schema = schemaFrom(readBody(exchange));
                    List<String> problems = service.compatibilityProblems(path.get(2), version, schema);
                    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (query.contains("verbose=true")) {
                        ArrayNode messages = answer.putArray("messages");
                        problems.forEach(messages::add);
                    }
                    return answer;
                }
            }
            default -> {
            }
        }
        throw new RegistryError(404, 404, "HTTP 404 Not Found: no such resource " + method + " /"
                + String.join("/", path));
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new RegistryError(405, 405, "HTTP 405 Method Not Allowed: use " + allowed);
        }
    }

    /** "latest" or -1 means latest (null); else a positive version number. */
    private static Integer version(String text) {
        if (text.equals("latest") || text.equals("-1")) {
            return null;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the Confluent error
        }
        throw RegistryError.invalidVersion(text);
    }

    private static Schema schemaFrom(JsonNode request) {
        if (!request.isObject()) {
            throw RegistryError.malformed("expected a JSON object with a \"schema\" field");
        }
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported; only AVRO is");
        }
        if (request.path("references").isArray() && !request.path("references").isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported; inline the referenced types");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("the request has no \"schema\" string field");
        }
        return SchemaRegistryService.parse(schema.asText());
    }

    private static JsonNode readBody(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw RegistryError.malformed("empty request body");
            }
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RegistryError.malformed("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryError.malformed("cannot read the body: " + e.getMessage());
        }
    }

    private static ObjectNode registered(RegistryState.Registered r) {
        return JSON.createObjectNode().put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                .put("schema", r.schema().toString());
    }

    private static JsonNode rawSchema(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro produced non-JSON for " + schema.getFullName(), e);
        }
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static List<String> segments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> parts = new ArrayList<>();
        for (String s : Arrays.asList(raw.split("/"))) {
            if (!s.isEmpty()) {
                parts.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static String query(HttpExchange exchange) {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }
}
