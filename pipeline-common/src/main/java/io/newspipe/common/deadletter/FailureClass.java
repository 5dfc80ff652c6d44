package io.newspipe.common.deadletter;

import java.io.IOException;

import org.apache.kafka.common.errors.RecordTooLargeException;

import io.newspipe.serde.SchemaRegistryException;
import io.newspipe.serde.SchemaRegistryUnreachableException;

/**
 * Whose fault a failure is, which decides what happens to the record.
 *
 * <ul>
 *   <li>{@link #RECORD}: the record itself cannot be processed (undecodable, invalid, too large to write). It goes to
 *       the dead-letter topic with the reason and the service goes on.</li>
 *   <li>{@link #ENVIRONMENT}: the record is fine, the world around it is not (the Schema Registry refuses our
 *       credentials, does not know the subject, answers at a wrong URL, or is down). Nothing is dead-lettered: the
 *       stream thread stops and is replaced after a backoff, readiness is DOWN with the cause, and processing
 *       resumes by itself once the environment is fixed.</li>
 *   <li>{@link #BUG}: an unexpected exception in our own code (a NullPointerException in the extractor). Treated
 *       like an environment problem (dead-lettering every record a bug touches would empty the pipeline into the
 *       DLQ), plus an ERROR log naming the article.</li>
 * </ul>
 */
public enum FailureClass {
    RECORD, ENVIRONMENT, BUG;

    /**
     * A record that could not be deserialized. A registry that does not know the record's schema id (404, Confluent
     * code 40403) means the record carries a wrong id: the record's fault. Any other registry answer (401, 403, a 404
     * without that code from a wrong URL, 5xx) or no answer is the environment's.
     */
    public static FailureClass ofDeserialization(Throwable failure) {
        SchemaRegistryException registry = cause(failure, SchemaRegistryException.class);
        if (registry != null) {
            boolean unknownSchemaId = !(registry instanceof SchemaRegistryUnreachableException)
                    && registry.httpStatus() == 404 && registry.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND;
            return unknownSchemaId ? RECORD : ENVIRONMENT;
        }
        return cause(failure, IOException.class) != null ? ENVIRONMENT : RECORD;
    }

    /** A record that deserialized but failed in the topology: invalid (the record's fault) or anything else. */
    public static FailureClass ofProcessing(Throwable failure) {
        return recordIf(failure, InvalidRecordException.class);
    }

    /**
     * An output that could not be serialized: larger than the record limit (the record's fault), refused or
     * unanswered by the registry (for instance an unknown subject with {@code auto.register.schemas=false}), or a
     * value our own code built wrong (a bug).
     */
    public static FailureClass ofSerialization(Throwable failure) {
        return recordIf(failure, RecordTooLargeException.class);
    }

    /** RECORD when the failure is of the given kind; registry or I/O trouble is the environment; the rest a bug. */
    private static FailureClass recordIf(Throwable failure, Class<? extends Throwable> recordProblem) {
        if (cause(failure, recordProblem) != null) {
            return RECORD;
        }
        if (cause(failure, SchemaRegistryException.class) != null || cause(failure, IOException.class) != null) {
            return ENVIRONMENT;
        }
        return BUG;
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
