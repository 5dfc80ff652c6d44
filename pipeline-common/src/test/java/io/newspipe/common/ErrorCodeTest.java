package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenAnErrorCode_whenItsBodyIsWritten_thenItHoldsExactlyErrorAndMessage(ErrorCode code) throws Exception {
        JsonNode body = JSON.readTree(code.json("a \"quoted\" message\nover two lines"));

        assertThat(body.isObject()).isTrue();
        List<String> fields = iterable(body.fieldNames());
        assertThat(fields).containsExactly("error", "message");
        assertThat(body.get("error").asText()).isEqualTo(code.code()).matches("[a-z0-9_]+");
        assertThat(body.get("message").asText()).isEqualTo("a \"quoted\" message\nover two lines");
        assertThat(code.body("m")).containsExactly(java.util.Map.entry("error", code.code()), java.util.Map.entry("message", "m"));
    }

    @Test
    void givenTheCodes_whenListed_thenEachCodeIsUniqueAndItsStatusAnError() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());

        assertThat(codes).hasSize(ErrorCode.values().length);
        assertThat(ErrorCode.values()).allSatisfy(c -> assertThat(c.status()).isBetween(400, 599));
        assertThat(ErrorCode.ARTICLE_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ErrorCode.KAFKA_UNAVAILABLE.status()).isEqualTo(503);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
