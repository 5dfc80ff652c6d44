package io.newspipe.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.KafkaTestSupport;
import io.newspipe.devstack.TestRecords;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.GenericAvroSerde;
import io.newspipe.serde.GeneratedClassTrust;
import io.newspipe.serde.SpecificAvroSerde;

/** Every published schema goes through the real broker with the serde, written specific and generic. */
@ExtendWith(DevStackExtension.class)
class SerdeRoundTripTest {

    static Stream<Arguments> everySchema() {
        return Stream.of(TestRecords.raw("rt-1"), TestRecords.enriched("rt-1"), TestRecords.published("rt-1"),
                TestRecords.awardItem("rt-1"), TestRecords.kpiItem("rt-1"), TestRecords.entityItem("rt-1"))
                .map(r -> Arguments.of(r.getSchema().getName(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySchema")
    void givenARecordWrittenSpecificAndGeneric_whenReadBackSpecificAndGeneric_thenAllFourAreTheOriginal(String name,
            SpecificRecord original, DevStack stack) throws Exception {
        String topic = KafkaTestSupport.newTopic(stack, "roundtrip-" + name);
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        GenericRecord asGeneric = toGeneric(original);

        try (SpecificAvroSerde<SpecificRecord> specific = new SpecificAvroSerde<>();
                GenericAvroSerde generic = new GenericAvroSerde()) {
            specific.configure(config, false);
            generic.configure(config, false);
            Map<String, Object> producerConfig = Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all");
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), specific.serializer())) {
                producer.send(new ProducerRecord<>(topic, "rt-1", original)).get();
            }
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), generic.serializer())) {
                producer.send(new ProducerRecord<>(topic, "rt-1", asGeneric)).get();
            }

            List<SpecificRecord> specificReads = read(stack, topic, specific.deserializer(), 2);
            List<GenericRecord> genericReads = read(stack, topic, generic.deserializer(), 2);

            assertThat(specificReads).containsExactly(original, original);
            assertThat(genericReads).hasSize(2);
            for (GenericRecord g : genericReads) {
                assertThat(g.getSchema()).isEqualTo(original.getSchema());
                assertThat(toSpecific(g)).isEqualTo(original);
            }
        }
    }

    private static <T> List<T> read(DevStack stack, String topic,
            org.apache.kafka.common.serialization.Deserializer<T> deserializer, int n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        List<T> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), deserializer)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < n && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    static GenericRecord toGeneric(SpecificRecord record) throws IOException {
        GeneratedClassTrust.install();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForSchema(record.getSchema()))
                .write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(record.getSchema(), record.getSchema(), GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    static SpecificRecord toSpecific(GenericRecord record) throws IOException {
        GeneratedClassTrust.install();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get()).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<SpecificRecord>(record.getSchema(), record.getSchema(),
                SpecificData.getForSchema(record.getSchema()))
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
