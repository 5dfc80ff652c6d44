package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.PublishedArticle;

/** The publish topology on TopologyTestDriver, with the serdes talking to the DevStack's real registry. */
@ExtendWith(DevStackExtension.class)
class PublishTopologyTest {

    private static final Instant NOW = Instant.parse("2024-01-12T03:00:09Z");

    private PipelineConfig config;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestInputTopic<String, byte[]> enrichedBytes;
    private TestOutputTopic<String, PublishedArticle> published;
    private TestOutputTopic<String, AwardItem> awards;
    private TestOutputTopic<String, KpiItem> kpis;
    private TestOutputTopic<String, EntityItem> entities;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void configure(DevStack stack, @TempDir Path stateDir) {
        config = PublishService.withDeadLetterHandler(PipelineConfig.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl())
                .applicationId("publish-test-" + UUID.randomUUID())
                .stateDir(stateDir)
                .build());
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    }

    /**
     * {@code exactlyOnce=false} only for the deserialization dead-letter tests: TopologyTestDriver 4.4.0 loses the
     * dead letters the deserialization handler sends under exactly_once_v2; the integration test shows them under
     * exactly_once_v2 on the real broker.
     */
    private void startDriver(boolean exactlyOnce) {
        TopicCatalog topics = new TopicCatalog(config);
        Properties props = config.streamsProperties();
        if (!exactlyOnce) {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        }
        driver = new TopologyTestDriver(PublishService.buildTopology(topics, Clock.fixed(NOW, ZoneOffset.UTC)),
                props);
        enriched = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerializer());
        enrichedBytes = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                new ByteArraySerializer());
        published = driver.createOutputTopic(topics.published().name(), topics.published().keyDeserializer(),
                topics.published().valueDeserializer());
        awards = driver.createOutputTopic(topics.awards().name(), topics.awards().keyDeserializer(),
                topics.awards().valueDeserializer());
        kpis = driver.createOutputTopic(topics.kpis().name(), topics.kpis().keyDeserializer(),
                topics.kpis().valueDeserializer());
        entities = driver.createOutputTopic(topics.entities().name(), topics.entities().keyDeserializer(),
                topics.entities().valueDeserializer());
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
    void givenEnrichedArticle_whenPublished_thenRevisionOneWithFingerprintAndOneItemRecordPerMention() {
        startDriver(true);
        EnrichedArticle article = EnrichedArticles.article("a1");

        enriched.pipeInput("a1", article);

        TestRecord<String, PublishedArticle> out = published.readRecord();
        PublishedArticle p = out.value();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(p.getRevision()).isEqualTo(1);
        assertThat(p.getPublishedAt()).isEqualTo(NOW);
        assertThat(p.getContentFingerprint()).isEqualTo(ContentFingerprint.of(article));
        assertThat(p.getText()).isEqualTo(article.getText());
        assertThat(p.getArticlePublishedAt()).isEqualTo(article.getPublishedAt());
        assertThat(p.getEntities()).isEqualTo(article.getEntities());
        assertThat(p.getAwards()).isEqualTo(article.getAwards());
        assertThat(p.getKpis()).isEqualTo(article.getKpis());
        assertThat(p.getExtractorVersion()).isEqualTo("1.0.0");
        assertThat(published.isEmpty()).isTrue();

        AwardItem award = awards.readValue();
        assertThat(award.getArticleId()).isEqualTo("a1");
        assertThat(award.getRevision()).isEqualTo(1);
        assertThat(award.getIndex()).isZero();
        assertThat(award.getCount()).isEqualTo(1);
        assertThat(award.getPublishedAt()).isEqualTo(NOW);
        assertThat(award.getAward().getRecipients()).containsExactly("Xã A", "Xã B");
        assertThat(kpis.readValue().getKpi().getTotal()).isEqualTo(20.0);
        assertThat(entities.readValue().getEntity().getText()).isEqualTo("Lê Văn Nam");
        assertThat(awards.isEmpty()).isTrue();
        assertThat(kpis.isEmpty()).isTrue();
        assertThat(entities.isEmpty()).isTrue();
    }

    @Test
    void givenSameContentTwiceAndReEnrichedByAnotherExtractorVersion_whenPublished_thenOnlyOneRevision() {
        startDriver(true);
        EnrichedArticle reEnriched = EnrichedArticles.article("a1");
        reEnriched.setExtractorVersion("2.0.0");
        reEnriched.setEnrichedAt(Instant.parse("2025-01-01T00:00:00Z"));

        enriched.pipeInput("a1", EnrichedArticles.article("a1"));
        enriched.pipeInput("a1", EnrichedArticles.article("a1"));
        enriched.pipeInput("a1", reEnriched);

        assertThat(published.readValuesToList()).extracting(PublishedArticle::getRevision).containsExactly(1);
        assertThat(awards.getQueueSize()).isEqualTo(1);
        assertThat(kpis.getQueueSize()).isEqualTo(1);
        assertThat(entities.getQueueSize()).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void givenChangedContent_whenPublished_thenExactlyOneNewRevisionAndItsItemsCarryIt() {
        startDriver(true);
        EnrichedArticle changed = EnrichedArticles.article("a1");
        changed.setAwards(new ArrayList<>(List.of(EnrichedArticles.award(), EnrichedArticles.award())));
        changed.setExtractorVersion("2.0.0");

        enriched.pipeInput("a1", EnrichedArticles.article("a1"));
        enriched.pipeInput("a1", changed);
        enriched.pipeInput("a1", changed);
        enriched.pipeInput("b1", EnrichedArticles.article("b1"));

        List<TestRecord<String, PublishedArticle>> revisions = published.readRecordsToList();
        assertThat(revisions).extracting(r -> r.key() + "@" + r.value().getRevision())
                .containsExactly("a1@1", "a1@2", "b1@1");
        assertThat(revisions.get(1).value().getExtractorVersion()).isEqualTo("2.0.0");
        assertThat(revisions.get(1).value().getContentFingerprint()).isEqualTo(ContentFingerprint.of(changed));
        List<AwardItem> awardItems = awards.readValuesToList();
        assertThat(awardItems).extracting(a -> a.getArticleId() + "@" + a.getRevision() + "#" + a.getIndex() + "/"
                + a.getCount()).containsExactly("a1@1#0/1", "a1@2#0/2", "a1@2#1/2", "b1@1#0/1");
        assertThat(kpis.readValuesToList()).extracting(KpiItem::getRevision).containsExactly(1, 2, 1);
        assertThat(entities.readValuesToList()).extracting(EntityItem::getRevision).containsExactly(1, 2, 1);
    }

    @Test
    void givenInvalidRecords_whenPublished_thenDeadLetteredWithReasonAndNotPublishedAndNextStillPublished() {
        startDriver(true);
        EnrichedArticle badOffsets = EnrichedArticles.article("a2");
        badOffsets.getEntities().get(0).setEnd(badOffsets.getText().length() + 10);

        enriched.pipeInput("other-key", EnrichedArticles.article("a1"));
        enriched.pipeInput("a2", badOffsets);
        enriched.pipeInput("a3", EnrichedArticles.article("a3"));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("other-key");
        assertThat(dead.get(0).value()).isNotEmpty();
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("publish");
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("validation");
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_REASON))
                .contains("key 'other-key' is not the articleId 'a1'");
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_TOPIC)).isEqualTo("news.enriched.v1");
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(dead.get(1).headers(), DeadLetterHandler.HEADER_REASON))
                .contains("entities[0] offsets").contains("outside the text");
        assertThat(header(dead.get(1).headers(), DeadLetterHandler.HEADER_OFFSET)).isEqualTo("1");
        assertThat(published.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a3");
    }

    @Test
    void givenGarbageAndUnknownSchemaId_whenConsumed_thenBothDeadLetteredAndNextArticleStillPublished() {
        startDriver(false);
        byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
        byte[] unknownId = {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x10, 0x02};

        enrichedBytes.pipeInput("bad-1", garbage);
        enrichedBytes.pipeInput("bad-2", unknownId);
        enriched.pipeInput("a4", EnrichedArticles.article("a4"));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("bad-1", "bad-2");
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(dead.get(1).value()).isEqualTo(unknownId);
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r.headers(), DeadLetterHandler.HEADER_STAGE)).isEqualTo("publish");
            assertThat(header(r.headers(), DeadLetterHandler.HEADER_KIND)).isEqualTo("deserialization");
            assertThat(header(r.headers(), DeadLetterHandler.HEADER_EXCEPTION)).endsWith("SerializationException");
            assertThat(Instant.parse(header(r.headers(), DeadLetterHandler.HEADER_FAILED_AT))).isNotNull();
        });
        assertThat(published.readValue().getArticleId()).isEqualTo("a4");
    }

    static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
