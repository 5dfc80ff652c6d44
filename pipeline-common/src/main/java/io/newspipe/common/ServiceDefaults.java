package io.newspipe.common;

import java.util.List;
import java.util.Objects;

/**
 * What a service supplies where the shared settings have no common default: its application id, its HTTP port
 * and its contract input/output topics (logical names are fine too: {@code TopicNames.RAW}).
 *
 * @param applicationId Kafka Streams application.id / consumer group, e.g. {@code newspipe-enrich}
 * @param httpPort      health/metrics port; 0 for a free port
 * @param inputTopics   topics the service reads by default
 * @param outputTopic   topic the service writes by default, or null
 */
public record ServiceDefaults(String applicationId, int httpPort, List<String> inputTopics, String outputTopic) {

    public ServiceDefaults {
        Objects.requireNonNull(applicationId, "applicationId");
        inputTopics = List.copyOf(inputTopics);
    }

    /** Defaults for tools that are not one of the services (the CLI, tests). */
    public static ServiceDefaults none() {
        return new ServiceDefaults("newspipe", 0, List.of(), null);
    }
}
