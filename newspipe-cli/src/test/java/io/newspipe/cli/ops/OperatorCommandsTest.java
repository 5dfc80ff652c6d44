package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicReader;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.extraction.entities.EntityLexicon;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.RestSchemaRegistryClient;
import picocli.CommandLine;

/**
 * {@code replay} and {@code dlq} against ONE real pipeline shared by the class: the embedded broker and registry,
 * EnrichService and PublishService running in this JVM on topics of their own ({@code ops.*}). Each test uses its own
 * article ids and record timestamps, so the tests do not see each other's records.
 */
@ExtendWith(DevStackExtension.class)
class OperatorCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TEXT = TextNormalizer.normalize(
            "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý phát biểu tại hội nghị. Tỉnh có 7/35 chỉ tiêu khó đạt.");
    private static final String LEDGER = "ops.redriven";

    private static DevStack stack;
    private static PipelineConfig config;
    private static PipelineConfig enrichConfig;
    private static TopicCatalog topics;
    private static EnrichService enrich;
    private static PublishService publish;
    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;
    private static RestSchemaRegistryClient registry;

    @BeforeAll
    static void startPipeline(@TempDir Path stateDir) {
        stack = DevStackExtension.stack();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = new HashMap<>();
        TopicNames.LOGICAL_NAMES.forEach(logical -> names.put(logical, "ops." + logical));
        // one partition per topic: per-topic order is total, which the waits below rely on
        config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).topicPartitions(1).httpPort(0)
                .topicNames(names).build();
        topics = new TopicCatalog(config);
        registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        // every schema the pipeline writes is registered now, so the dead-letter test can predict the next id
        registry.register(topics.raw().name() + "-value", RawArticle.getClassSchema());
        registry.register(topics.enriched().name() + "-value", EnrichedArticle.getClassSchema());
        registry.register(topics.published().name() + "-value", PublishedArticle.getClassSchema());
        registry.register(topics.awards().name() + "-value", AwardItem.getClassSchema());
        registry.register(topics.kpis().name() + "-value", KpiItem.getClassSchema());
        registry.register(topics.entities().name() + "-value", EntityItem.getClassSchema());
        enrichConfig = config.toBuilder().applicationId("ops-enrich-" + run).build();
        enrich = new EnrichService(enrichConfig, Extractor.create(), Clock.systemUTC()).start();
        publish = new PublishService(config.toBuilder().applicationId("ops-publish-" + run).build(),
                Clock.systemUTC()).start();
        producer = new KafkaProducer<>(config.producerProperties("ops-test"), new StringSerializer(),
                new ByteArraySerializer());
        admin = Admin.create(config.kafkaProperties());
    }

    @AfterAll
    static void stopPipeline() {
        for (AutoCloseable c : new AutoCloseable[] {producer, admin, registry, publish, enrich}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    // ------------------------------------------------------------------ replay

    @Test
    void givenArticlesAtDifferentTimes_whenReplayingAWindow_thenExactlyThoseInsideAreSentToReplay() throws Exception {
        String p = "win-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        produceRaw(p + "early", Instant.parse("2021-03-01T08:00:00Z"));
        produceRaw(p + "inside-1", Instant.parse("2021-03-01T09:00:00Z"));
        produceRaw(p + "inside-2", Instant.parse("2021-03-01T09:59:59Z"));
        produceRaw(p + "late", Instant.parse("2021-03-01T11:00:00Z"));
        long before = endOffset(topics.replay().name());

        Result r = run(new ReplayCommand(), "--from", "2021-03-01T09:00:00Z", "--to", "2021-03-01T10:00:00Z");

        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("Replayed 2 articles");
        List<ConsumerRecord<byte[], byte[]>> sent = readFrom(topics.replay().name(), before);
        assertThat(sent).extracting(OperatorCommandsTest::key).containsExactly(p + "inside-1", p + "inside-2");
        assertThat(sent).allSatisfy(rec -> {
            assertThat(rec.headers().lastHeader(ReplayCommand.HEADER_REQUESTED_AT)).isNotNull();
            assertThat(rec.headers().lastHeader("source-header").value()).isEqualTo("kept".getBytes());
        });
        assertThat(r.err).contains("scan [").contains("100%");
    }

    @Test
    void givenIdsAndTwoVersionsOfOne_whenReplayingIds_thenOnlyThoseIdsOnceEachAtTheirLatestVersion() throws Exception {
        String p = "ids-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Instant t = Instant.parse("2021-04-01T08:00:00Z");
        produceRaw(p + "a", t, TEXT);
        produceRaw(p + "b", t.plusSeconds(1));
        byte[] latestA = produceRaw(p + "a", t.plusSeconds(2), TEXT + " Phiên bản hai.");
        produceRaw(p + "c", t.plusSeconds(3));
        long before = endOffset(topics.replay().name());

        Result r = run(new ReplayCommand(), "--ids", p + "a," + p + "c", "--verbose");

        assertThat(r.code).as(r.toString()).isZero();
        List<ConsumerRecord<byte[], byte[]>> sent = readFrom(topics.replay().name(), before);
        assertThat(sent).extracting(OperatorCommandsTest::key).containsExactly(p + "a", p + "c");
        assertThat(sent.get(0).value()).isEqualTo(latestA);
        assertThat(r.out).contains("Replayed 2 articles").contains(p + "a").contains(p + "c");
    }

    @Test
    void givenDryRun_whenReplaying_thenCountsTheArticlesAndSendsNothing() throws Exception {
        String p = "dry-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        produceRaw(p + "1", Instant.parse("2021-05-01T08:00:00Z"));
        produceRaw(p + "2", Instant.parse("2021-05-01T08:30:00Z"));
        produceRaw(p + "3", Instant.parse("2021-05-02T08:00:00Z"));
        long before = endOffset(topics.replay().name());

        Result r = run(new ReplayCommand(), "--from", "2021-05-01T00:00:00Z", "--to", "2021-05-01T23:59:59Z",
                "--dry-run", "--verbose");

        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("would replay 2 articles").contains(p + "1").contains(p + "2")
                .doesNotContain(p + "3");
        assertThat(endOffset(topics.replay().name())).isEqualTo(before);
    }

    @Test
    void givenBadInput_whenReplaying_thenOneLineErrorAndExitTwo() {
        Result badTime = run(new ReplayCommand(), "--from", "yesterday");
        Result backwards = run(new ReplayCommand(), "--from", "2024-01-12T00:00:00Z", "--to", "2024-01-11T00:00:00Z");
        Result nothing = run(new ReplayCommand());

        assertThat(badTime.code).isEqualTo(2);
        assertThat(badTime.err).contains("--from: cannot read time 'yesterday'");
        assertThat(backwards.code).isEqualTo(2);
        assertThat(backwards.err).contains("is before --from");
        assertThat(nothing.code).isEqualTo(2);
        assertThat(nothing.err).contains("replay needs --from TIME").contains("or --ids");
    }

    @Test
    void givenPublishedArticles_whenReplayedUnchangedThenWithAChangedExtractor_thenOnlyTheChangeMakesOneNewRevision()
            throws Exception {
        String p = "rev-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        produceRaw(p + "1", Instant.parse("2021-06-01T08:00:00Z"));
        produceRaw(p + "2", Instant.parse("2021-06-01T08:01:00Z"));
        await(() -> revisions(p + "1") == 1 && revisions(p + "2") == 1, "both published");

        Result unchanged = run(new ReplayCommand(), "--from", "2021-06-01T00:00:00Z", "--to", "2021-06-01T23:00:00Z");
        assertThat(unchanged.code).as(unchanged.toString()).isZero();
        assertThat(unchanged.out).contains("Replayed 2 articles");
        awaitReplayProcessed();

        assertThat(revisions(p + "1")).isEqualTo(1);
        assertThat(revisions(p + "2")).isEqualTo(1);

        Extractor changed = Extractor.create(EntityLexicon.of(Map.of()));
        assertThat(changed.extract(TEXT).entities()).as("the stub extractor must read the text differently")
                .isNotEqualTo(Extractor.create().extract(TEXT).entities());
        restartEnrich(changed);
        try {
            Result r = run(new ReplayCommand(), "--ids", p + "1");
            assertThat(r.code).as(r.toString()).isZero();
            awaitReplayProcessed();

            assertThat(revisions(p + "1")).isEqualTo(2);
            assertThat(revisions(p + "2")).isEqualTo(1);
        } finally {
            restartEnrich(Extractor.create());
        }
    }

    // ------------------------------------------------------------------ dlq

    @Test
    void givenRecordDeadLetteredForAMissingSchema_whenFixedAndReplayedTwice_thenPublishedOnceAndSecondRunSendsNothing()
            throws Exception {
        String id = "dlq-" + UUID.randomUUID().toString().substring(0, 6);
        // the record names a schema id the registry does not have yet (a producer deployed before its schema was)
        Schema fixed = rawWithOptionalField();
        Schema probe = Schema.createRecord("Probe" + id.replace("-", ""), null, "io.newspipe.test", false,
                List.of(new Schema.Field("x", Schema.create(Schema.Type.INT))));
        int lastId = registry.register("ops.probe-value", probe); // a new schema: gets the highest id so far
        int missingId = lastId + 1;
        producer.send(new ProducerRecord<>(topics.raw().name(), null, Instant.parse("2021-07-01T08:00:00Z")
                .toEpochMilli(), id, framed(missingId, rawArticle(id, TEXT)))).get();
        await(() -> deadLetterKeys().contains(id), "dead-lettered");

        Result listed = run(new DlqCommand(), "list", "--format", "json", "--max", "1000");
        assertThat(listed.code).as(listed.toString()).isZero();
        String entry = listed.out.lines().filter(l -> l.contains("\"key\": \"" + id + "\"")).findFirst().orElseThrow();
        assertThat(entry).contains("\"stage\": \"enrich\"").contains("\"kind\": \"deserialization\"")
                .contains("\"originTopic\": \"ops.raw\"").contains("SerializationException")
                .contains("\"redriven\": false").contains("\"failedAt\": \"20");

        assertThat(registry.register("ops.fixed-value", fixed)).as("the fix registers the missing schema id")
                .isEqualTo(missingId);
        Result first = run(new DlqCommand(), "replay", "--ids", id, "--verbose");
        assertThat(first.code).as(first.toString()).isZero();
        assertThat(first.out).contains("Re-drove 1 of").contains(id + " -> ops.replay");
        await(() -> revisions(id) == 1, "re-driven record published");

        long replayEnd = endOffset(topics.replay().name());
        Result second = run(new DlqCommand(), "replay", "--ids", id);
        assertThat(second.code).as(second.toString()).isZero();
        assertThat(second.out).contains("Re-drove 0 of").contains("1 already re-driven");
        assertThat(endOffset(topics.replay().name())).isEqualTo(replayEnd);
        Result table = run(new DlqCommand(), "list", "--max", "1000");
        assertThat(table.out.lines().filter(l -> l.contains(id))).singleElement().asString().endsWith("yes");
        List<ConsumerRecord<byte[], byte[]>> redriven = readFrom(topics.replay().name(), 0).stream()
                .filter(rec -> key(rec).equals(id)).toList();
        assertThat(redriven).singleElement().satisfies(rec -> {
            assertThat(new String(rec.headers().lastHeader(DlqCommand.HEADER_REPLAYED_FROM).value(),
                    StandardCharsets.UTF_8)).startsWith("ops.dlq-0@");
            assertThat(rec.headers().lastHeader("__streams.errors.exception")).isNull();
            assertThat(rec.headers().lastHeader("newspipe.dlq.stage")).isNull();
        });
    }

    // ------------------------------------------------------------------ plumbing

    record Result(int code, String out, String err) {
    }

    private static Result run(Object command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers()));
        for (String logical : TopicNames.LOGICAL_NAMES) {
            all.addAll(List.of("--topic-name", logical + "=ops." + logical));
        }
        if (command instanceof DlqCommand) {
            all.addAll(List.of("--redriven-topic", LEDGER));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static byte[] produceRaw(String id, Instant timestamp) throws Exception {
        return produceRaw(id, timestamp, TEXT);
    }

    private static byte[] produceRaw(String id, Instant timestamp, String text) throws Exception {
        byte[] value = topics.raw().valueSerializer().serialize(topics.raw().name(), rawArticle(id, text));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.raw().name(), null,
                timestamp.toEpochMilli(), id, value);
        record.headers().add("source-header", "kept".getBytes());
        producer.send(record).get();
        return value;
    }

    private static RawArticle rawArticle(String id, String text) {
        return RawArticle.newBuilder().setArticleId(id).setUrl("https://example.vn/" + id)
                .setTitle("Hội nghị tổng kết").setSource("example.vn").setLanguage("vi")
                .setPublishedAt(Instant.parse("2021-01-12T02:00:00Z")).setReceivedAt(Instant.now())
                .setOriginalText(text).setText(text).setContentHash("hash-" + text.hashCode()).build();
    }

    /** RawArticle plus an optional field: a schema readers of RawArticle accept, not yet registered. */
    private static Schema rawWithOptionalField() {
        Schema raw = RawArticle.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        raw.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("operatorNote", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "added later", JsonProperties.NULL_VALUE));
        return Schema.createRecord(raw.getName(), raw.getDoc(), raw.getNamespace(), false, fields);
    }

    /** Confluent wire format with the given id; the body is RawArticle's encoding plus a null operatorNote. */
    private static byte[] framed(int schemaId, RawArticle article) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0);
        bytes.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(RawArticle.class).write(article, encoder);
        encoder.writeIndex(0); // operatorNote: null
        encoder.flush();
        return bytes.toByteArray();
    }

    private static void restartEnrich(Extractor extractor) {
        enrich.close();
        enrich = new EnrichService(enrichConfig, extractor, Clock.systemUTC()).start();
    }

    /**
     * Waits until enrich has committed everything on the replay topic, then sends a fresh article through raw and
     * waits for it to be published: enriched output is ordered, so publish has then seen the replayed records too.
     */
    private static void awaitReplayProcessed() throws Exception {
        String replay = topics.replay().name();
        List<ConsumerRecord<byte[], byte[]>> records = readFrom(replay, 0);
        // past the last record, not the end offset: a transaction marker after it may never be committed past
        long pastLast = records.get(records.size() - 1).offset() + 1;
        await(() -> committed(enrichConfig.applicationId(), replay) >= pastLast, "enrich read the replay topic");
        String sentinel = "sentinel-" + UUID.randomUUID();
        produceRaw(sentinel, Instant.now(), TEXT + " " + sentinel);
        await(() -> revisions(sentinel) == 1, "sentinel published");
    }

    private static long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long endOffset(String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(tp).offset();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readFrom(String topic, long offset) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config, "ops-test-reader")) {
            TopicReader.Range whole = reader.whole(topic);
            TopicPartition tp = new TopicPartition(topic, 0);
            reader.read(Map.of(tp, offset), whole.end(), records::add, f -> { });
        }
        return records;
    }

    private static int revisions(String id) {
        return (int) readFrom(topics.published().name(), 0).stream().filter(r -> key(r).equals(id)).count();
    }

    private static List<String> deadLetterKeys() {
        return readFrom(topics.deadLetters().name(), 0).stream().map(OperatorCommandsTest::key).toList();
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT + " waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
