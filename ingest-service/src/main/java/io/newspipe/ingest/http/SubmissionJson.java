package io.newspipe.ingest.http;

import io.newspipe.common.ErrorCode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.newspipe.ingest.article.ArticleSubmission;

/**
 * The JSON form of a submission: {@code {"text": ..., "url"?, "title"?, "source"?, "publishedAt"?, "language"?}}.
 * Strict: malformed JSON is reported with line and column, unknown fields and wrong types by name, so a typo such
 * as {@code "publishedat"} is not silently dropped.
 */
public final class SubmissionJson {

    static final Set<String> FIELDS = Set.of("text", "url", "title", "source", "publishedAt", "language");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SubmissionJson() {
    }

    /**
     * @param where "request body" or "line 3", prefixed to error messages
     * @throws ApiException 400 {@code malformed_json} or {@code invalid_field}
     */
    public static ArticleSubmission parse(String json, String where) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(ErrorCode.MALFORMED_JSON,
                    where + " is not valid JSON" + position + ": " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new ApiException(ErrorCode.BLANK_TEXT, where + " is empty; expected a JSON object with a \"text\" field");
        }
        if (!node.isObject()) {
            throw invalid(where, "expected a JSON object like {\"text\": \"...\"}, got " + kind(node));
        }
        for (String name : node.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
            if (!FIELDS.contains(name)) {
                throw invalid(where, "unknown field \"" + name + "\"; known fields: text, url, title, source, "
                        + "publishedAt, language");
            }
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            throw new ApiException(ErrorCode.BLANK_TEXT, where + " has no \"text\" field: the article text is required");
        }
        if (!text.isTextual()) {
            throw invalid(where, "field \"text\" must be a string, got " + kind(text));
        }
        return new ArticleSubmission(text.textValue(), optionalString(node, "url", where),
                optionalString(node, "title", where), optionalString(node, "source", where),
                publishedAt(node, where), optionalString(node, "language", where));
    }

    private static String optionalString(JsonNode object, String field, String where) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(where, "field \"" + field + "\" must be a string, got " + kind(v));
        }
        return v.textValue();
    }

    private static Instant publishedAt(JsonNode object, String where) {
        String s = optionalString(object, "publishedAt", where);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant(); // also accepts "Z"
        } catch (DateTimeParseException e) {
            throw invalid(where, "field \"publishedAt\" must be an ISO-8601 date-time with offset, such as "
                    + "2024-01-05T08:30:00+07:00 or 2024-01-05T01:30:00Z; got \"" + abbreviate(s) + "\"");
        }
    }

    private static ApiException invalid(String where, String message) {
        return new ApiException(ErrorCode.INVALID_FIELD, where + ": " + message);
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
