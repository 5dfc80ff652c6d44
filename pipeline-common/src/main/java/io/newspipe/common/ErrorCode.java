package io.newspipe.common;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every error an HTTP surface of newspipe answers with (ingest's API, the health and metrics server, the console):
 * the stable machine-readable code clients and metrics key on, and its HTTP status. The body is always
 * {@code {"error": code, "message": text}}, built by {@link #body} and {@link #json} and nowhere else.
 */
public enum ErrorCode {

    /** No endpoint (or no such record) at the path. */
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** No or a wrong bearer token. */
    UNAUTHORIZED("unauthorized", 401),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    /** The request body (or one line of a batch) is not JSON. */
    MALFORMED_JSON("malformed_json", 400),
    /** The request body is not valid UTF-8. */
    INVALID_UTF8("invalid_utf8", 400),
    /** A field of the submission has the wrong type or shape. */
    INVALID_FIELD("invalid_field", 400),
    /** The article has no text. */
    BLANK_TEXT("blank_text", 400),
    INVALID_URL("invalid_url", 400),
    INVALID_LANGUAGE("invalid_language", 400),
    INVALID_TITLE("invalid_title", 400),
    INVALID_SOURCE("invalid_source", 400),
    /** The article's text, or its serialized record, exceeds what the pipeline carries. */
    ARTICLE_TOO_LARGE("article_too_large", 413),
    /** The request body exceeds the upload limit (the rest is not read). */
    BODY_TOO_LARGE("body_too_large", 413),
    /** The service holds as many request bodies as its memory budget allows: retry later. */
    OVERLOADED("overloaded", 503),
    /** Still rebuilding its state or not yet connected to Kafka: retry later. */
    NOT_READY("not_ready", 503),
    /** Kafka did not acknowledge the write in time: retry later. */
    KAFKA_UNAVAILABLE("kafka_unavailable", 503),
    /** The Schema Registry did not answer, so the value could not be serialized: retry later. */
    SCHEMA_REGISTRY_UNAVAILABLE("schema_registry_unavailable", 503),
    SHUTTING_DOWN("shutting_down", 503),
    /** A bug or an unexpected failure; the message names the exception. */
    INTERNAL_ERROR("internal_error", 500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The value of the body's {@code error} field and of the metrics' {@code reason} tag. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The error body as a map, for callers that add it to a larger JSON value (a batch's result line). */
    public Map<String, Object> body(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    /** The error body as JSON text. */
    public String json(String message) {
        try {
            return JSON.writeValueAsString(body(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of two strings is always JSON", e);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
