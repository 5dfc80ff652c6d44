package io.newspipe.ingest;

import static io.newspipe.ingest.IngestServiceTest.assertError;
import static io.newspipe.ingest.support.IngestTestKit.config;
import static io.newspipe.ingest.support.IngestTestKit.get;
import static io.newspipe.ingest.support.IngestTestKit.postText;
import static io.newspipe.ingest.support.IngestTestKit.recordCount;
import static io.newspipe.ingest.support.IngestTestKit.startReady;
import static io.newspipe.ingest.support.IngestTestKit.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.common.PipelineConfig;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.EmbeddedKafkaBroker;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.support.TestArticles;

/**
 * Dependencies that do not answer: the request gets a quick 503 with Retry-After (the HTTP client's generous timeout
 * turns a hang into a failure), and nothing is written.
 */
@ExtendWith(DevStackExtension.class)
class IngestUnavailabilityTest {

    @Test
    void givenRegistryUnreachable_whenArticlePosted_then503WithRetryAfterAndNothingWritten(DevStack stack) {
        PipelineConfig config = config(stack, uniqueTopic("it.raw.noregistry")).toBuilder()
                .schemaRegistryUrl("http://127.0.0.1:" + EmbeddedKafkaBroker.freePort())
                .build();
        try (IngestService service = startReady(config, IngestService.Options.defaults())) {
            HttpResponse<String> r = postText(service, TestArticles.unique("no-registry"));

            assertError(r, 503, "schema_registry_unavailable");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> ready = get(service, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("schema registry");
            assertThat(recordCount(config)).isZero();
        }
    }

    @Test
    void givenKafkaUnreachable_whenArticlePosted_then503NotReadyWithRetryAfter(DevStack stack) {
        PipelineConfig config = config(stack, uniqueTopic("it.raw.nokafka")).toBuilder()
                .bootstrapServers("127.0.0.1:" + EmbeddedKafkaBroker.freePort())
                .build();
        try (IngestService service = new IngestService(config, IngestService.Options.defaults()).start()) {
            HttpResponse<String> r = postText(service, TestArticles.unique("no-kafka"));

            assertError(r, 503, "not_ready");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(get(service, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(service, "/health/live").statusCode()).isEqualTo(200);
        }
    }
}
