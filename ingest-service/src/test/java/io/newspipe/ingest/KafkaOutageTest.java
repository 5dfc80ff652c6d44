package io.newspipe.ingest;

import static io.newspipe.ingest.IngestServiceTest.assertError;
import static io.newspipe.ingest.support.IngestTestKit.json;
import static io.newspipe.ingest.support.IngestTestKit.postText;
import static io.newspipe.ingest.support.IngestTestKit.recordsWithKey;
import static io.newspipe.ingest.support.IngestTestKit.startReady;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.EmbeddedKafkaBroker;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.support.TestArticles;

/**
 * A broker that goes away while the service runs (its own broker, so the shared one stays up): writes answer 503
 * within the delivery timeout instead of hanging, and once the broker is back, what was acknowledged before is
 * still there and new writes succeed.
 */
@ExtendWith(DevStackExtension.class)
class KafkaOutageTest {

    @Test
    void givenBrokerStopsAfterAnAcceptedArticle_whenNextArticlePosted_then503AndTheAcceptedOneSurvivesTheRestart(
            DevStack stack, @TempDir Path dataDir) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0, Map.of()).start();
        try {
            PipelineConfig config = PipelineConfig.builder()
                    .bootstrapServers(broker.bootstrapServers())
                    .schemaRegistryUrl(stack.schemaRegistryUrl())
                    .topicName(TopicNames.LOGICAL_RAW, "it.raw.outage")
                    .stateDir(dataDir.resolve("ingest-state"))
                    .topicPartitions(1)
                    .httpPort(0)
                    .build();
            IngestService.Options options = IngestService.Options.defaults().withDeliveryTimeout(Duration.ofSeconds(3));
            try (IngestService service = startReady(config, options)) {
                HttpResponse<String> accepted = postText(service, TestArticles.unique("before-outage"));
                assertThat(accepted.statusCode()).isEqualTo(202);
                String acceptedId = json(accepted).get("id").asText();

                broker.stop();
                HttpResponse<String> during = postText(service, TestArticles.unique("during-outage"));

                assertError(during, 503, "kafka_unavailable");
                assertThat(during.headers().firstValue("Retry-After")).isPresent();

                broker.start();
                assertThat(recordsWithKey(config, acceptedId)).hasSize(1);
                HttpResponse<String> after = postText(service, TestArticles.unique("after-outage"));
                assertThat(after.statusCode()).isEqualTo(202);
            }
        } finally {
            broker.stop();
        }
    }
}
