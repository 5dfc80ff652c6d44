package io.newspipe.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API with {@code java.net.http}.
 *
 * <p>Ids are cached both ways (subject+schema -> id, id -> schema): they never change once assigned, so a warm
 * serde does not talk to the registry at all. Connection failures, timeouts and 5xx answers are retried a bounded
 * number of times with exponential backoff, rotating through the configured URLs; 4xx answers are not retried.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> urls;
    private final int retries;
    private final Duration backoff;
    private final Duration requestTimeout;
    private final String authorization;
    private final HttpClient http;

    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, SchemaMetadata>> lookupsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(List<String> urls, int retries, Duration backoff, Duration requestTimeout,
            String basicAuthUserInfo) {
        this(urls, retries, backoff, requestTimeout, basicAuthUserInfo, null);
    }

    /** @param tls TLS settings for https URLs, or null for the JDK's defaults */
    public RestSchemaRegistryClient(List<String> urls, int retries, Duration backoff, Duration requestTimeout,
            String basicAuthUserInfo, RegistryTls tls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one Schema Registry URL is needed");
        }
        this.urls = List.copyOf(urls);
        this.retries = retries;
        this.backoff = backoff;
        this.requestTimeout = requestTimeout;
        this.authorization = basicAuthUserInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(requestTimeout);
        if (tls != null && tls.configured()) {
            builder.sslContext(tls.sslContext());
        }
        this.http = builder.build();
    }

    /** A client for a single URL with the default retries (3, from 200 ms) and timeout (10 s). */
    public RestSchemaRegistryClient(String url) {
        this(AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url)));
    }

    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        this(config.requireUrls(), config.retries(), config.retryBackoff(), config.requestTimeout(),
                config.basicAuthUserInfo(), config.tls());
    }

    @Override
    public List<String> urls() {
        return urls;
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("Schema Registry answered a registration under '" + subject
                    + "' without an id: " + answer, 200, -1);
        }
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer.path("schema").asText(), "schema id " + id);
        schemasById.putIfAbsent(id, schema);
        return schemasById.get(id);
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        return metadata(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) {
        return metadata(call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null), subject);
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        Map<Schema, SchemaMetadata> known = lookupsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        SchemaMetadata cached = known.get(schema);
        if (cached != null) {
            return cached;
        }
        SchemaMetadata found = metadata(call("POST", "/subjects/" + encode(subject), schemaBody(schema)), subject);
        known.put(schema, found);
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            // Nothing registered yet: anything is compatible with nothing.
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> getAllSubjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    @Override
    public String getCompatibility(String subject) {
        String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
        return call("GET", path, null).path("compatibilityLevel").asText();
    }

    private SchemaMetadata metadata(JsonNode answer, String subject) {
        return new SchemaMetadata(answer.path("subject").asText(subject), answer.path("id").asInt(),
                answer.path("version").asInt(), parse(answer.path("schema").asText(), "subject " + subject));
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException e) {
            throw new SchemaRegistryException("Schema Registry returned an unparseable schema for " + what + ": "
                    + e.getMessage(), 200, -1, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One REST call with bounded retries. Each attempt goes to the next URL, so a dead instance is skipped.
     * Retries only what may succeed later (connection failure, timeout, 5xx); 4xx is the caller's problem.
     */
    private JsonNode call(String method, String path, String body) {
        Exception lastFailure = null;
        String lastUrl = urls.get(0);
        int lastStatus = 0;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 16)));
            }
            String base = urls.get(attempt % urls.size());
            lastUrl = base;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                lastStatus = 0;
                log.debug("Schema Registry {} {}{} failed (attempt {}): {}", method, base, path, attempt + 1,
                        e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnreachableException("Interrupted while calling Schema Registry at "
                        + base, 0, e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                lastStatus = status;
                lastFailure = error(method, base + path, status, response.body());
                log.debug("Schema Registry {} {}{} answered {} (attempt {})", method, base, path, status, attempt + 1);
                continue;
            }
            if (status >= 400) {
                throw error(method, base + path, status, response.body());
            }
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new SchemaRegistryException("Schema Registry at " + base + " answered " + method + " " + path
                        + " with non-JSON: " + abbreviate(response.body()), status, -1, e);
            }
        }
        throw new SchemaRegistryUnreachableException("Schema Registry at " + String.join(",", urls)
                + " unreachable: " + method + " " + path + " failed " + (retries + 1) + " time(s), last at "
                + lastUrl + ": " + (lastFailure == null ? "no answer" : lastFailure.toString()), lastStatus,
                lastFailure);
    }

    private static SchemaRegistryException error(String method, String url, int status, String body) {
        int code = status;
        String message = abbreviate(body);
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.has("error_code")) {
                code = node.path("error_code").asInt(status);
                message = node.path("message").asText(message);
            }
        } catch (JsonProcessingException e) {
            // Not a Confluent error body (a proxy's HTML page, say): keep the raw text.
        }
        return new SchemaRegistryException("Schema Registry error " + code + " (HTTP " + status + ") on " + method
                + " " + url + ": " + message, status, code);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnreachableException("Interrupted while backing off", 0, e);
        }
    }
}
