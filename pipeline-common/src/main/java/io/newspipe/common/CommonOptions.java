package io.newspipe.common;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The command-line flags every newspipe service shares (streams-bootstrap style), used as a picocli mixin:
 *
 * <pre>{@code
 * @Command(name = "enrich-service")
 * class EnrichCommand implements Callable<Integer> {
 *     @Mixin CommonOptions common;
 *     public Integer call() {
 *         PipelineConfig config = common.toConfig(new ServiceDefaults("newspipe-enrich", 8082,
 *                 List.of(TopicNames.RAW), TopicNames.ENRICHED));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Options carry no picocli default: an absent flag falls back to its environment variable, then to the default
 * (see {@link Setting}), in {@link PipelineConfig#resolve}.
 */
public class CommonOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Env: NEWSPIPE_BOOTSTRAP_SERVERS. Default: 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema Registry URL (Confluent REST API). Env: NEWSPIPE_SCHEMA_REGISTRY_URL. "
                    + "Default: http://127.0.0.1:8081.")
    String schemaRegistryUrl;

    @Option(names = "--schema-registry-user-info", paramLabel = "USER:PASSWORD",
            description = "Schema Registry basic auth. Env: NEWSPIPE_SCHEMA_REGISTRY_USER_INFO. Default: none.")
    String schemaRegistryUserInfo;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application.id / consumer group. Env: NEWSPIPE_APPLICATION_ID. "
                    + "Default: the service's own (newspipe-<service>).")
    String applicationId;

    @Option(names = "--input-topics", paramLabel = "TOPIC[,TOPIC...]",
            description = "Topics the service reads. Env: NEWSPIPE_INPUT_TOPICS. Default: the service's contract topics.")
    String inputTopics;

    @Option(names = "--output-topic", paramLabel = "TOPIC",
            description = "Topic the service writes. Env: NEWSPIPE_OUTPUT_TOPIC. Default: the service's contract topic.")
    String outputTopic;

    @Option(names = "--error-topic", paramLabel = "TOPIC",
            description = "Dead-letter topic. Env: NEWSPIPE_ERROR_TOPIC. Default: news.dlq.v1.")
    String errorTopic;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state directory. Env: NEWSPIPE_STATE_DIR. Default: <tmpdir>/newspipe-streams.")
    String stateDir;

    @Option(names = "--topic-partitions", paramLabel = "N",
            description = "Partitions of topics created when missing. Env: NEWSPIPE_TOPIC_PARTITIONS. Default: 3.")
    String topicPartitions;

    @Option(names = "--topic-replication-factor", paramLabel = "N",
            description = "Replication factor of created and internal topics. Env: NEWSPIPE_TOPIC_REPLICATION_FACTOR. "
                    + "Default: 1.")
    String topicReplicationFactor;

    @Option(names = "--topic-min-insync-replicas", paramLabel = "N",
            description = "min.insync.replicas of created and internal topics. Env: NEWSPIPE_TOPIC_MIN_INSYNC_REPLICAS. "
                    + "Default: 2 from a replication factor of 3 on, else 1.")
    String topicMinInSyncReplicas;

    @Option(names = "--topic-name", paramLabel = "LOGICAL=NAME", completionCandidates = TopicTable.LogicalNames.class,
            description = "Rename a topic (LOGICAL one of ${COMPLETION-CANDIDATES}); repeatable. "
                    + "Env: NEWSPIPE_TOPIC_NAMES (comma-separated). Default: news.<logical>.v1.")
    Map<String, String> topicNames = new LinkedHashMap<>();

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of /health/live, /health/ready and /metrics; 0 = a free port. Env: NEWSPIPE_HTTP_PORT. "
                    + "Default: the service's own.")
    String httpPort;

    @Option(names = "--http-bind-address", paramLabel = "ADDRESS",
            description = "Address the HTTP endpoints bind to. Env: NEWSPIPE_HTTP_BIND_ADDRESS. Default: 127.0.0.1.")
    String httpBindAddress;

    @Option(names = "--value-serde", paramLabel = "CLASS",
            description = "Avro value serde class. Env: NEWSPIPE_VALUE_SERDE. "
                    + "Default: io.newspipe.serde.SpecificAvroSerde.")
    String valueSerde;

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "Extra Kafka client/Streams/serde property; repeatable. Env: NEWSPIPE_KAFKA_<KEY> "
                    + "(NEWSPIPE_KAFKA_SECURITY_PROTOCOL=SSL sets security.protocol).")
    Map<String, String> config = new LinkedHashMap<>();

    /** Resolves against the real environment. */
    public PipelineConfig toConfig(ServiceDefaults defaults) {
        return toConfig(System.getenv(), defaults);
    }

    /** Resolves against the given environment (tests pass a map instead of mutating the process environment). */
    public PipelineConfig toConfig(Map<String, String> env, ServiceDefaults defaults) {
        return PipelineConfig.resolve(flags(), config, topicNames, env, defaults);
    }

    /** The flags given on the command line, by setting (absent flags are missing). */
    public Map<Setting, String> flags() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        put(m, Setting.BOOTSTRAP_SERVERS, bootstrapServers);
        put(m, Setting.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        put(m, Setting.SCHEMA_REGISTRY_USER_INFO, schemaRegistryUserInfo);
        put(m, Setting.APPLICATION_ID, applicationId);
        put(m, Setting.INPUT_TOPICS, inputTopics);
        put(m, Setting.OUTPUT_TOPIC, outputTopic);
        put(m, Setting.ERROR_TOPIC, errorTopic);
        put(m, Setting.STATE_DIR, stateDir);
        put(m, Setting.TOPIC_PARTITIONS, topicPartitions);
        put(m, Setting.TOPIC_REPLICATION_FACTOR, topicReplicationFactor);
        put(m, Setting.TOPIC_MIN_INSYNC_REPLICAS, topicMinInSyncReplicas);
        put(m, Setting.HTTP_PORT, httpPort);
        put(m, Setting.HTTP_BIND_ADDRESS, httpBindAddress);
        put(m, Setting.VALUE_SERDE, valueSerde);
        return m;
    }

    private static void put(Map<Setting, String> m, Setting s, String v) {
        if (v != null) {
            m.put(s, v);
        }
    }
}
