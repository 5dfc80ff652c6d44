package io.newspipe.ingest;

import static io.newspipe.ingest.IngestServiceTest.assertError;
import static io.newspipe.ingest.support.IngestTestKit.config;
import static io.newspipe.ingest.support.IngestTestKit.get;
import static io.newspipe.ingest.support.IngestTestKit.ownState;
import static io.newspipe.ingest.support.IngestTestKit.post;
import static io.newspipe.ingest.support.IngestTestKit.postText;
import static io.newspipe.ingest.support.IngestTestKit.recordCount;
import static io.newspipe.ingest.support.IngestTestKit.startReady;
import static io.newspipe.ingest.support.IngestTestKit.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.common.PipelineConfig;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.support.TestArticles;

/** A service with an API token and a small body limit. */
@ExtendWith(DevStackExtension.class)
class IngestAccessAndLimitsTest {

    private static final String TOKEN = "s3cret-token-42";
    private static PipelineConfig config;
    private static IngestService service;

    @BeforeAll
    static void startService(DevStack stack) {
        config = config(stack, uniqueTopic("it.raw.auth"));
        service = startReady(config, IngestService.Options.defaults().withApiToken(TOKEN).withMaxBodyBytes(1024));
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Test
    void givenTokenConfigured_whenWriteHasNoOrWrongToken_then401AndNothingWritten() {
        long before = recordCount(config);

        HttpResponse<String> missing = postText(service, TestArticles.unique("no-token"));
        HttpResponse<String> wrong = postText(service, TestArticles.unique("wrong-token"), "Authorization", "Bearer nope");
        HttpResponse<String> basic = postText(service, TestArticles.unique("basic"), "Authorization", "Basic " + TOKEN);

        assertError(missing, 401, "unauthorized");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(wrong, 401, "unauthorized");
        assertError(basic, 401, "unauthorized");
        assertThat(recordCount(config)).isEqualTo(before);
    }

    @Test
    void givenTokenConfigured_whenWriteCarriesIt_thenAccepted() {
        HttpResponse<String> r = postText(service, TestArticles.unique("right-token"), "Authorization", "Bearer " + TOKEN);

        assertThat(r.statusCode()).isEqualTo(202);
    }

    @Test
    void givenTokenConfigured_whenHealthAsked_thenNoTokenNeeded() {
        assertThat(get(service, "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void givenBlankToken_whenOptionsBuilt_thenNoTokenIsRequiredSoTheStartupLogSaysNotRequired() {
        // the startup log line reads options.apiToken(): null is what it reports as "not required"
        assertThat(IngestService.Options.defaults().withApiToken("").apiToken()).isNull();
        assertThat(IngestService.Options.defaults().withApiToken(" \t").apiToken()).isNull();
        assertThat(IngestService.Options.defaults().withApiToken(TOKEN).apiToken()).isEqualTo(TOKEN);
    }

    @Test
    void givenBlankTokenConfigured_whenWriteHasNoToken_thenAccepted() {
        IngestService open = startReady(ownState(config), IngestService.Options.defaults().withApiToken("  "));
        try {
            HttpResponse<String> r = postText(open, TestArticles.unique("blank-token"));

            assertThat(r.statusCode()).isEqualTo(202);
        } finally {
            open.stop();
        }
    }

    @Test
    void givenBodyOverTheLimit_whenPosted_then413AndNothingWritten() {
        long before = recordCount(config);
        byte[] big = ("Đoạn văn dài. ".repeat(200)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = post(service, "/v1/articles", "text/plain; charset=utf-8", big,
                "Authorization", "Bearer " + TOKEN);

        assertError(r, 413, "body_too_large");
        assertThat(IngestServiceTest.counter(get(service, "/metrics").body(), "ingest_articles_rejected_total"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(recordCount(config)).isEqualTo(before);
    }
}
