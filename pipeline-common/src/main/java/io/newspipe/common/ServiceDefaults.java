package io.newspipe.common;

import java.util.Objects;

/**
 * What a service supplies where the shared settings have no common default: its application id and its HTTP port.
 * The topics it reads and writes are the topic table's, renamed with {@code --topic-name}.
 *
 * @param applicationId Kafka Streams application.id / consumer group, e.g. {@code newspipe-enrich}
 * @param httpPort      health/metrics port; 0 for a free port
 */
public record ServiceDefaults(String applicationId, int httpPort) {

    public ServiceDefaults {
        Objects.requireNonNull(applicationId, "applicationId");
    }

    /** Defaults for tools that are not one of the services (the CLI, tests). */
    public static ServiceDefaults none() {
        return new ServiceDefaults("newspipe", 0);
    }
}
