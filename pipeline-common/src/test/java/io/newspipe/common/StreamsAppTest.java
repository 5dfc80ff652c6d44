package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.junit.DevStackExtension;
import org.junit.jupiter.api.io.TempDir;

/** Against the real embedded broker: start, readiness and stop of a small stateful topology. */
@ExtendWith(DevStackExtension.class)
class StreamsAppTest {

    @TempDir
    Path stateDir;

    private static Topology countingTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("app.input", Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
        return builder.build();
    }

    @Test
    void givenStartedApp_whenRunningThenStopped_thenReadyWhileRunningAndNotStartedAfterStop()
            throws Exception {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(DevStackExtension.stack().bootstrapServers())
                .applicationId("streams-app-test").stateDir(stateDir).topicPartitions(1).build();
        StreamsApp app = new StreamsApp(config, StreamsAppTest::countingTopology,
                List.of(new TopicSpec("app.input", 1, (short) 1, java.util.Map.of())));
        assertThat(app.readiness().ready()).isFalse();

        KafkaStreams streams = app.start();
        awaitState(streams, KafkaStreams.State.RUNNING);
        HealthStatus running = app.readiness();
        Properties p = new Properties();
        p.put("bootstrap.servers", DevStackExtension.stack().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            awaitGroup(admin, "streams-app-test");
            assertThat(internalTopics(admin)).isNotEmpty();

            app.stop();

            assertThat(running).isEqualTo(HealthStatus.up("RUNNING"));
            assertThat(app.readiness()).isEqualTo(HealthStatus.down("NOT_STARTED"));
        }
    }

    private static List<String> internalTopics(Admin admin) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        return names.stream().filter(n -> n.startsWith("streams-app-test-")).toList();
    }

    private static List<String> groupIds(Admin admin) throws Exception {
        return admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).toList();
    }

    /** Polls for a condition with a generous deadline (a wait, not a timing assertion). */
    private static void awaitState(KafkaStreams streams, KafkaStreams.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.state()).isEqualTo(state);
    }

    private static void awaitGroup(Admin admin, String groupId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!groupIds(admin).contains(groupId) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(groupIds(admin)).contains(groupId);
    }
}
