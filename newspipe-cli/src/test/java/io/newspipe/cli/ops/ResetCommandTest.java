package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import picocli.CommandLine;

/** {@code ./newspipe reset}: refuses publish without --force and other services; resets a stopped group's offsets. */
@ExtendWith(DevStackExtension.class)
class ResetCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ResetCommand command = new ResetCommand();
        command.env = Map.of();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void givenPublishWithoutForce_whenReset_thenRefusedBeforeKafkaIsAsked() {
        // nothing listens on port 1: had the command asked Kafka, the message would be about reaching it
        Result r = run("publish", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to reset publish without --force", "public");
    }

    @Test
    void givenIngest_whenReset_thenUsageErrorNamingTheStreamsServices() {
        Result r = run("ingest", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ingest is not a Streams service; enrich or publish");
    }

    @Test
    void givenStoppedGroupWithCommittedOffsetsAndLocalState_whenResetEnrich_thenOffsetsAtTheStartAndStateRemoved(
            DevStack stack, @TempDir Path stateDir) throws Exception {
        String group = "reset-cli-test";
        String topic = "reset-cli.input";
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "a"));
                producer.send(new ProducerRecord<>(topic, "k", "b")).get();
            }
            TopicPartition tp = new TopicPartition(topic, 0);
            commitAsGroup(p, group, tp, 2);
            Files.createDirectories(stateDir.resolve(group).resolve("0_0"));

            Result r = run("enrich", "--application-id", group, "--state-dir", stateDir.toString(),
                    "--bootstrap-servers", stack.bootstrapServers());

            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Reset " + group + ": 1 input partition(s) back to the earliest offset");
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed.get(tp).offset()).isZero();
            assertThat(stateDir.resolve(group)).doesNotExist();
        }
    }

    /** Commits {@code offset} for the group the way a stopped service leaves it: committed, no member left. */
    private static void commitAsGroup(Properties base, String group, TopicPartition tp, long offset) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offset)), Duration.ofSeconds(30));
        }
    }
}
