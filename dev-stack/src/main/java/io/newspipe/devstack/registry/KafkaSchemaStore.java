package io.newspipe.devstack.registry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Durable registry storage in a single-partition compacted Kafka topic, as Confluent's KafkaStore does: every
 * instance tails the topic into a {@link RegistryState}; a write is produced to the topic and only answered once this
 * instance has read it back, so what a client was told is what every instance will see. Keys and values are JSON in
 * Confluent's layout ({@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}).
 */
final class KafkaSchemaStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final RegistryState state;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long nextOffset; // guarded by progress: next offset the reader will apply
    private volatile RuntimeException readerFailure;
    private volatile boolean closing;

    KafkaSchemaStore(String bootstrapServers, String topic, short replicationFactor, Duration timeout,
            RegistryState state) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.state = state;
        createTopicIfMissing(bootstrapServers, replicationFactor);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeout.toMillis(), 1000)));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeout.toMillis() - 1, 999)));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader");
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));

        this.reader = new Thread(this::readLoop, "schema-registry-store-reader");
        reader.setDaemon(true);
        reader.start();
        // Read everything written so far before answering anyone.
        barrier();
    }

    /** Registers a schema record and waits until it is applied locally; false when an earlier record won. */
    boolean writeSchema(String subject, int version, int id, Schema schema) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1);
        ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schema.toString()).put("deleted", false);
        writeAndAwait(key, value);
        RegistryState.Registered stored = state.version(subject, version);
        return stored != null && stored.id() == id;
    }

    void writeConfig(String subject, CompatibilityLevel level) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        writeAndAwait(key, JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    /** Waits until everything written to the topic before this call has been applied locally. */
    void barrier() {
        writeAndAwait(JSON.createObjectNode().put("keytype", "NOOP").put("magic", 0), null);
    }

    private void writeAndAwait(ObjectNode key, ObjectNode value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, 0, bytes(key), value == null ? null : bytes(value)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryError(500, RegistryError.STORE_ERROR, "Interrupted while writing to " + topic);
        } catch (ExecutionException e) {
            throw new RegistryError(500, RegistryError.STORE_ERROR, "Error while writing to the Kafka store topic "
                    + topic + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryError(500, RegistryError.OPERATION_TIMED_OUT, "Write to the Kafka store topic " + topic
                    + " timed out after " + timeout.toMillis() + " ms");
        }
        awaitApplied(offset);
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (nextOffset <= offset) {
                if (readerFailure != null) {
                    throw new RegistryError(500, RegistryError.STORE_ERROR, "Kafka store reader failed: "
                            + readerFailure.getMessage());
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new RegistryError(500, RegistryError.OPERATION_TIMED_OUT, "Did not read back offset "
                            + offset + " of " + topic + " within " + timeout.toMillis() + " ms");
                }
                try {
                    progress.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryError(500, RegistryError.STORE_ERROR, "Interrupted while reading " + topic);
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (!closing) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    nextOffset = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            if (!closing) {
                log.error("Schema Registry store reader on {} failed", topic, e);
                readerFailure = e;
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            JsonNode key = JSON.readTree(record.key());
            String type = key.path("keytype").asText();
            JsonNode value = record.value() == null ? null : JSON.readTree(record.value());
            switch (type) {
                case "SCHEMA" -> {
                    if (value == null || value.path("deleted").asBoolean(false)) {
                        return;
                    }
                    Schema schema = new Schema.Parser().parse(value.path("schema").asText());
                    boolean applied = state.applySchema(value.path("subject").asText(), value.path("version").asInt(),
                            value.path("id").asInt(), schema);
                    if (!applied) {
                        log.debug("Ignored conflicting schema record at offset {}: {}", record.offset(), value);
                    }
                }
                case "CONFIG" -> {
                    String subject = key.path("subject").isNull() || key.path("subject").isMissingNode() ? null
                            : key.path("subject").asText();
                    state.applyConfig(subject, value == null ? null
                            : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
                }
                default -> {
                    // NOOP barriers and record types this registry does not use.
                }
            }
        } catch (Exception e) {
            // One bad record must not stop the registry: skip it, loudly.
            log.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), topic, e.toString());
        }
    }

    private void createTopicIfMissing(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000)))) {
            Set<String> names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (names.contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of("cleanup.policy", "compact",
                            // with three copies, a write needs two: one node may be down, none lost
                            "min.insync.replicas", replicationFactor >= 3 ? "2" : "1"));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Schema Registry store topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the Schema Registry store topic " + topic + " on "
                    + bootstrapServers + ": " + e, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
