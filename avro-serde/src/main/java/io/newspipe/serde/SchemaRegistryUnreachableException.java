package io.newspipe.serde;

/** No registry URL answered (connection failure, timeout or 5xx) within the configured bounded retries. */
public class SchemaRegistryUnreachableException extends SchemaRegistryException {

    public SchemaRegistryUnreachableException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, -1, cause);
    }
}
