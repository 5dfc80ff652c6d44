package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import io.newspipe.serde.GenericAvroSerde;
import io.newspipe.serde.SpecificAvroSerde;

class TopicCatalogTest {

    private final PipelineConfig defaults = PipelineConfig.builder().build();

    @Test
    void givenDefaultConfig_whenBuildingCatalog_thenContractNamesStringKeysAndNewspipeAvroSerde() {
        TopicCatalog catalog = new TopicCatalog(defaults);

        assertThat(catalog.all()).extracting(Topic::name).containsExactly("news.raw.v1", "news.enriched.v1",
                "news.published.v1", "news.awards.v1", "news.kpis.v1", "news.entities.v1", "news.dlq.v1", "news.replay.v1",
                "news.stories.v1", "news.roles.v1");
        assertThat(catalog.raw().keySerde()).isInstanceOf(Serdes.StringSerde.class);
        assertThat(catalog.raw().valueSerde()).isInstanceOf(SpecificAvroSerde.class);
        assertThat(catalog.published().valueSerde()).isInstanceOf(SpecificAvroSerde.class);
        assertThat(catalog.deadLetters().keySerde()).isInstanceOf(Serdes.ByteArraySerde.class);
        assertThat(catalog.deadLetters().valueSerde()).isInstanceOf(Serdes.ByteArraySerde.class);
    }

    @Test
    void givenAnotherRealSerdeClass_whenBuildingCatalog_thenValueSerdesAreOfThatClass() {
        PipelineConfig config = defaults.toBuilder().valueSerde(GenericAvroSerde.class.getName()).build();

        TopicCatalog catalog = new TopicCatalog(config);

        assertThat(catalog.enriched().valueSerde()).isInstanceOf(GenericAvroSerde.class);
        assertThat(catalog.kpis().valueSerde()).isInstanceOf(GenericAvroSerde.class);
    }

    @Test
    void givenSerdeClass_whenBuildingCatalog_thenItIsConfiguredAsValueSerdeWithConfluentKeys() {
        PipelineConfig config = defaults.toBuilder().valueSerde(RecordingSerde.class.getName())
                .schemaRegistryUrl("http://sr:8081").schemaRegistryUserInfo("u:p")
                .extraConfig("use.latest.version", "true").build();

        RecordingSerde serde = (RecordingSerde) (Object) new TopicCatalog(config).raw().valueSerde();

        assertThat(serde.isKey).isFalse();
        assertThat(serde.configs).containsEntry("schema.registry.url", "http://sr:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "u:p")
                .containsEntry("use.latest.version", "true");
    }

    @Test
    void givenNonexistentSerdeClass_whenBuildingCatalog_thenErrorNamesClassAndSetting() {
        PipelineConfig config = defaults.toBuilder()
                .valueSerde("io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde").build();

        assertThatThrownBy(() -> new TopicCatalog(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde")
                .hasMessageContaining("not on the classpath")
                .hasMessageContaining("--value-serde / NEWSPIPE_VALUE_SERDE");
    }

    @Test
    void givenClassThatIsNotASerde_whenBuildingCatalog_thenErrorSaysSo() {
        PipelineConfig config = defaults.toBuilder().valueSerde(String.class.getName()).build();

        assertThatThrownBy(() -> new TopicCatalog(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("is not a org.apache.kafka.common.serialization.Serde");
    }

    @Test
    void givenRenamedTopics_whenBuildingCatalog_thenTopicsAndSpecsUseTheNewNames() {
        PipelineConfig config = defaults.toBuilder().topicName("raw", "team.raw").topicName("dlq", "team.dlq")
                .build();

        TopicCatalog catalog = new TopicCatalog(config);

        assertThat(catalog.raw().name()).isEqualTo("team.raw");
        assertThat(catalog.deadLetters().name()).isEqualTo("team.dlq");
        assertThat(catalog.specs()).extracting(TopicSpec::name).contains("team.raw", "team.dlq")
                .doesNotContain("news.raw.v1");
    }

    @Test
    void givenConfig_whenListingSpecs_thenRetentionAndCompactionFollowTheContract() {
        PipelineConfig config = defaults.toBuilder().topicPartitions(6).topicReplicationFactor((short) 3).build();
        TopicCatalog catalog = new TopicCatalog(config);

        assertThat(catalog.spec(TopicTable.RAW).configs()).containsEntry("retention.ms", "-1");
        assertThat(catalog.spec(TopicTable.DEAD_LETTERS).configs()).containsEntry("retention.ms", "-1");
        assertThat(catalog.spec(TopicTable.PUBLISHED).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalog.spec(TopicTable.ENRICHED).configs()).containsEntry("retention.ms",
                String.valueOf(30L * 24 * 60 * 60 * 1000));
        assertThat(catalog.spec(TopicTable.ARTICLE_INDEX)).satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("news.article-index.v1");
            assertThat(spec.configs()).containsEntry("cleanup.policy", "compact");
        });
        assertThat(catalog.specs()).extracting(TopicSpec::name).doesNotContain("news.article-index.v1");
        assertThat(java.util.stream.Stream.concat(catalog.specs().stream(), java.util.stream.Stream.of(
                catalog.spec(TopicTable.ARTICLE_INDEX)))).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.replicationFactor()).isEqualTo((short) 3);
            assertThat(spec.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void givenReplicationFactor_whenMinInSyncNotSet_thenItIsDerivedAndAnOverrideWins() {
        assertThat(defaults.toBuilder().topicReplicationFactor((short) 1).build().topicMinInSyncReplicas()).isEqualTo(1);
        assertThat(defaults.toBuilder().topicReplicationFactor((short) 2).build().topicMinInSyncReplicas()).isEqualTo(1);
        assertThat(defaults.toBuilder().topicReplicationFactor((short) 5).build().topicMinInSyncReplicas()).isEqualTo(2);
        PipelineConfig three = defaults.toBuilder().topicReplicationFactor((short) 5).topicMinInSyncReplicas(3).build();
        assertThat(new TopicCatalog(three).spec(TopicTable.RAW).configs()).containsEntry("min.insync.replicas", "3");
        assertThat(three.streamsProperties("app")).containsEntry("topic.min.insync.replicas", "3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> defaults.toBuilder()
                .topicReplicationFactor((short) 3).topicMinInSyncReplicas(4).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--topic-min-insync-replicas")
                .hasMessageContaining("1..3");
    }

    @Test
    void givenTopic_whenRenamed_thenSerdesAreKept() {
        Topic<String, ?> raw = new TopicCatalog(defaults).raw();

        Topic<String, ?> renamed = raw.withName("other");

        assertThat(renamed.name()).isEqualTo("other");
        assertThat(renamed.valueSerde()).isSameAs(raw.valueSerde());
        assertThat(Map.of("t", renamed.toString())).containsEntry("t", "other");
    }
}
