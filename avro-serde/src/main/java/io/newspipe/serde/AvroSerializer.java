package io.newspipe.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing the Confluent wire format: byte 0x00, the 4-byte big-endian schema id, Avro binary.
 * The subject follows {@code value.subject.name.strategy} / {@code key.subject.name.strategy} (Confluent's
 * TopicNameStrategy by default: {@code <topic>-value} or {@code <topic>-key}; see {@link SubjectNameStrategy}).
 *
 * <p>Which schema id is written: with {@code use.latest.version} the subject's latest schema (and the record is
 * written with it); else with {@code auto.register.schemas} (default) the record's schema, registered on first use;
 * else the record's schema looked up under the subject, failing when it is not registered.
 */
public class AvroSerializer<T> implements Serializer<T> {

    static final byte MAGIC_BYTE = 0;

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_NAME;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, SchemaMetadata> latestBySubject = new ConcurrentHashMap<>();

    static {
        GeneratedClassTrust.install();
    }

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** Uses the given client (not closed by {@link #close()}); {@link #configure} still reads the other keys. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Ready to use without {@link #configure}: auto-registers, value subjects. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> config, boolean isKey) {
        this.client = client;
        configure(config, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        if (client == null) {
            client = new RestSchemaRegistryClient(config);
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("AvroSerializer for topic '" + topic + "' is not configured: call "
                    + "configure() with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient");
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Cannot serialize a " + data.getClass().getName() + " for topic '"
                    + topic + "': only Avro records (SpecificRecord, GenericRecord) are supported");
        }
        Schema schema = container.getSchema();
        String subject;
        try {
            subject = subjectNameStrategy.subject(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot serialize record for topic '" + topic + "': " + e.getMessage(), e);
        }
        int id;
        try {
            if (useLatestVersion) {
                SchemaMetadata latest = latestBySubject.computeIfAbsent(subject, client::getLatestSchemaMetadata);
                id = latest.id();
                schema = latest.schema();
            } else if (autoRegister) {
                id = client.register(subject, schema);
            } else {
                id = client.lookup(subject, schema).id();
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException(describe(topic, subject, e, autoRegister), e);
        }
        Output out = OUTPUT.get();
        ByteSink bytes = out.bytes;
        try {
            bytes.reset(Output.KEEP);
            bytes.write(MAGIC_BYTE);
            bytes.write(id >>> 24);
            bytes.write(id >>> 16);
            bytes.write(id >>> 8);
            bytes.write(id);
            // direct: each field goes straight to the unsynchronized sink, no second buffer to copy through
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, out.encoder);
            out.encoder = encoder;
            writer(schema, data).write(data, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " as Avro for topic '" + topic
                    + "' (schema id " + id + "): " + e, e);
        }
    }

    /** The bytes of one record being written and the encoder writing them, per thread and reused. */
    private static final class Output {
        /** Buffers that grew beyond this (a very large article) are not kept for the next record. */
        private static final int KEEP = 1 << 20;
        final ByteSink bytes = new ByteSink(4096);
        BinaryEncoder encoder;
    }

    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private DatumWriter<Object> writer(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(s, GenericData.get()));
    }

    private static String describe(String topic, String subject, SchemaRegistryException e,
            boolean autoRegister) {
        if (e instanceof SchemaRegistryUnreachableException) {
            return "Cannot serialize record for topic '" + topic + "': " + e.getMessage();
        }
        String what = switch (e.errorCode()) {
            case SchemaRegistryException.INCOMPATIBLE_SCHEMA ->
                    "the schema is incompatible with the versions registered under subject '" + subject + "'";
            case SchemaRegistryException.SCHEMA_NOT_FOUND ->
                    "the schema is not registered under subject '" + subject + "' and "
                    + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false";
            case SchemaRegistryException.SUBJECT_NOT_FOUND -> "subject '" + subject + "' does not exist"
                    + (autoRegister ? "" : " and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false");
            case SchemaRegistryException.INVALID_SCHEMA -> "the registry rejected the schema as invalid";
            default -> "the Schema Registry refused subject '" + subject + "'";
        };
        return "Cannot serialize record for topic '" + topic + "': " + what + " (" + e.getMessage() + ")";
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
