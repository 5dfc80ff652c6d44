package io.newspipe.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
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
import io.newspipe.serde.SchemaRegistryException;

/** Serde behaviour that needs a registry: wire format, error cases, caching, schema evolution. */
@ExtendWith(DevStackExtension.class)
class SerdeAgainstRegistryTest {

    private static String topic() {
        return "serde-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> config(DevStack stack, Object... more) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                stack.schemaRegistryUrl()));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void givenARecord_whenSerialized_thenTheConfluentHeaderCarriesTheRegisteredIdUnderTheTopicValueSubject(
            DevStack stack) {
        String topic = topic();
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), false);

        byte[] bytes = serializer.serialize(topic, TestRecords.raw("w-1"));

        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        int id = client.getLatestSchemaMetadata(topic + "-value").id();
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(client.getSchemaById(id)).isEqualTo(RawArticle.getClassSchema());
    }

    @Test
    void givenAKeySerializer_whenSerialized_thenTheSubjectIsTopicKey(DevStack stack) {
        String topic = topic();
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), true);

        serializer.serialize(topic, TestRecords.raw("k-1"));

        assertThat(new RestSchemaRegistryClient(stack.schemaRegistryUrl()).getAllSubjects()).contains(topic + "-key")
                .doesNotContain(topic + "-value");
    }

    @Test
    void givenAnIdTheRegistryDoesNotKnow_whenDeserialized_thenTheErrorNamesTheIdAndTopic(DevStack stack) {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(config(stack), false);
        byte[] payload = ByteBuffer.allocate(7).put((byte) 0).putInt(424242).put((byte) 2).put((byte) 0).array();

        assertThatThrownBy(() -> deserializer.deserialize("news.raw.v1", payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 424242")
                .hasMessageContaining("news.raw.v1");
    }

    @Test
    void givenAPayloadCutShort_whenDeserialized_thenTheErrorSaysTruncatedAndNamesTheSchema(DevStack stack) {
        String topic = topic();
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), false);
        byte[] whole = serializer.serialize(topic, TestRecords.raw("t-1"));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(config(stack, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        assertThatThrownBy(() -> deserializer.deserialize(topic, cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated")
                .hasMessageContaining(topic)
                .hasMessageContaining("RawArticle");
    }

    @Test
    void givenAWarmSerdePair_whenMoreRecordsGoThrough_thenTheRegistryIsNotAskedAgain(DevStack stack) {
        String topic = topic();
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), false);
        AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>();
        deserializer.configure(config(stack, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        RawArticle first = deserializer.deserialize(topic, serializer.serialize(topic, TestRecords.raw("c-1")));
        long requestsAfterFirst = stack.registry().requestCount();

        for (int i = 2; i <= 20; i++) {
            RawArticle read = deserializer.deserialize(topic, serializer.serialize(topic, TestRecords.raw("c-" + i)));
            assertThat(read.getArticleId()).isEqualTo("c-" + i);
        }

        assertThat(first).isEqualTo(TestRecords.raw("c-1"));
        assertThat(stack.registry().requestCount()).isEqualTo(requestsAfterFirst);
    }

    @Test
    void givenAnIncompatibleNewSchema_whenSerialized_thenTheErrorSaysIncompatibleAndCarriesCode409(DevStack stack) {
        String topic = topic();
        Schema v1 = SchemaBuilder.record("Evolving").namespace("test.serde").fields()
                .requiredString("id").endRecord();
        Schema incompatible = SchemaBuilder.record("Evolving").namespace("test.serde").fields()
                .requiredString("id").requiredInt("count").endRecord();
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), false);
        serializer.serialize(topic, new GenericData.Record(v1) {
            {
                put("id", "x");
            }
        });
        GenericData.Record bad = new GenericData.Record(incompatible);
        bad.put("id", "y");
        bad.put("count", 1);

        assertThatThrownBy(() -> serializer.serialize(topic, bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("incompatible")
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
    }

    @Test
    void givenAutoRegisterOff_whenTheSchemaIsNotRegistered_thenTheErrorSaysSo(DevStack stack) {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(config(stack, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        String topic = topic();

        assertThatThrownBy(() -> serializer.serialize(topic, TestRecords.raw("n-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void givenRecordsWrittenWithAnOldSchema_whenReadWithANewerReaderSchema_thenTheAddedFieldTakesItsDefault(
            DevStack stack) {
        String topic = topic();
        Schema v1 = SchemaBuilder.record("Article").namespace("test.evolution").fields()
                .requiredString("id").endRecord();
        Schema v2 = SchemaBuilder.record("Article").namespace("test.evolution").fields()
                .requiredString("id").name("language").type().stringType().stringDefault("vi").endRecord();
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(config(stack), false);
        GenericData.Record old = new GenericData.Record(v1);
        old.put("id", "old-1");
        byte[] oldBytes = serializer.serialize(topic, old);
        GenericData.Record current = new GenericData.Record(v2);
        current.put("id", "new-1");
        current.put("language", "en");
        byte[] newBytes = serializer.serialize(topic, current);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());

        AvroDeserializer<GenericRecord> reader = new AvroDeserializer<>(client, v2);
        GenericRecord oldRead = reader.deserialize(topic, oldBytes);
        GenericRecord newRead = reader.deserialize(topic, newBytes);

        assertThat(client.getLatestSchemaMetadata(topic + "-value").version()).isEqualTo(2);
        assertThat(oldRead.getSchema()).isEqualTo(v2);
        assertThat(oldRead.get("id").toString()).isEqualTo("old-1");
        assertThat(oldRead.get("language").toString()).isEqualTo("vi");
        assertThat(newRead.get("language").toString()).isEqualTo("en");
    }

    @Test
    void givenUseLatestVersion_whenSerializing_thenTheLatestRegisteredIdIsWritten(DevStack stack) {
        String topic = topic();
        AvroSerializer<RawArticle> registering = new AvroSerializer<>();
        registering.configure(config(stack), false);
        byte[] registered = registering.serialize(topic, TestRecords.raw("l-1"));
        AvroSerializer<RawArticle> latest = new AvroSerializer<>();
        latest.configure(config(stack, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        byte[] bytes = latest.serialize(topic, TestRecords.raw("l-2"));

        assertThat(Arrays.copyOf(bytes, 5)).isEqualTo(Arrays.copyOf(registered, 5));
    }
}
