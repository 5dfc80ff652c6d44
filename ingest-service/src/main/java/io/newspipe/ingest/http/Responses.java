package io.newspipe.ingest.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * Writes replies without draining the request body first (unlike {@code ServiceHttpServer.send}): a 413 must not
 * read the rest of an oversized upload. The JDK server discards a small unread rest on close and closes the
 * connection when more is left.
 */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String NDJSON_TYPE = "application/x-ndjson; charset=utf-8";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
    }

    static void error(HttpExchange exchange, ApiException e) throws IOException {
        send(exchange, e.status(), JSON_TYPE, JSON.writeValueAsBytes(errorBody(e.error(), e.getMessage())), e.headers());
    }

    static Map<String, Object> errorBody(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
