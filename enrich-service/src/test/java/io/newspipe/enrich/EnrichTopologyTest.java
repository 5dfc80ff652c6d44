package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.StageMetrics;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.RawArticle;

/** The enrich topology on TopologyTestDriver, with the serdes talking to the DevStack's real registry. */
@ExtendWith(DevStackExtension.class)
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2024-01-12T03:00:05Z");
    private static final String TEXT = "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý phát biểu. Tỉnh có 7/35 chỉ tiêu khó đạt.";

    private final Extractor extractor = Extractor.create();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestInputTopic<String, RawArticle> replay;
    private TestInputTopic<String, byte[]> replayBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private PipelineConfig config;

    @BeforeEach
    void configure(DevStack stack, @TempDir Path stateDir) {
        config = EnrichService.withDeadLetterHandler(PipelineConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .applicationId("enrich-test-" + UUID.randomUUID())
                .stateDir(stateDir)
                .build());
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    }

    /**
     * Starts the driver with the service's Streams properties. {@code exactlyOnce=false} is only for the
     * deserialization dead-letter tests: TopologyTestDriver 4.4.0 loses the dead letters the deserialization
     * handler sends under exactly_once_v2 (its mock producer never commits them), so those run at_least_once here;
     * EnrichPublishIntegrationTest shows them under exactly_once_v2 on the real broker.
     */
    private void startDriver(boolean exactlyOnce) {
        TopicCatalog topics = new TopicCatalog(config);
        Properties props = config.streamsProperties();
        if (!exactlyOnce) {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        }
        driver = new TopologyTestDriver(
                EnrichService.buildTopology(topics, extractor, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), new StringSerializer(), new ByteArraySerializer());
        replay = driver.createInputTopic(topics.replay().name(), new StringSerializer(),
                topics.replay().valueSerializer());
        replayBytes = driver.createInputTopic(topics.replay().name(), new StringSerializer(),
                new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keyDeserializer(),
                topics.enriched().valueDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void givenRawArticle_whenEnriched_thenEnrichedArticleCarriesMetadataExtractionVersionAndTime() {
        startDriver(true);
        RawArticle article = RawArticles.article("a1", TEXT);

        raw.pipeInput("a1", article);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        EnrichedArticle e = out.value();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(e.getArticleId()).isEqualTo("a1");
        assertThat(e.getText()).isEqualTo(TEXT);
        assertThat(e.getUrl()).isEqualTo(article.getUrl());
        assertThat(e.getTitle()).isEqualTo(article.getTitle());
        assertThat(e.getSource()).isEqualTo("example.vn");
        assertThat(e.getPublishedAt()).isEqualTo(article.getPublishedAt());
        assertThat(e.getReceivedAt()).isEqualTo(article.getReceivedAt());
        assertThat(e.getContentHash()).isEqualTo("hash-a1");
        assertThat(e.getExtractorVersion()).isEqualTo(extractor.version());
        assertThat(e.getEnrichedAt()).isEqualTo(NOW);
        EnrichedArticle expected = EnrichedArticleMapper.toEnriched(article, extractor.extract(TEXT), NOW);
        // the story step adds each entity's id and canonical name to what extraction found
        assertThat(e.getEntities()).extracting(x -> io.newspipe.schemas.Entity.newBuilder(x).setId(null)
                .setCanonicalName(null).build()).isEqualTo(expected.getEntities());
        assertThat(e.getEntities()).allSatisfy(x -> assertThat(x.getId()).matches("[pol]-[0-9a-f]{16}"));
        assertThat(e.getStoryId()).isEqualTo(io.newspipe.stories.StoryIds.ofFirstArticle("a1"));
        assertThat(e.getAwards()).isEqualTo(expected.getAwards());
        assertThat(e.getKpis()).isEqualTo(expected.getKpis());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void givenGarbageBytes_whenConsumed_thenDeadLetteredWithHeadersAndNextArticleStillEnriched() {
        startDriver(false);
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        rawBytes.pipeInput("bad-1", garbage);
        raw.pipeInput("a2", RawArticles.article("a2", TEXT));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-1");
        assertThat(dead.value()).isEqualTo(garbage);
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(h, DeadLetterHandler.HEADER_KIND)).isEqualTo("deserialization");
        assertThat(header(h, DeadLetterHandler.HEADER_EXCEPTION)).endsWith("SerializationException");
        assertThat(header(h, DeadLetterHandler.HEADER_MESSAGE)).isNotBlank();
        assertThat(header(h, DeadLetterHandler.HEADER_REASON)).isNotBlank();
        assertThat(header(h, DeadLetterHandler.HEADER_TOPIC)).isEqualTo("news.raw.v1");
        assertThat(header(h, DeadLetterHandler.HEADER_PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("0");
        assertThat(Instant.parse(header(h, DeadLetterHandler.HEADER_FAILED_AT))).isNotNull();
        assertThat(enriched.readKeyValue().key).isEqualTo("a2");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void givenUnknownSchemaId_whenConsumed_thenDeadLetteredAndNextArticleStillEnriched() {
        startDriver(false);
        byte[] unknownId = {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 0x02, 0x03};

        rawBytes.pipeInput("bad-2", unknownId);
        raw.pipeInput("a3", RawArticles.article("a3", TEXT));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-2");
        assertThat(dead.value()).isEqualTo(unknownId);
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("deserialization");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_EXCEPTION)).endsWith("SerializationException");
        assertThat(enriched.readKeyValue().key).isEqualTo("a3");
    }

    @Test
    void givenTombstoneOnRaw_whenProcessed_thenDeadLetteredAsInvalidAndNextArticleStillEnriched() {
        startDriver(true);
        rawBytes.pipeInput("gone", (byte[]) null);
        raw.pipeInput("a4", RawArticles.article("a4", TEXT));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("gone");
        assertThat(dead.value()).isNull();
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("validation");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_REASON)).contains("tombstone");
        assertThat(enriched.readKeyValue().key).isEqualTo("a4");
    }

    @Test
    void givenRawArticleOnReplayTopic_whenEnriched_thenSameEnrichmentAsFromRaw() {
        startDriver(true);
        RawArticle article = RawArticles.article("r1", TEXT);

        raw.pipeInput("r1", article);
        replay.pipeInput("r1", article);

        EnrichedArticle fromRaw = enriched.readValue();
        EnrichedArticle fromReplay = enriched.readValue();
        assertThat(fromReplay).isEqualTo(fromRaw);
        assertThat(fromReplay.getArticleId()).isEqualTo("r1");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void givenGarbageOnReplayTopic_whenConsumed_thenDeadLetteredNamingTheReplayTopic() {
        startDriver(false);
        byte[] garbage = "not avro either".getBytes(StandardCharsets.UTF_8);

        replayBytes.pipeInput("bad-r", garbage);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-r");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_TOPIC)).isEqualTo("news.replay.v1");
    }

    @Test
    void givenABugInTheExtractor_whenAnArticleArrives_thenTheThreadFailsAndNothingIsDeadLettered() {
        TopicCatalog topics = new TopicCatalog(config);
        driver = new TopologyTestDriver(EnrichTopology.build(topics, text -> {
            throw new NullPointerException("simulated bug in the extractor");
        }, Clock.fixed(NOW, ZoneOffset.UTC), StageMetrics.unregistered(EnrichService.STAGE),
                io.newspipe.stories.StoryParams.defaults()),
                config.streamsProperties());
        TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
                topics.raw().valueSerializer());
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.deadLetters().name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());

        assertThatThrownBy(() -> in.pipeInput("b1", RawArticles.article("b1", TEXT)))
                .isInstanceOf(StreamsException.class)
                .hasStackTraceContaining("simulated bug in the extractor");
        assertThat(dlq.isEmpty()).as("a bug is retried after a fix, not dead-lettered").isTrue();
    }

    @Test
    void givenAnArticleWhoseEnrichedRecordExceedsTheRecordLimit_whenEnriched_thenItIsDeadLetteredAsTooLarge() {
        config = config.toBuilder().extraConfig("max.request.size", "200000").build();
        startDriver(false);
        String big = (TEXT + "\n").repeat(2_500); // ~250 KB of text: the enriched record is larger than 200,000 bytes

        raw.pipeInput("big", RawArticles.article("big", big));
        raw.pipeInput("a5", RawArticles.article("a5", TEXT));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("big");
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("too_large");
        // the first record written after extraction is the one to the story step's repartition topic
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_REASON)).contains("RecordTooLargeException")
                .contains(EnrichTopology.STORY_REPARTITION + "-repartition");
        assertThat(dead.value()).as("the raw record, too large to keep in the dead letter").isNull();
        assertThat(header(dead.headers(), DeadLetterHandler.HEADER_VALUE_OMITTED)).contains("news.raw.v1-0@0");
        assertThat(enriched.readKeyValue().key).isEqualTo("a5");
        assertThat(enriched.isEmpty()).isTrue();
    }

    static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
