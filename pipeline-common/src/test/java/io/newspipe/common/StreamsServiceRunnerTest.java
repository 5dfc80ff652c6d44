package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    @Test
    void givenRunningService_whenTheWatchdogReplacesTheStreams_thenTheStreamsMetricsFollowTheNewInstance()
            throws Exception {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(DevStackExtension.stack().bootstrapServers())
                .applicationId("runner-restart-test").stateDir(stateDir).topicPartitions(1).httpPort(0).build();
        StreamsApp app = new StreamsApp(config, () -> copyTopology("runner-restart.input", "runner-restart.output"),
                List.of(new TopicSpec("runner-restart.input", 1, (short) 1, Map.of()),
                        new TopicSpec("runner-restart.output", 1, (short) 1, Map.of())));
        PrometheusMeterRegistry registry = ServiceMetrics.newRegistry("runner-restart-test");
        StreamsServiceRunner runner = new StreamsServiceRunner("runner-restart-test", config, app, registry, null);
        try {
            runner.start();
            KafkaStreams first = app.streams();
            produce(config, "runner-restart.input", 3);
            awaitProcessed(first, 3);
            assertThat(boundProcessTotal(registry)).as("bound to the first instance").isEqualTo(processTotal(first));

            app.restart();
            KafkaStreams second = app.streams();
            produce(config, "runner-restart.input", 2);
            awaitProcessed(second, 2);

            assertThat(second).isNotSameAs(first);
            assertThat(boundProcessTotal(registry)).as("process-total on /metrics after the restart")
                    .isEqualTo(processTotal(second));
        } finally {
            runner.stop();
        }
    }

    private static Topology copyTopology(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static void produce(PipelineConfig config, String topic, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config.producerProperties("runner-test"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    /** Records processed by the instance's stream threads, from its own metrics. */
    private static double processTotal(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("stream-thread-metrics")
                        && e.getKey().name().equals("process-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    /** The same figure as the service's registry (what /metrics serves) reads it. */
    private static double boundProcessTotal(PrometheusMeterRegistry registry) {
        List<Meter> meters = registry.getMeters().stream()
                .filter(m -> m.getId().getName().equals("kafka.stream.thread.process.total")).toList();
        assertThat(meters).as("kafka_stream_thread_process_total meters").isNotEmpty();
        return meters.stream().mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    /** Waits for the instance to be RUNNING and to have processed {@code count} records (a wait, no assertion). */
    private static void awaitProcessed(KafkaStreams streams, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((streams.state() != KafkaStreams.State.RUNNING || processTotal(streams) < count)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(processTotal(streams)).as("records processed by %s", streams).isGreaterThanOrEqualTo(count);
    }
}
