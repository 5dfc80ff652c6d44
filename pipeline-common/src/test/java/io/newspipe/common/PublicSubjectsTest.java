package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.serde.RestSchemaRegistryClient;
import io.newspipe.serde.SchemaRegistryException;

/** The public subjects are FULL_TRANSITIVE on the real registry once a service has started. */
@ExtendWith(DevStackExtension.class)
class PublicSubjectsTest {

    /** A config whose public topics have names of their own, so tests do not share subjects. */
    private static PipelineConfig config(DevStack stack, String... extra) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig.Builder b = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl());
        for (String logical : TopicNames.LOGICAL_NAMES) {
            b.topicName(logical, "subjects-" + run + "." + logical);
        }
        for (int i = 0; i < extra.length; i += 2) {
            b.extraConfig(extra[i], extra[i + 1]);
        }
        return b.build();
    }

    @Test
    void givenAStartingService_whenThePublicSubjectsAreEnforced_thenEachIsFullTransitiveAndNothingElseIs(
            DevStack stack) {
        PipelineConfig config = config(stack);

        List<String> subjects = PublicSubjects.enforce(config);

        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        assertThat(subjects).containsExactly(config.topicName("published") + "-value",
                config.topicName("awards") + "-value", config.topicName("kpis") + "-value",
                config.topicName("entities") + "-value", config.topicName("stories") + "-value",
                config.topicName("roles") + "-value");
        subjects.forEach(s -> assertThat(client.getCompatibility(s)).isEqualTo("FULL_TRANSITIVE"));
        assertThat(client.getCompatibility(config.topicName("raw") + "-value")).isEqualTo(client.getCompatibility(null));
    }

    @Test
    void givenTheEnforcedPublishedSubject_whenASchemaWithoutContentFingerprintIsRegistered_thenTheRegistryAnswers409(
            DevStack stack) {
        PipelineConfig config = config(stack);
        PublicSubjects.enforce(config);
        Topic<String, PublishedArticle> published = new TopicCatalog(config).published();
        published.valueSerializer().serialize(published.name(), article());
        Schema withoutFingerprint = withoutField(PublishedArticle.getClassSchema(), "contentFingerprint");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());

        assertThatThrownBy(() -> client.register(published.name() + "-value", withoutFingerprint))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                })
                .hasMessageContaining("contentFingerprint");
        assertThat(client.getAllVersions(published.name() + "-value")).hasSize(1);
    }

    @Test
    void givenRecordNameStrategy_whenEnforced_thenTheRecordSubjectsAreTheOnesSet(DevStack stack) {
        PipelineConfig config = config(stack, "value.subject.name.strategy", "RecordNameStrategy");

        List<String> subjects = PublicSubjects.enforce(config);

        assertThat(subjects).containsExactly("io.newspipe.schemas.PublishedArticle", "io.newspipe.schemas.AwardItem",
                "io.newspipe.schemas.KpiItem", "io.newspipe.schemas.EntityItem", "io.newspipe.schemas.Story",
                "io.newspipe.schemas.PersonRoles");
        assertThat(new RestSchemaRegistryClient(stack.schemaRegistryUrl()).getCompatibility(subjects.get(0)))
                .isEqualTo("FULL_TRANSITIVE");
    }

    @Test
    void givenNoRegistryListening_whenEnforced_thenTheErrorNamesTheSubjectAndTheRegistry(DevStack stack) {
        PipelineConfig config = config(stack, "schema.registry.retries", "0").toBuilder()
                .schemaRegistryUrl("http://127.0.0.1:1").build();

        assertThatThrownBy(() -> PublicSubjects.enforce(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FULL_TRANSITIVE")
                .hasMessageContaining(config.topicName("published") + "-value")
                .hasMessageContaining("127.0.0.1:1");
    }

    private static PublishedArticle article() {
        Instant at = Instant.ofEpochMilli(1_767_225_600_000L);
        return PublishedArticle.newBuilder().setArticleId("s-1").setRevision(1).setPublishedAt(at)
                .setContentFingerprint("f").setReceivedAt(at).setText("Tỉnh ủy Nghệ An").setExtractorVersion("t")
                .setEnrichedAt(at).build();
    }

    private static Schema withoutField(Schema schema, String field) {
        List<Schema.Field> kept = schema.getFields().stream().filter(f -> !f.name().equals(field))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
    }
}
