package io.newspipe.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format. The writer schema is fetched from the registry by the id in
 * the payload and resolved to the reader schema, so records written with an older schema stay readable:
 * <ul>
 * <li>an explicit reader schema/class when one was given (as {@link SpecificAvroSerde} with a class does);</li>
 * <li>with {@code specific.avro.reader=true}: the generated class named like the writer schema;</li>
 * <li>otherwise a GenericRecord in the writer's own schema.</li>
 * </ul>
 * DatumReaders are cached per (writer id, reader schema).
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean specificReader;
    private final Schema fixedReaderSchema;
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    private record ReaderKey(int writerId, Schema readerSchema) {
    }

    static {
        GeneratedClassTrust.install();
    }

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroDeserializer() {
        this.fixedReaderSchema = null;
    }

    /** Uses the given client (not closed by {@link #close()}); {@link #configure} still reads the other keys. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, (Schema) null);
    }

    /**
     * Reads every record into the given reader schema. When the schema belongs to a generated class the result
     * is that SpecificRecord class, else a GenericRecord.
     */
    public AvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this.client = client;
        this.fixedReaderSchema = readerSchema;
        this.specificReader = readerSchema != null && SpecificData.get().getClass(readerSchema) != null;
    }

    /** Reads every record into the given generated class. */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> specificClass) {
        this(client, SpecificData.get().getSchema(specificClass));
        this.specificReader = true;
    }

    /** Ready to use without {@link #configure}. */
    public AvroDeserializer(SchemaRegistryClient client, Map<String, ?> config, boolean isKey) {
        this(client);
        configure(config, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        if (fixedReaderSchema == null) {
            this.specificReader = config.specificAvroReader();
        }
        if (client == null) {
            client = new RestSchemaRegistryClient(config);
            ownsClient = true;
        }
    }

    /** Forces SpecificRecord reading (what {@link SpecificAvroSerde} does regardless of configuration). */
    void forceSpecificReader() {
        this.specificReader = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("AvroDeserializer for topic '" + topic + "' is not configured: call "
                    + "configure() with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient");
        }
        if (bytes.length < 5) {
            throw new SerializationException("Truncated Avro payload on topic '" + topic + "': " + bytes.length
                    + " byte(s), shorter than the 5-byte Confluent header (magic byte + schema id)");
        }
        if (bytes[0] != AvroSerializer.MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x on topic '%s': expected 0x00"
                    + " (Confluent wire format); the record was not written by a Confluent-compatible Avro serializer",
                    bytes[0] & 0xff, topic));
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer;
        try {
            writer = client.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new SerializationException("Unknown schema id " + id + " on topic '" + topic
                        + "': the Schema Registry at " + String.join(",", client.urls()) + " has no schema with it",
                        e);
            }
            throw new SerializationException("Cannot fetch schema id " + id + " for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
        Schema reader = readerSchema(writer, topic);
        DatumReader<Object> datumReader = readers.computeIfAbsent(new ReaderKey(id, reader),
                k -> specificReader
                        ? new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader))
                        : new GenericDatumReader<>(writer, reader, GenericData.get()));
        // bounded: a length in the data may not exceed the bytes left (a 20-byte record claiming a 2 GiB string)
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, 5, bytes.length - 5);
        try {
            return (T) datumReader.read(null, decoder);
        } catch (AvroDecodingLimitException e) {
            throw new AvroDecodingLimitException("Truncated or corrupt Avro payload on topic '" + topic
                    + "' with schema id " + id + " (" + writer.getFullName() + "), " + bytes.length + " bytes: "
                    + e.getMessage());
        } catch (EOFException | IndexOutOfBoundsException e) {
            throw new SerializationException("Truncated Avro payload on topic '" + topic + "': " + bytes.length
                    + " bytes end before the record of schema id " + id + " (" + writer.getFullName()
                    + ") is complete", e);
        } catch (IOException | AvroRuntimeException | ClassCastException e) {
            throw new SerializationException("Cannot decode Avro payload on topic '" + topic + "' with schema id "
                    + id + " (" + writer.getFullName() + ") into " + reader.getFullName() + ": " + e, e);
        }
    }

    private Schema readerSchema(Schema writer, String topic) {
        if (fixedReaderSchema != null) {
            return fixedReaderSchema;
        }
        if (!specificReader || writer.getType() != Schema.Type.RECORD) {
            return writer;
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException("No generated class " + writer.getFullName() + " on the classpath to "
                    + "read topic '" + topic + "' with " + AvroSerdeConfig.SPECIFIC_AVRO_READER + "=true");
        }
        return SpecificData.get().getSchema(type);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
