package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.common.TopicReader;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import picocli.CommandLine;

/**
 * {@code dlq replay} run twice at the same moment over 1,500 dead letters in three partitions: every letter is
 * re-driven exactly once between them (read_committed on the target topic, counted by the letter each copy names),
 * both runs succeed, and a third run re-drives nothing. Then the fix rule: a letter of a copy that failed again
 * after a re-drive under fix A is skipped under A and re-driven under B, as attempt 2. The split between the two
 * runs is printed (CONCURRENT-REDRIVE).
 */
@ExtendWith(DevStackExtension.class)
class ConcurrentRedriveTest {

    private static final int LETTERS = 1_500;

    @Test
    void givenTwoRunsAtOnce_whenTheyRedriveTheSameLetters_thenEachLetterIsRedrivenOnce(DevStack stack)
            throws Exception {
        String run = "redrive." + UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig config = config(stack, run);
        TopicCatalog topics = new TopicCatalog(config);
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            TopicProvisioner.ensureTopics(admin, topics.specs());
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties(run),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < LETTERS; i++) {
                sent.add(producer.send(letter(topics, "k-" + i, i, null, 0)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        String[] args = args(stack, run, "--fix", "fix-A");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(runs.submit(() -> {
                    go.await();
                    return replay(args);
                }));
            }
            go.countDown();
            Result first = results.get(0).get();
            Result second = results.get(1).get();

            System.out.println("CONCURRENT-REDRIVE run 1: " + first.out.strip() + " | run 2: " + second.out.strip());
            assertThat(first.code).as(first.toString()).isZero();
            assertThat(second.code).as(second.toString()).isZero();
            Map<String, Integer> copies = copiesByLetter(config, topics);
            assertThat(copies).hasSize(LETTERS);
            assertThat(copies.values()).as("copies per letter").containsOnly(1);
            assertThat(redriven(first) + redriven(second)).isEqualTo(LETTERS);

            Result third = replay(args);
            assertThat(third.out).contains("Re-drove 0 of " + LETTERS).contains(LETTERS + " already re-driven");
            assertThat(copiesByLetter(config, topics).values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(LETTERS);
        } finally {
            runs.shutdownNow();
        }
    }

    @Test
    void givenALetterOfACopyThatFailedAgain_whenRedrivenUnderTheSameFixThenAnother_thenOnlyTheNewFixSendsItAsAttemptTwo(
            DevStack stack) throws Exception {
        String run = "refix." + UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig config = config(stack, run);
        TopicCatalog topics = new TopicCatalog(config);
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            TopicProvisioner.ensureTopics(admin, topics.specs());
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties(run),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(letter(topics, "again", 0, "fix-A", 1)).get();
        }

        Result sameFix = replay(args(stack, run, "--fix", "fix-A"));
        Result newFix = replay(args(stack, run, "--fix", "fix-B"));

        assertThat(sameFix.out).contains("Re-drove 0 of 1").contains("1 failed again under fix fix-A");
        assertThat(newFix.out).contains("Re-drove 1 of 1");
        List<ConsumerRecord<byte[], byte[]>> copies = readAll(config, topics.replay().name());
        assertThat(copies).singleElement().satisfies(r -> {
            assertThat(header(r, DeadLetterRedrive.HEADER_FIX)).isEqualTo("fix-B");
            assertThat(header(r, DeadLetterRedrive.HEADER_ATTEMPT)).isEqualTo("2");
            assertThat(r.headers().headers(DeadLetterRedrive.HEADER_FIX)).hasSize(1);
        });
    }

    private static PipelineConfig config(DevStack stack, String run) {
        PipelineConfig.Builder b = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).topicPartitions(3);
        for (String logical : TopicNames.LOGICAL_NAMES) {
            b.topicName(logical, run + "." + logical);
        }
        return b.build();
    }

    private static String[] args(DevStack stack, String run, String... more) {
        List<String> all = new ArrayList<>(List.of("replay", "--bootstrap-servers", stack.bootstrapServers(),
                "--redriven-topic", run + ".redriven"));
        for (String logical : TopicNames.LOGICAL_NAMES) {
            all.addAll(List.of("--topic-name", logical + "=" + run + "." + logical));
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A dead letter as enrich writes it for a raw record, optionally of a copy re-driven before. */
    private static ProducerRecord<byte[], byte[]> letter(TopicCatalog topics, String key, int offset, String fix,
            int attempt) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topics.deadLetters().name(), utf8(key),
                utf8("{\"bytes of\": \"" + key + "\"}"));
        r.headers().add("newspipe.dlq.stage", utf8("enrich")).add("newspipe.dlq.kind", utf8("deserialization"))
                .add("newspipe.dlq.reason", utf8("SerializationException: test"))
                .add("__streams.errors.topic", utf8(topics.raw().name()))
                .add("__streams.errors.partition", utf8("0"))
                .add("__streams.errors.offset", utf8(String.valueOf(offset)));
        if (fix != null) {
            r.headers().add(DeadLetterRedrive.HEADER_FIX, utf8(fix))
                    .add(DeadLetterRedrive.HEADER_ATTEMPT, utf8(String.valueOf(attempt)));
        }
        return r;
    }

    record Result(int code, String out, String err) {
    }

    private static Result replay(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DlqCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static long redriven(Result r) {
        String line = r.out.lines().filter(l -> l.startsWith("Re-drove ")).findFirst().orElseThrow();
        return Long.parseLong(line.substring("Re-drove ".length(), line.indexOf(' ', "Re-drove ".length())));
    }

    private static Map<String, Integer> copiesByLetter(PipelineConfig config, TopicCatalog topics) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(config, topics.replay().name())) {
            copies.merge(header(r, DeadLetterRedrive.HEADER_REPLAYED_FROM), 1, Integer::sum);
        }
        return copies;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(PipelineConfig config, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config, "redrive-test")) {
            reader.read(reader.whole(topic), records::add, f -> { });
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
