package io.newspipe.cli.ops;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.Setting;
import picocli.CommandLine.Option;

/**
 * The connection flags operator commands need (a subset of the services' CommonOptions, same names and environment
 * variables): where Kafka is, how topics are named, extra client properties. Bytes are copied as they are, so no
 * registry settings.
 */
final class OperatorOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Env: NEWSPIPE_BOOTSTRAP_SERVERS. Default: 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--error-topic", paramLabel = "TOPIC",
            description = "Dead-letter topic. Env: NEWSPIPE_ERROR_TOPIC. Default: news.dlq.v1.")
    String errorTopic;

    @Option(names = "--topic-name", paramLabel = "LOGICAL=NAME",
            description = "Rename a contract topic (raw, enriched, replay, dlq, ...); repeatable. "
                    + "Env: NEWSPIPE_TOPIC_NAMES (comma-separated).")
    Map<String, String> topicNames = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "Extra Kafka client property (security etc.); repeatable. Env: NEWSPIPE_KAFKA_<KEY>.")
    Map<String, String> config = new LinkedHashMap<>();

    PipelineConfig toConfig(Map<String, String> env) {
        return toConfig(env, ServiceDefaults.none(), Map.of());
    }

    /** With a service's defaults (its application id) and the command's own settings. */
    PipelineConfig toConfig(Map<String, String> env, ServiceDefaults defaults, Map<Setting, String> more) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.putAll(more);
        if (bootstrapServers != null) {
            flags.put(Setting.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (errorTopic != null) {
            flags.put(Setting.ERROR_TOPIC, errorTopic);
        }
        return PipelineConfig.resolve(flags, config, topicNames, env, defaults);
    }
}
