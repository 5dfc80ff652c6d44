package io.newspipe.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The resolved configuration shared by every newspipe service: where Kafka and the Schema Registry are, how topics
 * are named and created, and the Kafka properties derived from it. Immutable; build it with {@link #builder()} or
 * resolve it from flags and environment with {@link #resolve(Map, Map, Map, Map, ServiceDefaults)} (what
 * {@link CommonOptions} does).
 */
public final class PipelineConfig {

    /** Confluent serde config keys, passed through unchanged so Confluent's serdes can be swapped in. */
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";

    /** Kafka's default {@code max.request.size}: the largest record a producer sends unless configured. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576;

    /** Prefix of environment variables that become extra Kafka properties: NEWSPIPE_KAFKA_LINGER_MS -> linger.ms. */
    public static final String KAFKA_CONFIG_ENV_PREFIX = "NEWSPIPE_KAFKA_";

    /**
     * Every environment variable the services read by exact name (the {@code NEWSPIPE_KAFKA_*} family aside, see
     * {@link #isServiceEnvironmentVariable(String)}).
     */
    public static final List<String> ENVIRONMENT_VARIABLES = Setting.exactEnvironmentVariables();

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final String schemaRegistryUserInfo;
    private final String applicationId;
    private final Path stateDir;
    private final int topicPartitions;
    private final short topicReplicationFactor;
    private final int topicMinInSyncReplicas;
    /** As set, null when derived: {@link #toBuilder()} must not freeze a derived value. */
    private final Integer topicMinInSyncReplicasSet;
    private final Map<String, String> topicNames;
    private final int httpPort;
    private final String httpBindAddress;
    private final String valueSerde;
    private final Map<String, String> extraConfig;

    private PipelineConfig(Builder b) {
        this.bootstrapServers = require(b.bootstrapServers, Setting.BOOTSTRAP_SERVERS);
        this.schemaRegistryUrl = require(b.schemaRegistryUrl, Setting.SCHEMA_REGISTRY_URL);
        this.schemaRegistryUserInfo = blankToNull(b.schemaRegistryUserInfo);
        if (schemaRegistryUserInfo != null && !schemaRegistryUserInfo.contains(":")) {
            throw new ConfigException(describe(Setting.SCHEMA_REGISTRY_USER_INFO) + " must be user:password");
        }
        this.applicationId = require(b.applicationId, Setting.APPLICATION_ID);
        this.stateDir = Objects.requireNonNull(b.stateDir, "stateDir");
        if (b.topicPartitions < 1) {
            throw new ConfigException(describe(Setting.TOPIC_PARTITIONS) + " must be at least 1, got "
                    + b.topicPartitions);
        }
        this.topicPartitions = b.topicPartitions;
        if (b.topicReplicationFactor < 1) {
            throw new ConfigException(describe(Setting.TOPIC_REPLICATION_FACTOR) + " must be at least 1, got "
                    + b.topicReplicationFactor);
        }
        this.topicReplicationFactor = b.topicReplicationFactor;
        // two of three copies in sync: a write survives one node down; one copy can only ask for itself
        this.topicMinInSyncReplicasSet = b.topicMinInSyncReplicas;
        this.topicMinInSyncReplicas = b.topicMinInSyncReplicas != null ? b.topicMinInSyncReplicas
                : topicReplicationFactor >= 3 ? 2 : 1;
        if (topicMinInSyncReplicas < 1 || topicMinInSyncReplicas > topicReplicationFactor) {
            throw new ConfigException(describe(Setting.TOPIC_MIN_INSYNC_REPLICAS) + " must be 1.."
                    + topicReplicationFactor + " (the replication factor), got " + topicMinInSyncReplicas);
        }
        for (String logical : b.topicNames.keySet()) {
            TopicNames.defaultName(logical); // rejects unknown logical names with the list of known ones
        }
        this.topicNames = Collections.unmodifiableMap(new LinkedHashMap<>(b.topicNames));
        if (b.httpPort < 0 || b.httpPort > 65535) {
            throw new ConfigException(describe(Setting.HTTP_PORT) + " must be 0..65535, got " + b.httpPort);
        }
        this.httpPort = b.httpPort;
        this.httpBindAddress = require(b.httpBindAddress, Setting.HTTP_BIND_ADDRESS);
        this.valueSerde = require(b.valueSerde, Setting.VALUE_SERDE);
        this.extraConfig = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraConfig));
    }

    // ---------------------------------------------------------------- resolution: flag > env > default

    /**
     * Resolves the configuration: a flag wins over its environment variable, which wins over the service default,
     * which wins over the common default.
     *
     * @param flags    values given on the command line (absent settings are missing or null)
     * @param env      the environment (tests pass a map; services pass {@code System.getenv()})
     * @param defaults what the service supplies
     * @param extraConfigFlags repeatable {@code --config KEY=VALUE} values, winning over {@code NEWSPIPE_KAFKA_*}
     * @param topicNameFlags   repeatable {@code --topic-name LOGICAL=NAME} values, winning over NEWSPIPE_TOPIC_NAMES
     */
    public static PipelineConfig resolve(Map<Setting, String> flags, Map<String, String> extraConfigFlags,
            Map<String, String> topicNameFlags, Map<String, String> env, ServiceDefaults defaults) {
        Setting.Removed.inEnvironment(env).ifPresent(removed -> {
            throw new ConfigException(removed.message(false));
        });
        Resolver r = new Resolver(flags, env);
        Builder b = builder()
                .bootstrapServers(r.get(Setting.BOOTSTRAP_SERVERS, null))
                .schemaRegistryUrl(r.get(Setting.SCHEMA_REGISTRY_URL, null))
                .schemaRegistryUserInfo(r.get(Setting.SCHEMA_REGISTRY_USER_INFO, null))
                .applicationId(r.get(Setting.APPLICATION_ID, defaults.applicationId()))
                .stateDir(statePath(r.get(Setting.STATE_DIR, null)))
                .topicPartitions(r.getInt(Setting.TOPIC_PARTITIONS, null))
                .topicReplicationFactor((short) r.getInt(Setting.TOPIC_REPLICATION_FACTOR, null))
                .topicMinInSyncReplicas(r.get(Setting.TOPIC_MIN_INSYNC_REPLICAS, null) == null ? null
                        : r.getInt(Setting.TOPIC_MIN_INSYNC_REPLICAS, null))
                .httpPort(r.getInt(Setting.HTTP_PORT, String.valueOf(defaults.httpPort())))
                .httpBindAddress(r.get(Setting.HTTP_BIND_ADDRESS, null))
                .valueSerde(r.get(Setting.VALUE_SERDE, null));

        Map<String, String> names = new LinkedHashMap<>();
        String namesEnv = blankToNull(env.get(Setting.TOPIC_NAMES.environmentVariable()));
        if (namesEnv != null) {
            names.putAll(parseAssignments(namesEnv, Setting.TOPIC_NAMES));
        }
        names.putAll(topicNameFlags);
        b.topicNames(names);

        Map<String, String> extra = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith(KAFKA_CONFIG_ENV_PREFIX) && key.length() > KAFKA_CONFIG_ENV_PREFIX.length()) {
                extra.put(kafkaKeyOfEnv(key), value);
            }
        });
        extra.putAll(extraConfigFlags);
        b.extraConfig(extra);
        return b.build();
    }

    /** A state directory setting, with {@code ${java.io.tmpdir}} (the documented default's) filled in. */
    private static Path statePath(String value) {
        return Path.of(value.replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir")));
    }

    /** NEWSPIPE_KAFKA_SECURITY_PROTOCOL -> security.protocol. */
    static String kafkaKeyOfEnv(String envName) {
        return envName.substring(KAFKA_CONFIG_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** True when the services read this environment variable (exact names and the NEWSPIPE_KAFKA_* family). */
    public static boolean isServiceEnvironmentVariable(String name) {
        return ENVIRONMENT_VARIABLES.contains(name)
                || (name.startsWith(KAFKA_CONFIG_ENV_PREFIX) && name.length() > KAFKA_CONFIG_ENV_PREFIX.length());
    }

    private static final class Resolver {
        private final Map<Setting, String> flags;
        private final Map<String, String> env;

        Resolver(Map<Setting, String> flags, Map<String, String> env) {
            this.flags = flags;
            this.env = env;
        }

        String get(Setting s, String serviceDefault) {
            String v = blankToNull(flags.get(s));
            if (v == null) {
                v = blankToNull(env.get(s.environmentVariable()));
            }
            if (v == null) {
                v = serviceDefault;
            }
            if (v == null) {
                v = s.defaultValue();
            }
            return v;
        }

        int getInt(Setting s, String serviceDefault) {
            String v = get(s, serviceDefault);
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new ConfigException(describe(s) + " must be a whole number, got '" + v + "'");
            }
        }
    }

    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    static Map<String, String> parseAssignments(String value, Setting setting) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : splitList(value)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(describe(setting) + ": expected KEY=VALUE, got '" + part + "'");
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    private static String describe(Setting s) {
        return s.flag() + " / " + s.environmentVariable();
    }

    private static String require(String value, Setting s) {
        String v = blankToNull(value);
        if (v == null) {
            throw new ConfigException(describe(s) + " is required");
        }
        return v.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---------------------------------------------------------------- accessors

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public Optional<String> schemaRegistryUserInfo() {
        return Optional.ofNullable(schemaRegistryUserInfo);
    }

    public String applicationId() {
        return applicationId;
    }

    /** The dead-letter topic ({@code --topic-name dlq=NAME}, else its default name). */
    public String errorTopic() {
        return topicName(TopicNames.LOGICAL_DEAD_LETTERS);
    }

    /** The configured name of a contract topic, by logical name (raw, enriched, ... dlq). */
    public String topicName(String logicalName) {
        String name = topicNames.get(logicalName);
        return name != null ? name : TopicNames.defaultName(logicalName);
    }

    public Map<String, String> topicNames() {
        return topicNames;
    }

    public Path stateDir() {
        return stateDir;
    }

    public int topicPartitions() {
        return topicPartitions;
    }

    public short topicReplicationFactor() {
        return topicReplicationFactor;
    }

    /** min.insync.replicas of created and internal topics. */
    public int topicMinInSyncReplicas() {
        return topicMinInSyncReplicas;
    }

    public int httpPort() {
        return httpPort;
    }

    public String httpBindAddress() {
        return httpBindAddress;
    }

    /** Class name of the value serde. */
    public String valueSerde() {
        return valueSerde;
    }

    /**
     * The largest record the Streams services write: the producer's {@code max.request.size}
     * ({@code --config max.request.size=N}, or {@code producer.max.request.size}), Kafka's 1 MiB by default. Outputs
     * and dead letters are kept within it, and ingest refuses articles whose enriched record could exceed it.
     */
    public int maxRecordBytes() {
        String v = extraConfig.get(org.apache.kafka.streams.StreamsConfig.PRODUCER_PREFIX
                + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (v == null) {
            v = extraConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        if (v == null) {
            return DEFAULT_MAX_RECORD_BYTES;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("max.request.size must be a whole number of bytes, got '" + v + "'");
        }
    }

    /** Extra properties from --config / NEWSPIPE_KAFKA_*, applied last to every derived property set. */
    public Map<String, String> extraConfig() {
        return extraConfig;
    }

    // ---------------------------------------------------------------- derived properties

    /** Properties for any Kafka client (Admin, consumer): bootstrap servers plus the extra config. */
    public Properties kafkaProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(extraConfig);
        return p;
    }

    /** Properties for a producer that must not lose or duplicate records: idempotent, acks=all. */
    public Properties producerProperties(String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.putAll(extraConfig);
        return p;
    }

    /** session.timeout.ms of the Streams services' group members. */
    private static final String STREAMS_SESSION_TIMEOUT_MS = "10000";

    /**
     * Properties for a Kafka Streams application: exactly_once_v2, a short commit interval (with exactly-once the
     * commit interval is the end-to-end latency floor), the state directory, the replication factor of internal
     * topics, and the dead-letter topic with continue-on-error handlers so a bad record is parked, never dropped
     * and never stops the pipeline. The serde config is included so default serdes can be configured from it.
     */
    public Properties streamsProperties(String appId) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        // A member that died (a killed instance, a stream thread replaced after an error) holds its partitions until
        // its session times out: 10 s, not the client's 45 s (heartbeats run on their own thread, so only a 10 s stall
        // of the whole JVM would look like a death).
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), STREAMS_SESSION_TIMEOUT_MS);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(topicReplicationFactor));
        p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), String.valueOf(topicMinInSyncReplicas));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, errorTopic());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        p.putAll(serdeConfig());
        p.putAll(extraConfig);
        return p;
    }

    /** Streams properties for this config's application id. */
    public Properties streamsProperties() {
        return streamsProperties(applicationId);
    }

    /**
     * Serde configuration with Confluent's key names: registry URL, basic auth when user info is set,
     * auto.register.schemas=true, specific.avro.reader=true; the extra config overrides (e.g.
     * {@code --config auto.register.schemas=false}).
     */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> m = new HashMap<>();
        m.put(SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
        m.put(AUTO_REGISTER_SCHEMAS_CONFIG, "true");
        m.put(SPECIFIC_AVRO_READER_CONFIG, "true");
        if (schemaRegistryUserInfo != null) {
            m.put(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, "USER_INFO");
            m.put(BASIC_AUTH_USER_INFO_CONFIG, schemaRegistryUserInfo);
        }
        m.putAll(extraConfig);
        return m;
    }

    public Builder toBuilder() {
        return new Builder()
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl)
                .schemaRegistryUserInfo(schemaRegistryUserInfo)
                .applicationId(applicationId)
                .stateDir(stateDir)
                .topicPartitions(topicPartitions)
                .topicReplicationFactor(topicReplicationFactor)
                .topicMinInSyncReplicas(topicMinInSyncReplicasSet)
                .topicNames(topicNames)
                .httpPort(httpPort)
                .httpBindAddress(httpBindAddress)
                .valueSerde(valueSerde)
                .extraConfig(extraConfig);
    }

    /** A builder starting from the common defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "PipelineConfig{bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl=" + schemaRegistryUrl
                + ", schemaRegistryUserInfo=" + (schemaRegistryUserInfo == null ? "none" : "****")
                + ", applicationId=" + applicationId + ", errorTopic=" + errorTopic() + ", stateDir=" + stateDir + ", topicPartitions="
                + topicPartitions + ", topicReplicationFactor=" + topicReplicationFactor + ", topicMinInSyncReplicas="
                + topicMinInSyncReplicas + ", topicNames="
                + topicNames + ", httpPort=" + httpPort + ", httpBindAddress=" + httpBindAddress + ", valueSerde="
                + valueSerde + ", extraConfig keys=" + extraConfig.keySet() + "}";
    }

    /** Builds a {@link PipelineConfig}; starts from the common defaults. */
    public static final class Builder {
        private String bootstrapServers = Setting.BOOTSTRAP_SERVERS.defaultValue();
        private String schemaRegistryUrl = Setting.SCHEMA_REGISTRY_URL.defaultValue();
        private String schemaRegistryUserInfo;
        private String applicationId = "newspipe";
        private Path stateDir = statePath(Setting.STATE_DIR.defaultValue());
        private int topicPartitions = Integer.parseInt(Setting.TOPIC_PARTITIONS.defaultValue());
        private short topicReplicationFactor = Short.parseShort(Setting.TOPIC_REPLICATION_FACTOR.defaultValue());
        private Integer topicMinInSyncReplicas;
        private Map<String, String> topicNames = Map.of();
        private int httpPort;
        private String httpBindAddress = Setting.HTTP_BIND_ADDRESS.defaultValue();
        private String valueSerde = Setting.VALUE_SERDE.defaultValue();
        private Map<String, String> extraConfig = Map.of();

        private Builder() {
        }

        public Builder bootstrapServers(String v) {
            this.bootstrapServers = v;
            return this;
        }

        public Builder schemaRegistryUrl(String v) {
            this.schemaRegistryUrl = v;
            return this;
        }

        public Builder schemaRegistryUserInfo(String v) {
            this.schemaRegistryUserInfo = v;
            return this;
        }

        public Builder applicationId(String v) {
            this.applicationId = v;
            return this;
        }

        public Builder stateDir(Path v) {
            this.stateDir = v;
            return this;
        }

        public Builder topicPartitions(int v) {
            this.topicPartitions = v;
            return this;
        }

        /** null: derived from the replication factor. */
        public Builder topicMinInSyncReplicas(Integer v) {
            this.topicMinInSyncReplicas = v;
            return this;
        }

        public Builder topicReplicationFactor(short v) {
            this.topicReplicationFactor = v;
            return this;
        }

        /** Renames contract topics: logical name (raw, enriched, ... dlq) to topic name. */
        public Builder topicNames(Map<String, String> v) {
            this.topicNames = Map.copyOf(v);
            return this;
        }

        public Builder topicName(String logicalName, String topicName) {
            Map<String, String> m = new LinkedHashMap<>(topicNames);
            m.put(logicalName, topicName);
            this.topicNames = m;
            return this;
        }

        public Builder httpPort(int v) {
            this.httpPort = v;
            return this;
        }

        public Builder httpBindAddress(String v) {
            this.httpBindAddress = v;
            return this;
        }

        public Builder valueSerde(String v) {
            this.valueSerde = v;
            return this;
        }

        public Builder extraConfig(Map<String, String> v) {
            this.extraConfig = new LinkedHashMap<>(v);
            return this;
        }

        public Builder extraConfig(String key, String value) {
            Map<String, String> m = new LinkedHashMap<>(extraConfig);
            m.put(key, value);
            this.extraConfig = m;
            return this;
        }

        public PipelineConfig build() {
            return new PipelineConfig(this);
        }
    }
}
