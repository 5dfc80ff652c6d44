package io.newspipe.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three KRaft nodes, each its own process: a SIGKILL of one loses no acknowledged write and stops no writer. */
class KafkaClusterTest {

    @Test
    void givenThreeNodes_whenOneIsKilledAndRestarted_thenWritesGoOnAndNothingIsLost(@TempDir Path dir)
            throws Exception {
        try (DevStack stack = DevStack.start(DevStack.Options.inDir(dir).withBrokers(3, List.of()))) {
            KafkaCluster cluster = stack.cluster().orElseThrow();
            assertThat(stack.brokers()).isEqualTo(3);
            assertThat(cluster.replicationFactor()).isEqualTo((short) 3);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
                // the registry's store is replicated like every other topic
                assertThat(replicas(admin, "_schemas")).isEqualTo(3);
                assertThat(config(admin, "_schemas", "min.insync.replicas")).isEqualTo("2");
                admin.createTopics(List.of(new NewTopic("cluster-check", 3, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
            }
            List<String> written = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", stack.bootstrapServers(), "acks", "all", "enable.idempotence", "true",
                    "delivery.timeout.ms", "60000"), new StringSerializer(), new StringSerializer())) {
                send(producer, written, 0, 50);
                long killedPid = cluster.pid(1).orElseThrow();
                cluster.kill(1);
                assertThat(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(cluster.isRunning(1)).isFalse();
                send(producer, written, 50, 100); // two of three in sync: acks=all writes still succeed
                cluster.start(1);
                assertThat(cluster.isRunning(1)).isTrue();
                send(producer, written, 100, 150);
            }
            assertThat(readAll(stack.bootstrapServers(), 150)).containsExactlyInAnyOrderElementsOf(written);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                awaitFullIsr(admin, "cluster-check", Duration.ofSeconds(60));
            }
        }
        // the quorum was fixed when the nodes were formatted: another size on the same data is refused, by name
        assertThatThrownBy(() -> KafkaCluster.start(dir.resolve("kafka"), 2, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster of 3 Kafka nodes, not 2");
    }

    private static void send(KafkaProducer<String, String> producer, List<String> written, int from, int to)
            throws Exception {
        for (int i = from; i < to; i++) {
            String v = "v" + i;
            producer.send(new ProducerRecord<>("cluster-check", "k" + i, v)).get(60, TimeUnit.SECONDS);
            written.add(v);
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "cluster-check-reader");
        p.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("cluster-check"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static int replicas(Admin admin, String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        return d.partitions().get(0).replicas().size();
    }

    private static String config(Admin admin, String topic, String key) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
        return c.get(key).value();
    }

    private static void awaitFullIsr(Admin admin, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            if (d.partitions().stream().allMatch(p -> p.isr().size() == 3)) {
                return;
            }
            assertThat(System.nanoTime()).as("the restarted node rejoins every ISR within " + timeout)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
