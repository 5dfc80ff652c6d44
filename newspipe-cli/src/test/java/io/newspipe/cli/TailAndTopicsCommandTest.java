package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.serde.AvroSerializer;
import io.newspipe.serde.AvroSerdeConfig;

/** tail and topics against the real embedded broker and registry, with records written by the real serde. */
@ExtendWith(DevStackExtension.class)
class TailAndTopicsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema PROBE = new Schema.Parser().parse("""
            {"type": "record", "name": "Probe", "namespace": "io.newspipe.test", "fields": [
              {"name": "title", "type": "string"}, {"name": "count", "type": "int"},
              {"name": "seenAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "maybeAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}]}]}""");
    private static final Instant SEEN_AT = Instant.parse("2024-05-01T10:00:00Z");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String AVRO_TOPIC = "test.probe." + SUFFIX;
    private static final String DLQ_TOPIC = "test.dlq." + SUFFIX;

    private static DevStack stack;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void produce(DevStack devStack) throws Exception {
        stack = devStack;
        Properties admin = new Properties();
        admin.put("bootstrap.servers", stack.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(AVRO_TOPIC, 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")), new NewTopic(DLQ_TOPIC, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(p, new StringSerializer(), serializer)) {
            for (int i = 1; i <= 3; i++) {
                GenericRecord r = new GenericData.Record(PROBE);
                r.put("title", "Hội nghị số " + i);
                r.put("count", i);
                r.put("seenAt", SEEN_AT.plusMillis(i).toEpochMilli()); // the generic writer takes the epoch long
                r.put("maybeAt", i == 1 ? SEEN_AT.toEpochMilli() : null);
                producer.send(new ProducerRecord<>(AVRO_TOPIC, "article-" + i, r)).get();
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(DLQ_TOPIC, "article-9".getBytes(
                    StandardCharsets.UTF_8), "not avro: văn bản hỏng".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("newspipe.dlq.stage", "enrich".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("__streams.errors.exception", "org.apache.kafka.common.errors.SerializationException"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
            producer.send(new ProducerRecord<>(DLQ_TOPIC, "article-10".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xff, 0x01, 0x02})).get();
        }
    }

    private int run(String... args) {
        return Newspipe.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String[] tail(String topic, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("tail", topic, "--from-beginning",
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void givenAvroRecords_whenTailFromBeginning_thenOneDecodedJsonLinePerRecordAndStopsAtTheEnd() throws Exception {
        int code = run(tail(AVRO_TOPIC));

        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> lines = out.toString().lines().map(TailAndTopicsCommandTest::json).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.path("key").asText())
                .containsExactlyInAnyOrder("article-1", "article-2", "article-3");
        JsonNode first = lines.stream().filter(l -> l.path("key").asText().equals("article-1")).findFirst().get();
        assertThat(first.path("topic").asText()).isEqualTo(AVRO_TOPIC);
        assertThat(first.has("partition")).isTrue();
        assertThat(first.has("offset")).isTrue();
        assertThat(first.path("timestamp").asText()).endsWith("Z");
        assertThat(first.path("value").path("title").asText()).isEqualTo("Hội nghị số 1");
        assertThat(first.path("value").path("count").asInt()).isEqualTo(1);
        assertThat(first.path("value").path("seenAt").asText()).isEqualTo("2024-05-01T10:00:00.001Z");
        assertThat(first.path("value").path("maybeAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
        JsonNode second = lines.stream().filter(l -> l.path("key").asText().equals("article-2")).findFirst().get();
        assertThat(second.path("value").path("maybeAt").isNull()).isTrue();
    }

    @Test
    void givenMax_whenTail_thenStopsAfterThatManyRecords() {
        int code = run(tail(AVRO_TOPIC, "--max", "2"));

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(2);
    }

    @Test
    void givenDeadLetters_whenTail_thenHeadersAndValueAsTextOrBase64() {
        int code = run(tail(DLQ_TOPIC));

        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> lines = out.toString().lines().map(TailAndTopicsCommandTest::json).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("key").asText()).isEqualTo("article-9");
        assertThat(lines.get(0).path("headers").path("newspipe.dlq.stage").asText()).isEqualTo("enrich");
        assertThat(lines.get(0).path("headers").path("__streams.errors.exception").asText())
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(lines.get(0).path("valueEncoding").asText()).isEqualTo("utf8");
        assertThat(lines.get(0).path("value").asText()).isEqualTo("not avro: văn bản hỏng");
        assertThat(lines.get(1).path("valueEncoding").asText()).isEqualTo("base64");
        assertThat(lines.get(1).path("value").asText()).isEqualTo("/wEC");
    }

    @Test
    void givenTableFormat_whenTail_thenHeaderRowAndOneRowPerRecord() {
        int code = run(tail(AVRO_TOPIC, "--format", "table"));

        assertThat(code).isZero();
        List<String> rows = out.toString().lines().toList();
        assertThat(rows.get(0)).startsWith("PART").contains("OFFSET").contains("KEY").contains("VALUE");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).anySatisfy(r -> assertThat(r).contains("article-2").contains("Hội nghị số 2")
                .contains("\"seenAt\":\"2024-05-01T10:00:00.002Z\""));
    }

    @Test
    void givenMissingTopic_whenTail_thenOneLineErrorAndExitOne() {
        int code = run(tail("no.such.topic." + SUFFIX));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("topic 'no.such.topic." + SUFFIX + "' does not exist");
    }

    @Test
    void givenTopics_whenListed_thenPartitionsConfigsAndCountsAppearAndInternalOnesOnlyWithAll() {
        int code = run("topics", "--bootstrap-servers", stack.bootstrapServers());

        assertThat(code).as(err.toString()).isZero();
        String avroRow = row(out.toString(), AVRO_TOPIC);
        assertThat(avroRow.split("\\s+")).containsSubsequence(AVRO_TOPIC, "2", "compact");
        assertThat(avroRow).endsWith(" 3");
        assertThat(row(out.toString(), DLQ_TOPIC)).contains("delete").endsWith(" 2");
        assertThat(out.toString()).doesNotContain("__consumer_offsets").contains("not live keys");

        out.getBuffer().setLength(0);
        run("topics", "--all", "--bootstrap-servers", stack.bootstrapServers());
        assertThat(out.toString()).contains("_schemas *");
    }

    @Test
    void givenATopicWithAnotherRetention_whenApplyConfigs_thenDryRunPrintsTheChangeAndTheRunMakesIt() throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("topics", "--apply-configs", "--bootstrap-servers",
                stack.bootstrapServers()));
        io.newspipe.common.TopicTable.renamableLogicalNames().forEach(logical -> args.addAll(List.of("--topic-name",
                logical + "=apply." + logical + "." + SUFFIX)));
        String raw = "apply.raw." + SUFFIX;
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(raw, 3, (short) 1).configs(Map.of("retention.ms", "3600000"))))
                    .all().get();
            List<String> dryRun = new java.util.ArrayList<>(args);
            dryRun.add("--dry-run");

            int dryCode = run(dryRun.toArray(String[]::new));

            assertThat(dryCode).as(err.toString()).isZero();
            assertThat(out.toString()).contains(raw + ": would set retention.ms 3600000 -> -1")
                    .contains("apply.published." + SUFFIX + ": missing").contains("(dry run)");
            assertThat(retention(admin, raw)).isEqualTo("3600000");

            out.getBuffer().setLength(0);
            int code = run(args.toArray(String[]::new));

            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains(raw + ": set retention.ms 3600000 -> -1");
            assertThat(retention(admin, raw)).isEqualTo("-1");
        }
    }

    @Test
    void givenDryRunWithoutApplyConfigs_whenTopics_thenUsageErrorExitTwo() {
        int code = run("topics", "--dry-run", "--bootstrap-servers", stack.bootstrapServers());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--dry-run goes with --apply-configs");
    }

    private static String retention(Admin admin, String topic) throws Exception {
        org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
    }

    private static String row(String table, String topic) {
        return table.lines().filter(l -> l.startsWith(topic + " ")).findFirst().orElseThrow().strip();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
