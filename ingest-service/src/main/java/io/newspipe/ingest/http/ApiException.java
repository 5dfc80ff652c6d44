package io.newspipe.ingest.http;

import java.util.Map;

/**
 * A request that ends in an error reply: the HTTP status, a stable machine-readable {@code error} code, a message
 * for humans, and extra headers (Retry-After, Allow, WWW-Authenticate). Rendered as
 * {@code {"error": code, "message": message}}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    public ApiException(int status, String error, String message) {
        this(status, error, message, Map.of(), null);
    }

    public ApiException(int status, String error, String message, Map<String, String> headers, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
