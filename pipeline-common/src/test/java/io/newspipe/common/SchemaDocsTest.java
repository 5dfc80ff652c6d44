package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.serde.AvroSerializer;
import io.newspipe.serde.RestSchemaRegistryClient;

/** docs/schemas holds, for every Avro topic, the one self-contained schema the registry holds for it. */
@ExtendWith(DevStackExtension.class)
class SchemaDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "schemas");

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void givenTheDocsDirectory_whenListed_thenItHoldsExactlyOneCurrentFilePerAvroTopic() throws IOException {
        Map<String, String> expected = SchemaDocs.files();
        List<String> present;
        try (Stream<Path> files = Files.list(DOCS)) {
            present = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        assertThat(present).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(Files.readString(DOCS.resolve(file.getKey()), StandardCharsets.UTF_8))
                    .as("%s is stale: run ./mvnw -pl pipeline-common -am process-classes", file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(expected).containsKeys("news.published.v1-value.avsc", "news.awards.v1-value.avsc");
    }

    @Test
    void givenEachSchemaFile_whenParsedAlone_thenItNeedsNoOtherFile() throws IOException {
        for (String name : SchemaDocs.files().keySet()) {
            // a fresh parser knows no named types: every reference must be defined inside the file
            Schema schema = parse(DOCS.resolve(name));

            assertThat(schema.getType()).as(name).isEqualTo(Schema.Type.RECORD);
        }
    }

    @Test
    void givenARecordOfEachTopicSerializedThroughTheRegistry_whenTheSubjectIsRead_thenItIsTheSchemaFile(
            DevStack stack) throws IOException {
        PipelineConfig defaults = PipelineConfig.builder().build();
        String run = "docs-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        List<String> compared = new ArrayList<>();
        try (Serializer<Object> serializer = new AvroSerializer<>(client,
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false)) {
            for (Map.Entry<String, Schema> topic : new TopicCatalog(defaults).valueSchemas().entrySet()) {
                String renamed = run + topic.getKey();
                serializer.serialize(renamed, sample(topic.getValue()));

                Schema registered = client.getLatestSchemaMetadata(renamed + "-value").schema();
                Schema documented = parse(DOCS.resolve(SchemaDocs.fileName(topic.getKey())));

                assertThat(documented).as(topic.getKey()).isEqualTo(registered);
                assertThat(documented.toString()).as(topic.getKey()).isEqualTo(registered.toString());
                compared.add(topic.getKey());
            }
        }
        assertThat(compared).hasSize(SchemaDocs.files().size());
    }

    /** A record of the schema with every field set (first union branch, empty arrays, first enum symbol). */
    private static GenericRecord sample(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        schema.getFields().forEach(f -> record.put(f.pos(), value(f.schema())));
        return record;
    }

    private static Object value(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> sample(schema);
            case UNION -> value(schema.getTypes().get(0));
            case ARRAY -> new GenericData.Array<>(0, schema);
            case MAP -> Map.of();
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case STRING -> "x";
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case FLOAT -> 0.0f;
            case BOOLEAN -> false;
            case NULL -> null;
            default -> throw new IllegalArgumentException("no sample for " + schema);
        };
    }
}
