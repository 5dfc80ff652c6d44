package io.newspipe.devstack.registry;

/** A Confluent-style error answer: HTTP status plus {@code error_code} and message. */
final class RegistryError extends RuntimeException {

    static final int SUBJECT_NOT_FOUND = 40401;
    static final int VERSION_NOT_FOUND = 40402;
    static final int SCHEMA_NOT_FOUND = 40403;
    static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    static final int INCOMPATIBLE_SCHEMA = 409;
    static final int INVALID_SCHEMA = 42201;
    static final int INVALID_VERSION = 42202;
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    static final int MALFORMED_REQUEST = 40001;
    static final int STORE_ERROR = 50001;
    static final int OPERATION_TIMED_OUT = 50002;

    private final int httpStatus;
    private final int errorCode;

    RegistryError(int httpStatus, int errorCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, Object version) {
        return new RegistryError(404, VERSION_NOT_FOUND, "Version " + version + " not found for subject '"
                + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema " + what + " not found.");
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, INVALID_VERSION, "The specified version '" + version + "' is not a valid "
                + "version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError malformed(String detail) {
        return new RegistryError(400, MALFORMED_REQUEST, "Malformed request: " + detail);
    }
}
