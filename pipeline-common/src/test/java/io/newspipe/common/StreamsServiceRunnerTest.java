package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.junit.DevStackExtension;

/** Against the real embedded broker: the shared start/stop of a Streams service's app, metrics and HTTP. */
@ExtendWith(DevStackExtension.class)
class StreamsServiceRunnerTest {

    @TempDir
    Path stateDir;

    private static Topology copyTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("runner.input", Consumed.with(Serdes.String(), Serdes.String()))
                .to("runner.output", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    @Test
    void givenStartedRunner_whenAskedOverHttpThenStopped_thenServesHealthAndStreamsMetricsAndStopsEverything()
            throws Exception {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(DevStackExtension.stack().bootstrapServers())
                .applicationId("streams-service-runner-test").stateDir(stateDir).topicPartitions(1).httpPort(0)
                .build();
        StreamsApp app = new StreamsApp(config, StreamsServiceRunnerTest::copyTopology, List.of(
                new TopicSpec("runner.input", 1, (short) 1, Map.of()),
                new TopicSpec("runner.output", 1, (short) 1, Map.of())));
        StreamsServiceRunner runner = new StreamsServiceRunner("runner-test", config, app);
        HttpClient client = HttpClient.newHttpClient();
        try {
            runner.start();
            String base = runner.http().baseUrl();

            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("service=\"runner-test\"").contains("kafka_stream");
            assertThat(runner.app()).isSameAs(app);
            assertThat(app.streams()).isNotNull();
        } finally {
            runner.stop();
        }

        assertThat(runner.http()).isNull();
        assertThat(app.streams()).isNull();
    }
}
