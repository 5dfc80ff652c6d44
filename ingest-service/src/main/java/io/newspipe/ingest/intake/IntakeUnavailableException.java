package io.newspipe.ingest.intake;

import io.newspipe.common.ErrorCode;

/**
 * The article could not be made durable right now; nothing was acknowledged, the sender should retry later.
 * {@link Reason} says which dependency failed, for the error body and the metrics.
 */
public class IntakeUnavailableException extends RuntimeException {

    public enum Reason {
        /** The service is still rebuilding its id index or has not reached Kafka yet. */
        NOT_READY(ErrorCode.NOT_READY),
        /** Kafka did not acknowledge the write in time (broker down, no metadata, delivery timeout). */
        KAFKA_UNAVAILABLE(ErrorCode.KAFKA_UNAVAILABLE),
        /** The Schema Registry did not answer, so the value could not be serialized. */
        SCHEMA_REGISTRY_UNAVAILABLE(ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE),
        /** The service is shutting down. */
        SHUTTING_DOWN(ErrorCode.SHUTTING_DOWN);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    private final Reason reason;

    public IntakeUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
