package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class ServiceHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<HealthStatus> readiness = new AtomicReference<>(HealthStatus.down("STARTING"));
    private PrometheusMeterRegistry registry;
    private ServiceHttpServer server;

    @BeforeEach
    void start() {
        registry = ServiceMetrics.newRegistry("test-service");
        server = ServiceHttpServer.create("127.0.0.1", 0, registry, readiness::get, "test-service");
        server.addRoute("/api/echo", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((text, error) ->
                        ServiceHttpServer.sendJson(response, callback, 202, Map.of("got", text)));
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenRunningServer_whenGetLiveness_then200Up() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void givenServiceNotReady_whenGetReadiness_then503DownWithDetail() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("detail").asText()).isEqualTo("STARTING");
    }

    @Test
    void givenServiceBecomesReady_whenGetReadiness_then200Up() throws Exception {
        readiness.set(HealthStatus.up("RUNNING"));

        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void givenReadinessCheckThrows_whenGetReadiness_then503WithReason() throws Exception {
        readiness.set(null);
        ServiceHttpServer failing = ServiceHttpServer.create("127.0.0.1", 0, registry,
                () -> {
                    throw new IllegalStateException("broker unknown");
                }, "failing").start();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(failing.baseUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("broker unknown");
        } finally {
            failing.close();
        }
    }

    @Test
    void givenJvmAndServiceMeters_whenGetMetrics_thenPrometheusTextContainsBoth() throws Exception {
        registry.counter("newspipe.articles.ingested").increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("newspipe_articles_ingested_total{service=\"test-service\"} 3.0");
    }

    @Test
    void givenUnknownPath_whenGet_then404JsonError() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("not_found");
        assertThat(body.get("message").asText()).contains("/nope");
    }

    @Test
    void givenPathBelowHealthEndpoint_whenGet_then404() throws Exception {
        assertThat(get("/health/live/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void givenPostToHealth_whenSent_then405() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/health/live")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void givenServiceContext_whenPosted_thenServiceHandlerAnswers() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/echo")).POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("got").asText()).isEqualTo("hello");
    }

    @Test
    void givenHeadRequest_whenSentToLiveness_then200WithoutBody() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/health/live")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void givenTooFewThreads_whenLimitsBuilt_thenErrorNamesThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ServiceHttpServer.Limits(10,
                        java.time.Duration.ofSeconds(5), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }

    @Test
    void givenPortInUse_whenCreatingSecondServer_thenErrorNamesThePort() {
        int port = server.port();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ServiceHttpServer.create("127.0.0.1", port, registry, readiness::get, "second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(port))
                .hasMessageContaining("already in use");
    }
}
