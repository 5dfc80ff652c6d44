package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.junit.DevStackExtension;

/** Against the real embedded broker: a reset app counts its input again from the start; a running one is refused. */
@ExtendWith(DevStackExtension.class)
class StreamsResetTest {

    private static final String APP = "streams-reset-test";
    private static final String INPUT = "reset-test.input";
    private static final String OUTPUT = "reset-test.counts";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    /** Counts per key, every update sent on (no cache), so the output shows each count the store went through. */
    private static Topology countingTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String())).groupByKey()
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts").withCachingDisabled())
                .toStream().to(OUTPUT, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    @Test
    void givenAppThatCountedItsInput_whenResetWhileRunningThenAfterStop_thenRefusedThenCountsTheInputAgainFromTheStart()
            throws Exception {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(DevStackExtension.stack().bootstrapServers())
                .applicationId(APP).stateDir(stateDir).topicPartitions(1).build();
        List<TopicSpec> topics = List.of(new TopicSpec(INPUT, 1, (short) 1, Map.of()),
                new TopicSpec(OUTPUT, 1, (short) 1, Map.of()));
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            try (StreamsApp first = new StreamsApp(config, StreamsResetTest::countingTopology, topics)) {
                first.start();
                produce(config, "a", "b", "c");
                assertThat(counts(config, 3)).containsExactly(1L, 2L, 3L);

                assertThatThrownBy(() -> StreamsReset.reset(admin, APP, stateDir))
                        .isInstanceOf(StreamsReset.RefusedException.class)
                        .hasMessageContaining(APP + " is running").hasMessageContaining("1 active member");
                assertThat(stateDir.resolve(APP)).as("a refused reset leaves the local state").exists();
            }
            awaitNoMembers(admin);

            StreamsReset.Result result = StreamsReset.reset(admin, APP, stateDir);

            assertThat(result.offsets()).isEqualTo(Map.of(new TopicPartition(INPUT, 0), 0L));
            assertThat(result.deletedTopics()).containsExactly(APP + "-counts-changelog");
            assertThat(result.stateDeleted()).isTrue();
            assertThat(stateDir.resolve(APP)).doesNotExist();
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(INPUT, OUTPUT)
                    .doesNotContain(APP + "-counts-changelog");
        }
        try (StreamsApp second = new StreamsApp(config, StreamsResetTest::countingTopology, topics)) {
            second.start();
            // counted again from an empty store: 1, 2, 3 once more (no reset of the offsets: nothing new; no removal
            // of the state: 4, 5, 6)
            assertThat(counts(config, 6)).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
        }
    }

    private static void produce(PipelineConfig config, String... values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config.producerProperties("reset-test"),
                new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(INPUT, "k", v));
            }
            producer.flush();
        }
    }

    /** The counts on the output topic for key k once there are {@code atLeast} (or the wait is over). */
    private static List<Long> counts(PipelineConfig config, int atLeast) {
        try (TopicReader reader = TopicReader.following(config, "reset-test-reader", OUTPUT, true)) {
            Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = reader.readByKey(WAIT,
                    m -> m.getOrDefault("k", List.of()).size() >= atLeast);
            return byKey.getOrDefault("k", List.of()).stream().map(r -> ByteBuffer.wrap(r.value()).getLong()).toList();
        }
    }

    /** A stopped app leaves its group at close; the coordinator may take a moment to show it (a wait, no assertion). */
    private static void awaitNoMembers(Admin admin) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !admin.describeConsumerGroups(List.of(APP)).all()
                .get(30, TimeUnit.SECONDS).get(APP).members().isEmpty()) {
            Thread.sleep(100);
        }
    }
}
