package io.newspipe.serde;

/**
 * The Schema Registry answered with an error. Carries the HTTP status and the Confluent {@code error_code}
 * (40401 subject not found, 40402 version not found, 40403 schema not found, 409 incompatible, 42201 invalid schema,
 * ...), so callers can branch on the code rather than on message text.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status of the answer; 0 when no answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code of the answer; -1 when no answer was received or it carried none. */
    public int errorCode() {
        return errorCode;
    }
}
