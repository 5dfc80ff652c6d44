package io.newspipe.devstack.registry;

import static io.newspipe.devstack.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;

/** Each endpoint of the Confluent REST subset, and the Confluent error code for each kind of bad input. */
@ExtendWith(DevStackExtension.class)
class SchemaRegistryRestApiTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String V2_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"lang\",\"type\":\"string\",\"default\":\"vi\"}]}";
    static final String V2_WITHOUT_DEFAULT = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\"}]}";

    private RegistryHttp http;
    private String subject;

    @BeforeEach
    void setUp(DevStack stack) {
        http = new RegistryHttp(stack.schemaRegistryUrl());
        // Unique per test and shaped like a real subject (dots), so tests do not see each other's versions.
        subject = "news.rest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1-value";
    }

    @Test
    void givenANewSchema_whenRegisteredTwice_thenTheSameIdComesBackAndOneVersionExists() throws Exception {
        RegistryHttp.Answer first = http.post("/subjects/" + subject + "/versions", schemaBody(V1));
        RegistryHttp.Answer again = http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(again.body().path("id").asInt()).isEqualTo(first.body().path("id").asInt());
        assertThat(http.get("/subjects/" + subject + "/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void givenARegisteredSchema_whenReadByIdSubjectAndVersion_thenEachEndpointReturnsIt() throws Exception {
        int id = http.post("/subjects/" + subject + "/versions", schemaBody(V1)).body().path("id").asInt();

        JsonNode byId = http.get("/schemas/ids/" + id).body();
        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").body();
        JsonNode v1 = http.get("/subjects/" + subject + "/versions/1").body();
        JsonNode rawSchema = http.get("/subjects/" + subject + "/versions/1/schema").body();
        JsonNode lookup = http.post("/subjects/" + subject, schemaBody(V1)).body();
        List<String> subjects = new ArrayList<>();
        http.get("/subjects").body().forEach(n -> subjects.add(n.asText()));

        assertThat(RegistryHttp.JSON.readTree(byId.path("schema").asText())).isEqualTo(RegistryHttp.JSON.readTree(V1));
        assertThat(latest.path("id").asInt()).isEqualTo(id);
        assertThat(latest.path("version").asInt()).isEqualTo(1);
        assertThat(latest.path("subject").asText()).isEqualTo(subject);
        assertThat(v1).isEqualTo(latest);
        assertThat(rawSchema.path("name").asText()).isEqualTo("Probe");
        assertThat(lookup.path("id").asInt()).isEqualTo(id);
        assertThat(lookup.path("version").asInt()).isEqualTo(1);
        assertThat(subjects).contains(subject);
    }

    @Test
    void givenTheSameSchemaInAnotherSubject_whenRegistered_thenItGetsTheSameGlobalId() throws Exception {
        int id = http.post("/subjects/" + subject + "/versions", schemaBody(V1)).body().path("id").asInt();
        String other = subject.replace("-value", "-key");

        int otherId = http.post("/subjects/" + other + "/versions", schemaBody(V1)).body().path("id").asInt();

        assertThat(otherId).isEqualTo(id);
        assertThat(http.get("/subjects/" + other + "/versions/latest").body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void givenBackwardCompatibility_whenAFieldWithADefaultIsAdded_thenItIsCompatibleAndRegistersAsVersion2()
            throws Exception {
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        RegistryHttp.Answer check = http.post("/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(V2_WITH_DEFAULT));
        RegistryHttp.Answer registered = http.post("/subjects/" + subject + "/versions", schemaBody(V2_WITH_DEFAULT));

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("is_compatible").asBoolean()).isTrue();
        assertThat(registered.status()).isEqualTo(200);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void givenBackwardCompatibility_whenAFieldWithoutDefaultIsAdded_thenCheckSaysFalseAndRegisterAnswers409()
            throws Exception {
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        RegistryHttp.Answer check = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                schemaBody(V2_WITHOUT_DEFAULT));
        RegistryHttp.Answer registered = http.post("/subjects/" + subject + "/versions",
                schemaBody(V2_WITHOUT_DEFAULT));

        assertThat(check.body().path("is_compatible").asBoolean()).isFalse();
        assertThat(check.body().path("messages").toString()).contains("count");
        assertThat(registered.status()).isEqualTo(409);
        assertThat(registered.errorCode()).isEqualTo(409);
        assertThat(registered.body().path("message").asText()).contains("incompatible").contains(subject);
    }

    @Test
    void givenSubjectLevelNone_whenAnIncompatibleSchemaIsRegistered_thenItIsAccepted() throws Exception {
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        RegistryHttp.Answer set = http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        RegistryHttp.Answer get = http.get("/config/" + subject);
        RegistryHttp.Answer registered = http.post("/subjects/" + subject + "/versions",
                schemaBody(V2_WITHOUT_DEFAULT));

        assertThat(set.body().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(get.body().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(registered.status()).isEqualTo(200);
    }

    @Test
    void givenTheGlobalConfig_whenReadAndSetToItsDefault_thenBackwardIsReported() throws Exception {
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        RegistryHttp.Answer set = http.put("/config", "{\"compatibility\":\"backward\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("compatibility").asText()).isEqualTo("BACKWARD");
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body().path("compatibilityLevel")
                .asText()).isEqualTo("BACKWARD");
    }

    @Test
    void givenABodyThatIsNotJson_whenRegistering_thenMalformedRequest400() throws Exception {
        RegistryHttp.Answer answer = http.post("/subjects/" + subject + "/versions", "this is { not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(40001);
    }

    @Test
    void givenAnInvalidAvroSchema_whenRegistering_thenInvalidSchema42201() throws Exception {
        RegistryHttp.Answer answer = http.post("/subjects/" + subject + "/versions",
                schemaBody("{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\",\"type\":\"nope\"}]}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.body().path("message").asText()).contains("nope");
    }

    @Test
    void givenUnknownSubjectVersionAndId_whenRead_thenConfluentNotFoundCodes() throws Exception {
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        assertThat(http.get("/subjects/no.such.subject-value/versions/latest").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/no.such.subject-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject + "/versions/7").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + subject + "/versions/7").status()).isEqualTo(404);
        assertThat(http.get("/schemas/ids/987654").errorCode()).isEqualTo(40403);
        assertThat(http.post("/subjects/" + subject, schemaBody(V2_WITH_DEFAULT)).errorCode()).isEqualTo(40403);
        assertThat(http.post("/compatibility/subjects/no.such.subject-value/versions/latest", schemaBody(V1))
                .errorCode()).isEqualTo(40401);
    }

    @Test
    void givenAnInvalidVersionOrLevel_whenUsed_thenInvalidVersion42202AndInvalidLevel42203() throws Exception {
        http.post("/subjects/" + subject + "/versions", schemaBody(V1));

        RegistryHttp.Answer badVersion = http.get("/subjects/" + subject + "/versions/zero");
        RegistryHttp.Answer badLevel = http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(badVersion.status()).isEqualTo(422);
        assertThat(badVersion.errorCode()).isEqualTo(42202);
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.errorCode()).isEqualTo(42203);
    }

    @Test
    void givenASubjectNeedingUrlEncoding_whenRegisteredAndRead_thenTheDecodedNameIsUsed() throws Exception {
        String odd = "team a/ữ-" + UUID.randomUUID() + "-value";
        String encoded = java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

        int id = http.post("/subjects/" + encoded + "/versions", schemaBody(V1)).body().path("id").asInt();
        JsonNode latest = http.get("/subjects/" + encoded + "/versions/latest").body();

        assertThat(latest.path("subject").asText()).isEqualTo(odd);
        assertThat(latest.path("id").asInt()).isEqualTo(id);
    }

    @Test
    void givenAnUnknownPath_whenCalled_thenA404ConfluentBodyNotAStackTrace() throws Exception {
        RegistryHttp.Answer answer = http.get("/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().has("error_code")).isTrue();
        assertThat(answer.body().path("message").asText()).doesNotContain("Exception");
    }
}
