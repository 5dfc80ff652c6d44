package io.newspipe.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.newspipe.schemas.RawArticle;

/** The error paths that fail before any registry call, and the one where the registry cannot be reached. */
class AvroSerdeWithoutRegistryTest {

    private static final String UNUSED_URL = "http://127.0.0.1:1";

    @Test
    void givenANullValue_whenSerializedAndDeserialized_thenNullPassesThroughAsATombstone() {
        try (AvroSerializer<RawArticle> serializer = new AvroSerializer<>(new RestSchemaRegistryClient(UNUSED_URL));
                AvroDeserializer<RawArticle> deserializer =
                        new AvroDeserializer<>(new RestSchemaRegistryClient(UNUSED_URL))) {
            assertThat(serializer.serialize("news.raw.v1", null)).isNull();
            assertThat(deserializer.deserialize("news.raw.v1", null)).isNull();
        }
    }

    @Test
    void givenAPayloadWithAnotherMagicByte_whenDeserialized_thenTheErrorNamesTheByteAndTheTopic() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(new RestSchemaRegistryClient(UNUSED_URL));

        assertThatThrownBy(() -> deserializer.deserialize("news.raw.v1", new byte[] {0x7b, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 0x7b")
                .hasMessageContaining("news.raw.v1");
    }

    @Test
    void givenAPayloadShorterThanTheHeader_whenDeserialized_thenTheErrorSaysTruncated() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(new RestSchemaRegistryClient(UNUSED_URL));

        assertThatThrownBy(() -> deserializer.deserialize("news.raw.v1", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated")
                .hasMessageContaining("3 byte(s)")
                .hasMessageContaining("news.raw.v1");
    }

    @Test
    void givenNoRegistryListening_whenSerializing_thenItFailsAfterBoundedRetriesNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                AvroSerdeConfig.SCHEMA_REGISTRY_RETRIES, 2, AvroSerdeConfig.SCHEMA_REGISTRY_RETRY_BACKOFF_MS, 10);
        try (AvroSerializer<RawArticle> serializer = new AvroSerializer<>()) {
            serializer.configure(config, false);

            assertThatThrownBy(() -> serializer.serialize("news.raw.v1", article()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("news.raw.v1")
                    .hasMessageContaining(url)
                    .hasMessageContaining("unreachable")
                    .hasMessageContaining("3 time(s)")
                    .hasCauseInstanceOf(SchemaRegistryUnreachableException.class);
        }
    }

    @Test
    void givenNoRegistryUrl_whenConfigured_thenTheErrorNamesTheKey() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void givenConfluentStyleKeys_whenParsed_thenDefaultsAndValuesMatchConfluent() {
        AvroSerdeConfig defaults = AvroSerdeConfig.from(Map.of("schema.registry.url", "http://a:1/, http://b:2"));
        assertThat(defaults.urls()).containsExactly("http://a:1", "http://b:2");
        assertThat(defaults.autoRegisterSchemas()).isTrue();
        assertThat(defaults.useLatestVersion()).isFalse();
        assertThat(defaults.specificAvroReader()).isFalse();
        assertThat(defaults.basicAuthUserInfo()).isNull();

        AvroSerdeConfig set = AvroSerdeConfig.from(Map.of("schema.registry.url", "http://a:1",
                "auto.register.schemas", "false", "use.latest.version", "true", "specific.avro.reader", true,
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:secret"));
        assertThat(set.autoRegisterSchemas()).isFalse();
        assertThat(set.useLatestVersion()).isTrue();
        assertThat(set.specificAvroReader()).isTrue();
        assertThat(set.basicAuthUserInfo()).isEqualTo("alice:secret");
    }

    @Test
    void givenAnUnsupportedCredentialsSource_whenParsed_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SASL_INHERIT");
    }

    static RawArticle article() {
        return RawArticle.newBuilder().setArticleId("a-1").setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setOriginalText("Xin chào").setText("Xin chào").setContentHash("abc").build();
    }
}
