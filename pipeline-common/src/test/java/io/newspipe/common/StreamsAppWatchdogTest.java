package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stuck-rebalance watchdog, with a real KafkaStreams that can never join its group (nothing listens on its
 * bootstrap port), so it stays in REBALANCING.
 */
class StreamsAppWatchdogTest {

    @TempDir
    Path stateDir;

    @Test
    void givenAppStuckInRebalancing_whenTheTimeoutPasses_thenItIsRestartedAndAfterStopNoMore() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free once closed: connections are refused
        }
        PipelineConfig config = PipelineConfig.builder().bootstrapServers("127.0.0.1:" + closedPort)
                .applicationId("watchdog-test").stateDir(stateDir).build();
        StreamsApp app = new StreamsApp(config, () -> {
            StreamsBuilder b = new StreamsBuilder();
            b.stream("watchdog.input", Consumed.with(Serdes.String(), Serdes.String()));
            return b.build();
        }, List.of(), Duration.ofSeconds(2));

        KafkaStreams first = app.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app.restarts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.restarts()).as("restarts after 2 s in REBALANCING").isPositive();
        while (app.streams() == null && System.nanoTime() < deadline) {
            Thread.sleep(100); // the restart closes the old instance, then starts a new one
        }
        assertThat(app.streams()).isNotNull().isNotSameAs(first);
        assertThat(first.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);

        app.stop(Duration.ofSeconds(10));
        int afterStop = app.restarts();
        Thread.sleep(3000);
        assertThat(app.restarts()).as("no restart once stopped").isEqualTo(afterStop);
        assertThat(app.streams()).isNull();
    }
}
