package io.newspipe.devstack.registry;

import static io.newspipe.devstack.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;

/**
 * Confluent's compatibility levels over the REST API: PUT /config/{subject} sets a subject's level, the
 * compatibility check and the registration follow it (409 on an incompatible registration), transitive levels
 * look at every earlier version and the others at the latest only.
 */
@ExtendWith(DevStackExtension.class)
class CompatibilityLevelsTest {

    private RegistryHttp http;
    private String subject;

    @BeforeEach
    void setUp(DevStack stack) {
        http = new RegistryHttp(stack.schemaRegistryUrl());
        subject = "news.levels-" + UUID.randomUUID().toString().substring(0, 8) + ".v1-value";
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":[" + fields + "]}";
    }

    static final String ID = record("{\"name\":\"id\",\"type\":\"string\"}");
    static final String ID_LANG_WITH_DEFAULT = record("{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"lang\",\"type\":\"string\",\"default\":\"vi\"}");
    static final String ID_COUNT_WITHOUT_DEFAULT = record("{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"count\",\"type\":\"int\"}");
    static final String EMPTY = record("");
    static final String A_INT = record("{\"name\":\"a\",\"type\":\"int\"}");
    static final String A_STRING_WITH_DEFAULT = record("{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}");
    static final String B_STRING = record("{\"name\":\"b\",\"type\":\"string\"}");
    static final String C_INT = record("{\"name\":\"c\",\"type\":\"int\"}");

    /** level, the subject's versions (registered under NONE), candidate, whether the level accepts it. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("BACKWARD", List.of(ID), ID_COUNT_WITHOUT_DEFAULT, false),
                Arguments.of("BACKWARD", List.of(ID), EMPTY, true),
                Arguments.of("FORWARD", List.of(ID), ID_COUNT_WITHOUT_DEFAULT, true),
                Arguments.of("FORWARD", List.of(ID), EMPTY, false),
                Arguments.of("FULL", List.of(ID), ID_COUNT_WITHOUT_DEFAULT, false),
                Arguments.of("FULL", List.of(ID), EMPTY, false),
                Arguments.of("FULL", List.of(ID), ID_LANG_WITH_DEFAULT, true),
                Arguments.of("NONE", List.of(ID), EMPTY, true),
                // a's type changed since version 1: only the transitive levels look that far back
                Arguments.of("BACKWARD", List.of(A_INT, EMPTY), A_STRING_WITH_DEFAULT, true),
                Arguments.of("BACKWARD_TRANSITIVE", List.of(A_INT, EMPTY), A_STRING_WITH_DEFAULT, false),
                Arguments.of("FULL", List.of(A_INT, EMPTY), A_STRING_WITH_DEFAULT, true),
                Arguments.of("FULL_TRANSITIVE", List.of(A_INT, EMPTY), A_STRING_WITH_DEFAULT, false),
                // version 1's readers need b, which the candidate does not write
                Arguments.of("FORWARD", List.of(B_STRING, EMPTY), C_INT, true),
                Arguments.of("FORWARD_TRANSITIVE", List.of(B_STRING, EMPTY), C_INT, false),
                Arguments.of("FULL_TRANSITIVE", List.of(ID), ID_LANG_WITH_DEFAULT, true));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void givenALevelAndEarlierVersions_whenACandidateIsCheckedAndRegistered_thenTheLevelDecides(String level,
            List<String> versions, String candidate, boolean accepted) throws Exception {
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        for (String v : versions) {
            assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(v)).status()).isEqualTo(200);
        }
        RegistryHttp.Answer set = http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");

        RegistryHttp.Answer check = http.post("/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(candidate));
        RegistryHttp.Answer registered = http.post("/subjects/" + subject + "/versions", schemaBody(candidate));

        assertThat(set.body().path("compatibility").asText()).isEqualTo(level);
        assertThat(http.get("/config/" + subject).body().path("compatibilityLevel").asText()).isEqualTo(level);
        assertThat(check.body().path("is_compatible").asBoolean()).isEqualTo(accepted);
        assertThat(registered.status()).isEqualTo(accepted ? 200 : 409);
        if (!accepted) {
            assertThat(registered.errorCode()).isEqualTo(409);
            assertThat(registered.body().path("message").asText()).contains(level).contains(subject);
            assertThat(http.get("/subjects/" + subject + "/versions").body()).hasSize(versions.size());
        }
    }

    @Test
    void givenFullTransitive_whenAFieldWithoutDefaultIsRemoved_thenRegistrationAnswers409AndSaysWhichDirection()
            throws Exception {
        String withFingerprint = record("{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"contentFingerprint\",\"type\":\"string\"}");
        http.put("/config/" + subject, "{\"compatibility\":\"FULL_TRANSITIVE\"}");
        http.post("/subjects/" + subject + "/versions", schemaBody(withFingerprint));

        RegistryHttp.Answer registered = http.post("/subjects/" + subject + "/versions", schemaBody(ID));

        assertThat(registered.status()).isEqualTo(409);
        assertThat(registered.body().path("message").asText())
                .contains("an earlier schema cannot read data written with the new one")
                .contains("contentFingerprint");
    }

    @Test
    void givenASubjectLevel_whenTheGlobalLevelIsRead_thenItIsUnchanged() throws Exception {
        String global = http.get("/config").body().path("compatibilityLevel").asText();

        http.put("/config/" + subject, "{\"compatibility\":\"FULL_TRANSITIVE\"}");

        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo(global);
        assertThat(http.get("/config/" + subject).body().path("compatibilityLevel").asText())
                .isEqualTo("FULL_TRANSITIVE");
    }
}
