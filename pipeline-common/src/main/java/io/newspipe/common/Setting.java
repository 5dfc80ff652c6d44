package io.newspipe.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every setting the services share, declared once: its flag, environment variable, value label, default and help.
 * The flag wins over the environment variable, which wins over the default. {@link SettingOptions} turns these rows
 * into the command-line options of every service and operator command (and their help), {@link PipelineConfig}
 * resolves them, and the build writes the README's settings table from them ({@link SettingDocs}).
 */
public enum Setting {
    BOOTSTRAP_SERVERS("--bootstrap-servers", "NEWSPIPE_BOOTSTRAP_SERVERS", "HOST:PORT[,...]", "127.0.0.1:9092", null,
            "Kafka bootstrap servers, host:port[,host:port...]"),
    SCHEMA_REGISTRY_URL("--schema-registry-url", "NEWSPIPE_SCHEMA_REGISTRY_URL", "URL", "http://127.0.0.1:8081", null,
            "Schema Registry URL (Confluent REST API: newspipe's embedded registry, Confluent, Karapace, Redpanda, "
                    + "Apicurio ccompat)"),
    SCHEMA_REGISTRY_USER_INFO("--schema-registry-user-info", "NEWSPIPE_SCHEMA_REGISTRY_USER_INFO", "USER:PASSWORD",
            null, null, "Schema Registry basic auth as user:password (sets basic.auth.credentials.source=USER_INFO)"),
    APPLICATION_ID("--application-id", "NEWSPIPE_APPLICATION_ID", "ID", null,
            "the service's own, e.g. newspipe-enrich",
            "Kafka Streams application.id / consumer group of the service"),
    STATE_DIR("--state-dir", "NEWSPIPE_STATE_DIR", "DIR", "${java.io.tmpdir}/newspipe-streams", null,
            "Kafka Streams state directory (enrich's and publish's stores, ingest's copy of the article index); "
                    + "one per instance"),
    TOPIC_PARTITIONS("--topic-partitions", "NEWSPIPE_TOPIC_PARTITIONS", "N", "3", null,
            "Partitions of topics the service creates when they are missing"),
    TOPIC_REPLICATION_FACTOR("--topic-replication-factor", "NEWSPIPE_TOPIC_REPLICATION_FACTOR", "N", "1", null,
            "Replication factor of created topics and of Kafka Streams internal topics (3 on a production cluster)"),
    TOPIC_MIN_INSYNC_REPLICAS("--topic-min-insync-replicas", "NEWSPIPE_TOPIC_MIN_INSYNC_REPLICAS", "N", null,
            "2 from a replication factor of 3 on, else 1",
            "min.insync.replicas of created and internal topics"),
    TOPIC_NAMES("--topic-name", "NEWSPIPE_TOPIC_NAMES", "LOGICAL=NAME", null, "news.<logical>.v1",
            "Rename a topic, LOGICAL one of " + String.join(", ", TopicTable.renamableLogicalNames())
                    + " (repeatable; env: comma-separated). The one way to rename a topic, e.g. the dead letters' "
                    + "with dlq=NAME"),
    HTTP_PORT("--http-port", "NEWSPIPE_HTTP_PORT", "PORT", null, "the service's own",
            "Port of the health and metrics endpoints (/health/live, /health/ready, /metrics); 0 picks a free port"),
    HTTP_BIND_ADDRESS("--http-bind-address", "NEWSPIPE_HTTP_BIND_ADDRESS", "ADDRESS", "127.0.0.1", null,
            "Address the HTTP endpoints bind to (0.0.0.0 in a container)"),
    VALUE_SERDE("--value-serde", "NEWSPIPE_VALUE_SERDE", "CLASS", "io.newspipe.serde.SpecificAvroSerde", null,
            "Class of the Avro value serde, e.g. io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde"),
    CONFIG("--config", "NEWSPIPE_KAFKA_*", "KEY=VALUE", null, null,
            "Extra Kafka client/Streams/serde property (repeatable); env NEWSPIPE_KAFKA_SECURITY_PROTOCOL=SSL sets "
                    + "security.protocol");

    /**
     * Settings that no longer exist, with what replaces them: given as a flag or an environment variable they are an
     * error that says so, never silently ignored (a renamed topic that is not renamed would read or write the wrong
     * topic).
     */
    public enum Removed {
        INPUT_TOPICS("--input-topics", "NEWSPIPE_INPUT_TOPICS",
                "--topic-name raw=NAME and --topic-name replay=NAME (enrich), --topic-name enriched=NAME (publish)"),
        OUTPUT_TOPIC("--output-topic", "NEWSPIPE_OUTPUT_TOPIC",
                "--topic-name enriched=NAME (enrich), --topic-name published=NAME (publish)"),
        ERROR_TOPIC("--error-topic", "NEWSPIPE_ERROR_TOPIC", "--topic-name dlq=NAME");

        private final String flag;
        private final String environmentVariable;
        private final String replacement;

        Removed(String flag, String environmentVariable, String replacement) {
            this.flag = flag;
            this.environmentVariable = environmentVariable;
            this.replacement = replacement;
        }

        public String flag() {
            return flag;
        }

        public String environmentVariable() {
            return environmentVariable;
        }

        /** The error for a use of it. */
        public String message(boolean asFlag) {
            return (asFlag ? flag : environmentVariable) + " was removed: topics are renamed one way, with "
                    + replacement + (asFlag ? "" : " (env " + TOPIC_NAMES.environmentVariable() + ")");
        }

        /** The first removed setting the environment sets, if any. */
        public static Optional<Removed> inEnvironment(java.util.Map<String, String> env) {
            return Arrays.stream(values()).filter(r -> env.get(r.environmentVariable) != null).findFirst();
        }
    }

    private final String flag;
    private final String environmentVariable;
    private final String paramLabel;
    private final String defaultValue;
    private final String defaultDescription;
    private final String description;

    Setting(String flag, String environmentVariable, String paramLabel, String defaultValue,
            String defaultDescription, String description) {
        this.flag = flag;
        this.environmentVariable = environmentVariable;
        this.paramLabel = paramLabel;
        this.defaultValue = defaultValue;
        this.defaultDescription = defaultDescription;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    /** The environment variable; for {@link #CONFIG} a prefix pattern ending in {@code *}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The value's label in help, e.g. {@code HOST:PORT[,...]}. */
    public String paramLabel() {
        return paramLabel;
    }

    /** The default as documented, or null when there is none or the service supplies it. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default in words: the value, what supplies it, or "none". */
    public String defaultText() {
        return defaultValue != null ? defaultValue : defaultDescription != null ? defaultDescription : "none";
    }

    public String description() {
        return description;
    }

    /** A repeatable KEY=VALUE setting (a map), not a single value. */
    public boolean isMap() {
        return this == TOPIC_NAMES || this == CONFIG;
    }

    /** The option's help: what it is, its environment variable, its default. */
    public String help() {
        return description + ". Env: " + environmentVariable + ". Default: " + defaultText() + ".";
    }

    /** Every environment variable read by exact name (the {@code NEWSPIPE_KAFKA_*} family aside). */
    public static List<String> exactEnvironmentVariables() {
        return Arrays.stream(values()).filter(s -> s != CONFIG).map(Setting::environmentVariable).toList();
    }
}
