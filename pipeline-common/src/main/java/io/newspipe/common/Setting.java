package io.newspipe.common;

/**
 * Every setting the services share, with its command-line flag, its environment variable and its default. The
 * flag wins over the environment variable, which wins over the default. {@link CommonOptions} declares the flags;
 * a test keeps the two in step.
 */
public enum Setting {
    BOOTSTRAP_SERVERS("--bootstrap-servers", "NEWSPIPE_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
            "Kafka bootstrap servers, host:port[,host:port...]"),
    SCHEMA_REGISTRY_URL("--schema-registry-url", "NEWSPIPE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081",
            "Schema Registry URL (Confluent REST API: newspipe's embedded registry, Confluent, Karapace, Redpanda, Apicurio ccompat)"),
    SCHEMA_REGISTRY_USER_INFO("--schema-registry-user-info", "NEWSPIPE_SCHEMA_REGISTRY_USER_INFO", null,
            "Schema Registry basic auth as user:password (sets basic.auth.credentials.source=USER_INFO)"),
    APPLICATION_ID("--application-id", "NEWSPIPE_APPLICATION_ID", null,
            "Kafka Streams application.id / consumer group of the service (default: the service's own, e.g. newspipe-enrich)"),
    INPUT_TOPICS("--input-topics", "NEWSPIPE_INPUT_TOPICS", null,
            "Comma-separated topics the service reads (default: the service's contract topics)"),
    OUTPUT_TOPIC("--output-topic", "NEWSPIPE_OUTPUT_TOPIC", null,
            "Topic the service writes (default: the service's contract topic)"),
    ERROR_TOPIC("--error-topic", "NEWSPIPE_ERROR_TOPIC", TopicNames.DEAD_LETTERS,
            "Dead-letter topic: records that could not be processed, original bytes plus error headers"),
    STATE_DIR("--state-dir", "NEWSPIPE_STATE_DIR", "${java.io.tmpdir}/newspipe-streams",
            "Kafka Streams state directory"),
    TOPIC_PARTITIONS("--topic-partitions", "NEWSPIPE_TOPIC_PARTITIONS", "3",
            "Partitions of topics the service creates when they are missing"),
    TOPIC_REPLICATION_FACTOR("--topic-replication-factor", "NEWSPIPE_TOPIC_REPLICATION_FACTOR", "1",
            "Replication factor of created topics and of Kafka Streams internal topics (3 on a production cluster)"),
    TOPIC_MIN_INSYNC_REPLICAS("--topic-min-insync-replicas", "NEWSPIPE_TOPIC_MIN_INSYNC_REPLICAS", null,
            "min.insync.replicas of created and internal topics (default: 2 from a replication factor of 3 on, else 1)"),
    TOPIC_NAMES("--topic-name", "NEWSPIPE_TOPIC_NAMES", null,
            "Rename a topic, LOGICAL=NAME with LOGICAL one of " + String.join(", ", TopicTable.renamableLogicalNames())
                    + " (repeatable; env: comma-separated)"),
    HTTP_PORT("--http-port", "NEWSPIPE_HTTP_PORT", null,
            "Port of the health and metrics endpoints (/health/live, /health/ready, /metrics); 0 picks a free port (default: the service's own)"),
    HTTP_BIND_ADDRESS("--http-bind-address", "NEWSPIPE_HTTP_BIND_ADDRESS", "127.0.0.1",
            "Address the HTTP endpoints bind to (0.0.0.0 in a container)"),
    VALUE_SERDE("--value-serde", "NEWSPIPE_VALUE_SERDE", "io.newspipe.serde.SpecificAvroSerde",
            "Class of the Avro value serde, e.g. io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde"),
    CONFIG("--config", "NEWSPIPE_KAFKA_*", null,
            "Extra Kafka client/Streams/serde property KEY=VALUE (repeatable); env NEWSPIPE_KAFKA_SECURITY_PROTOCOL=SSL sets security.protocol");

    private final String flag;
    private final String environmentVariable;
    private final String defaultValue;
    private final String description;

    Setting(String flag, String environmentVariable, String defaultValue, String description) {
        this.flag = flag;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    /** The environment variable; for {@link #CONFIG} a prefix pattern ending in {@code *}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The default as documented, or null when there is none or the service supplies it. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
