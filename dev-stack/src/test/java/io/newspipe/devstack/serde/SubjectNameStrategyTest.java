package io.newspipe.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.TestRecords;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.AvroDeserializer;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.AvroSerializer;
import io.newspipe.serde.RestSchemaRegistryClient;

/** Each of Confluent's subject-name strategies, configured by its Confluent key, against the real registry. */
@ExtendWith(DevStackExtension.class)
class SubjectNameStrategyTest {

    /** Serializes a RawArticle with the strategy, reads it back, and returns the registry's subjects. */
    private static java.util.List<String> roundTrip(DevStack stack, String topic, String strategy) {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        try (AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
                AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            RawArticle article = TestRecords.raw("strategy-1");

            assertThat(deserializer.deserialize(topic, serializer.serialize(topic, article))).isEqualTo(article);
        }
        return new RestSchemaRegistryClient(stack.schemaRegistryUrl()).getAllSubjects();
    }

    private static String topic() {
        return "strategy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void givenTopicNameStrategyByConfluentClassName_whenSerialized_thenTheSubjectIsTopicValue(DevStack stack) {
        String topic = topic();

        assertThat(roundTrip(stack, topic, "io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .contains(topic + "-value");
    }

    @Test
    void givenRecordNameStrategy_whenSerializedToTwoTopics_thenBothUseTheOneRecordSubject(DevStack stack) {
        String first = topic();
        String second = topic();
        roundTrip(stack, first, "io.confluent.kafka.serializers.subject.RecordNameStrategy");

        assertThat(roundTrip(stack, second, "RecordNameStrategy"))
                .contains("io.newspipe.schemas.RawArticle")
                .doesNotContain(first + "-value", second + "-value");
    }

    @Test
    void givenTopicRecordNameStrategy_whenSerialized_thenTheSubjectIsTopicDashRecordName(DevStack stack) {
        String topic = topic();

        assertThat(roundTrip(stack, topic, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
                .contains(topic + "-io.newspipe.schemas.RawArticle")
                .doesNotContain(topic + "-value");
    }
}
