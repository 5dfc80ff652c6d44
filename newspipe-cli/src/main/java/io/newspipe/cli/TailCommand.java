package io.newspipe.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newspipe.serde.AvroDeserializer;
import io.newspipe.serde.AvroSerdeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe tail TOPIC}: records of any topic, decoded. Avro values (Confluent wire format) are decoded through
 * the Schema Registry in their writer schema; anything else (dead letters) is shown as UTF-8 text, or base64 when it
 * is not text. Keys are UTF-8; headers are shown when present.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the records of a topic, decoded.",
            "Avro values are decoded through the Schema Registry; other values (the dead letters on news.dlq.v1)",
            "are shown as UTF-8 or base64, with their headers.",
            "--from-beginning without --max stops at the end of the topic; otherwise it follows new records until",
            "Ctrl-C, --max records, or --timeout seconds without a new record.",
            "JSON output: one object per line {topic, partition, offset, timestamp, key, headers?, value}.",
            "Avro timestamp-millis fields are shown as ISO-8601 instants (2024-05-01T10:00:00Z)."})
final class TailCommand implements Callable<Integer> {

    enum Format { json, table }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. news.published.v1, news.dlq.v1")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record (default: only new records).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Integer max;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
            description = "json (one object per line) or table. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop after this many seconds without a new record (default: no limit).")
    Integer timeoutSeconds;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:NEWSPIPE_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka. Env: NEWSPIPE_BOOTSTRAP_SERVERS. Default: 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            defaultValue = "${env:NEWSPIPE_SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081}",
            description = "Schema Registry. Env: NEWSPIPE_SCHEMA_REGISTRY_URL. Default: http://127.0.0.1:8081.")
    String schemaRegistryUrl;

    private volatile boolean stopped;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (max != null && max <= 0) {
            err.println("newspipe tail: --max must be at least 1");
            return 2;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted transactions are not records
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        Map<String, Object> serde = new HashMap<>();
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopped = true;
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                // exiting anyway
            }
        }, "tail-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                AvroDeserializer<Object> avro = new AvroDeserializer<>()) {
            avro.configure(serde, false);
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                err.println("newspipe tail: topic '" + topic + "' does not exist on " + bootstrapServers
                        + " ('./newspipe topics' lists them)");
                return 1;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> stopAt = null;
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
                if (max == null) {
                    stopAt = consumer.endOffsets(partitions);
                }
            } else {
                consumer.seekToEnd(partitions);
            }
            if (format == Format.table) {
                out.printf(Locale.ROOT, "%-4s %-8s %-24s %-28s %s%n", "PART", "OFFSET", "TIMESTAMP", "KEY", "VALUE");
            }
            int shown = 0;
            long lastRecord = System.nanoTime();
            while (!stopped) {
                if (stopAt != null && reached(consumer, stopAt)) {
                    break;
                }
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    print(out, r, decode(avro, r));
                    lastRecord = System.nanoTime();
                    if (max != null && ++shown >= max) {
                        out.flush();
                        return 0;
                    }
                }
                out.flush();
                if (timeoutSeconds != null && System.nanoTime() - lastRecord > timeoutSeconds * 1_000_000_000L) {
                    break;
                }
            }
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
            out.flush();
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> stopAt) {
        for (var e : stopAt.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The value as JSON: Avro JSON of the record, or a string (UTF-8 text or base64) for other bytes. */
    static DecodedValue decode(AvroDeserializer<Object> avro, ConsumerRecord<byte[], byte[]> r) {
        byte[] v = r.value();
        if (v == null) {
            return new DecodedValue(JSON.nullNode(), null);
        }
        if (v.length > 5 && v[0] == 0) {
            try {
                Object decoded = avro.deserialize(r.topic(), v);
                String avroJson = decoded instanceof GenericRecord g ? GenericData.get().toString(g)
                        : GenericData.get().toString(decoded);
                JsonNode json = JSON.readTree(avroJson);
                if (decoded instanceof GenericRecord g) {
                    json = withInstants(g.getSchema(), g, json);
                }
                return new DecodedValue(json, null);
            } catch (RuntimeException | JsonProcessingException e) {
                // not Avro after all (or its schema is gone): show the bytes
            }
        }
        String text = utf8(v);
        return text != null ? new DecodedValue(JSON.getNodeFactory().textNode(text), "utf8")
                : new DecodedValue(JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(v)), "base64");
    }

    record DecodedValue(JsonNode value, String encoding) {
    }

    /**
     * Replaces the epoch numbers of {@code timestamp-millis} longs in Avro's JSON of {@code datum} with ISO-8601
     * instants: the generic reader has no logical-type conversions, so Avro prints them as plain longs. Walks the
     * schema, the datum (to pick union branches) and the JSON together; anything else is left as Avro printed it.
     */
    static JsonNode withInstants(Schema schema, Object datum, JsonNode json) {
        if (json == null || datum == null) {
            return json;
        }
        switch (schema.getType()) {
            case LONG:
                return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis && datum instanceof Long millis
                        ? JSON.getNodeFactory().textNode(Instant.ofEpochMilli(millis).toString()) : json;
            case UNION:
                return withInstants(schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)), datum, json);
            case RECORD:
                if (datum instanceof IndexedRecord rec && json instanceof ObjectNode obj) {
                    for (Schema.Field f : schema.getFields()) {
                        JsonNode child = obj.get(f.name());
                        if (child != null) {
                            obj.set(f.name(), withInstants(f.schema(), rec.get(f.pos()), child));
                        }
                    }
                }
                return json;
            case ARRAY:
                if (datum instanceof Collection<?> items && json instanceof ArrayNode arr && items.size() == arr.size()) {
                    int i = 0;
                    for (Object item : items) {
                        arr.set(i, withInstants(schema.getElementType(), item, arr.get(i)));
                        i++;
                    }
                }
                return json;
            case MAP:
                if (datum instanceof Map<?, ?> entries && json instanceof ObjectNode obj) {
                    for (Map.Entry<?, ?> e : entries.entrySet()) {
                        String key = String.valueOf(e.getKey());
                        JsonNode child = obj.get(key);
                        if (child != null) {
                            obj.set(key, withInstants(schema.getValueType(), e.getValue(), child));
                        }
                    }
                }
                return json;
            default:
                return json;
        }
    }

    private void print(PrintWriter out, ConsumerRecord<byte[], byte[]> r, DecodedValue value) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        ObjectNode headers = null;
        if (r.headers().toArray().length > 0) {
            headers = JSON.createObjectNode();
            for (Header h : r.headers()) {
                String text = h.value() == null ? null : utf8(h.value());
                headers.put(h.key(), text != null || h.value() == null ? text
                        : "base64:" + Base64.getEncoder().encodeToString(h.value()));
            }
        }
        String timestamp = Instant.ofEpochMilli(r.timestamp()).toString();
        if (format == Format.table) {
            String v = value.value().isTextual() ? value.value().asText() : value.value().toString();
            v = v.replace('\n', ' ');
            if (headers != null) {
                v = v + "  headers=" + headers;
            }
            out.printf(Locale.ROOT, "%-4d %-8d %-24s %-28s %s%n", r.partition(), r.offset(), timestamp,
                    truncate(key == null ? "null" : key, 28), truncate(v, 160));
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", r.topic());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("timestamp", timestamp);
        line.put("key", key);
        if (headers != null) {
            line.set("headers", headers);
        }
        if (value.encoding() != null) {
            line.put("valueEncoding", value.encoding());
        }
        line.set("value", value.value());
        out.println(line.toString());
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** The bytes as text when they are valid UTF-8 without control characters other than whitespace, else null. */
    static String utf8(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return null;
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
