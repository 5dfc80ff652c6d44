package io.newspipe.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.newspipe.schemas.RawArticle;

/** The serde's configuration: Confluent's keys, subject-name strategies, and clear errors for anything else. */
class AvroSerdeConfigTest {

    private static Map<String, Object> config(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1");
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void givenAMisspeltRegistryKey_whenConfigured_thenTheErrorNamesTheKeyAndTheKnownOnes() {
        Map<String, Object> props = config("schema.registry.basic.auth.userinfo", "u:p");

        assertThatThrownBy(() -> AvroSerdeConfig.from(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown configuration 'schema.registry.basic.auth.userinfo'")
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
    }

    @Test
    void givenAnUnknownRegistryKey_whenASerializerIsConfigured_thenConfigureFails() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(config("schema.registry.proxy.host", "proxy"), false))
                .hasMessageContaining("'schema.registry.proxy.host'");
    }

    @Test
    void givenEveryKnownRegistryKeyAndUnrelatedKafkaKeys_whenConfigured_thenNothingIsRejected() {
        Map<String, Object> props = config("linger.ms", "5", "security.protocol", "SSL",
                AvroSerdeConfig.SCHEMA_REGISTRY_RETRIES, "1",
                AvroSerdeConfig.SCHEMA_REGISTRY_RETRY_BACKOFF_MS, "10",
                AvroSerdeConfig.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, "100",
                AvroSerdeConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "u:p",
                RegistryTls.TRUSTSTORE_TYPE, "PKCS12", RegistryTls.KEYSTORE_TYPE, "PKCS12",
                RegistryTls.PROTOCOL, "TLSv1.3", RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM, "https");

        AvroSerdeConfig config = AvroSerdeConfig.from(props);

        assertThat(config.retries()).isEqualTo(1);
        assertThat(config.tls().protocol()).isEqualTo("TLSv1.3");
        assertThat(config.tls().verifyHostname()).isTrue();
        assertThat(config.tls().truststoreType()).isEqualTo("PKCS12");
    }

    @Test
    void givenNoStrategy_whenConfigured_thenTopicNameStrategyForKeysAndValues() {
        AvroSerdeConfig config = AvroSerdeConfig.from(config());

        assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    }

    @Test
    void givenConfluentClassNamesAndShortNames_whenConfigured_thenEachStrategyIsRecognized() {
        for (SubjectNameStrategy s : SubjectNameStrategy.values()) {
            assertThat(AvroSerdeConfig.from(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, s.confluentClass()))
                    .subjectNameStrategy(false)).isEqualTo(s);
            assertThat(AvroSerdeConfig.from(config(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, s.shortName()))
                    .subjectNameStrategy(true)).isEqualTo(s);
        }
        assertThat(SubjectNameStrategy.RECORD_NAME.confluentClass())
                .isEqualTo("io.confluent.kafka.serializers.subject.RecordNameStrategy");
    }

    @Test
    void givenAnotherStrategy_whenConfigured_thenTheErrorNamesTheKeyTheValueAndTheSupportedOnes() {
        Map<String, Object> props = config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "com.example.MySubjectStrategy");

        assertThatThrownBy(() -> AvroSerdeConfig.from(props))
                .hasMessageContaining("'com.example.MySubjectStrategy'")
                .hasMessageContaining(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY)
                .hasMessageContaining("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
    }

    @Test
    void givenEachStrategy_whenNamingTheSubjectOfARecord_thenConfluentsNamesComeOut() {
        Schema schema = RawArticle.getClassSchema();

        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("news.raw.v1", false, schema)).isEqualTo("news.raw.v1-value");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("news.raw.v1", true, schema)).isEqualTo("news.raw.v1-key");
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("news.raw.v1", false, schema))
                .isEqualTo("io.newspipe.schemas.RawArticle");
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("news.raw.v1", false, schema))
                .isEqualTo("news.raw.v1-io.newspipe.schemas.RawArticle");
    }

    @Test
    void givenARecordNameStrategyAndAPlainSchema_whenSerializing_thenTheErrorSaysARecordIsNeeded() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(new RestSchemaRegistryClient("http://127.0.0.1:1"));
        serializer.configure(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"), false);
        Schema enumSchema = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}");

        assertThatThrownBy(() -> serializer.serialize("t", new org.apache.avro.generic.GenericData.EnumSymbol(
                enumSchema, "A")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RecordNameStrategy needs a record schema");
    }

    @Test
    void givenATruststoreThatDoesNotExist_whenTheClientIsCreated_thenTheErrorNamesTheKeyAndTheFile() {
        Map<String, Object> props = config(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://127.0.0.1:1",
                RegistryTls.TRUSTSTORE_LOCATION, "/nonexistent/registry-trust.p12");

        assertThatThrownBy(() -> new RestSchemaRegistryClient(AvroSerdeConfig.from(props)))
                .hasMessageContaining(RegistryTls.TRUSTSTORE_LOCATION)
                .hasMessageContaining("/nonexistent/registry-trust.p12");
    }

    @Test
    void givenAnUnknownEndpointIdentificationAlgorithm_whenConfigured_thenTheErrorNamesIt() {
        Map<String, Object> props = config(RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM, "ldaps");

        assertThatThrownBy(() -> AvroSerdeConfig.from(props))
                .hasMessageContaining(RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM).hasMessageContaining("ldaps");
    }

    @Test
    void givenAnEmptyEndpointIdentificationAlgorithm_whenConfigured_thenHostNamesAreNotVerified() {
        AvroSerdeConfig config = AvroSerdeConfig.from(config(RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM, ""));

        assertThat(config.tls().verifyHostname()).isFalse();
        assertThat(config.tls().configured()).isTrue();
    }
}
