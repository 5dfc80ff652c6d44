package io.newspipe.ingest.http;

import java.util.Map;

import io.newspipe.common.ErrorCode;

/**
 * A request that ends in an error reply: its {@link ErrorCode} (code and HTTP status), a message for humans, and
 * extra headers (Retry-After, Allow, WWW-Authenticate). Rendered by {@link ErrorCode#body}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public ApiException(ErrorCode code, String message, Map<String, String> headers, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return code.status();
    }

    public ErrorCode code() {
        return code;
    }

    /** The error body of this reply. */
    public Map<String, Object> body() {
        return code.body(getMessage());
    }

    public Map<String, String> headers() {
        return headers;
    }
}
