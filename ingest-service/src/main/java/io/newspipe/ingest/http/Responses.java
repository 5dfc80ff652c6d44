package io.newspipe.ingest.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.ServiceHttpServer;

/** Writes the API's replies: JSON bodies, error bodies, extra headers. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = ServiceHttpServer.JSON_TYPE;
    static final String NDJSON_TYPE = "application/x-ndjson; charset=utf-8";

    private Responses() {
    }

    static void json(Response response, Callback callback, int status, Object body) {
        send(response, callback, status, JSON_TYPE, bytes(body), Map.of());
    }

    static void error(Response response, Callback callback, ApiException e) {
        send(response, callback, e.status(), JSON_TYPE, bytes(errorBody(e.error(), e.getMessage())), e.headers());
    }

    static Map<String, Object> errorBody(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    static void send(Response response, Callback callback, int status, String contentType, byte[] body,
            Map<String, String> headers) {
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        ServiceHttpServer.send(response, callback, status, contentType, body);
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + body, e);
        }
    }
}
