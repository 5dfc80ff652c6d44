package io.newspipe.common;

/**
 * Whether a service is ready to do its work, with a short reason (e.g. the Kafka Streams state).
 *
 * @param ready  true when the service can serve
 * @param detail why, for operators
 */
public record HealthStatus(boolean ready, String detail) {

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
