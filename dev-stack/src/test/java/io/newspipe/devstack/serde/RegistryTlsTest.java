package io.newspipe.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.TestRecords;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.devstack.registry.SchemaRegistryServer;
import io.newspipe.schemas.RawArticle;
import io.newspipe.serde.AvroDeserializer;
import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.AvroSerializer;
import io.newspipe.serde.RegistryTls;

/**
 * The serde's {@code schema.registry.ssl.*} settings against the registry serving HTTPS with a self-signed
 * certificate. The key material is made at test time with the JDK's keytool (nothing committed): a server
 * certificate for 127.0.0.1, one for another host name, and a client certificate for mutual TLS.
 */
@ExtendWith(DevStackExtension.class)
class RegistryTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;

    @BeforeAll
    static void makeKeyMaterial() throws Exception {
        keypair("server.p12", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        keypair("elsewhere.p12", "CN=registry.example", "SAN=dns:registry.example");
        keypair("client.p12", "CN=newspipe-client", null);
        trust("server.p12", "client-trust.p12");
        trust("elsewhere.p12", "client-trust.p12");
        trust("client.p12", "server-trust.p12");
    }

    private static void keypair(String store, String dname, String san) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", store,
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args);
    }

    /** Adds the certificate of {@code from} to the truststore {@code to} (created when missing). */
    private static void trust(String from, String to) throws Exception {
        String pem = from + ".pem";
        keytool(List.of("-exportcert", "-alias", "key", "-keystore", from, "-storepass", PASSWORD, "-rfc", "-file",
                pem));
        keytool(List.of("-importcert", "-noprompt", "-alias", from, "-file", pem, "-keystore", to, "-storetype",
                "PKCS12", "-storepass", PASSWORD));
    }

    private static void keytool(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(keys.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args, output).isZero();
    }

    private static KeyStore load(String store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve(store))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** The registry's side: its own key, and (for mutual TLS) trust in the client certificate. */
    private static SSLContext serverContext(String keyStore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("server-trust.p12"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static SchemaRegistryServer httpsRegistry(DevStack stack, String keyStore, boolean clientAuth)
            throws Exception {
        return new SchemaRegistryServer(SchemaRegistryServer.Config.defaults(stack.bootstrapServers())
                .withTopic("_schemas-tls-" + UUID.randomUUID().toString().substring(0, 8))
                .withTls(serverContext(keyStore), clientAuth)).start();
    }

    private static Map<String, Object> client(SchemaRegistryServer registry, String... pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_RETRIES, "0");
        m.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String[] truststore() {
        return new String[] {RegistryTls.TRUSTSTORE_LOCATION, keys.resolve("client-trust.p12").toString(),
                RegistryTls.TRUSTSTORE_PASSWORD, PASSWORD, RegistryTls.TRUSTSTORE_TYPE, "PKCS12"};
    }

    private static String[] join(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Serializes and deserializes one record through the registry with the given client config. */
    private static RawArticle roundTrip(Map<String, Object> config) {
        String topic = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        try (AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
                AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            return deserializer.deserialize(topic, serializer.serialize(topic, TestRecords.raw("tls-1")));
        }
    }

    @Test
    void givenAnHttpsRegistryAndItsCertificateInTheTruststore_whenRoundTripping_thenTheRecordComesBack(
            DevStack stack) throws Exception {
        try (SchemaRegistryServer registry = httpsRegistry(stack, "server.p12", false)) {
            assertThat(registry.url()).startsWith("https://");

            assertThat(roundTrip(client(registry, truststore())).getArticleId()).isEqualTo("tls-1");
        }
    }

    @Test
    void givenAnHttpsRegistryAndNoTruststore_whenSerializing_thenTheCertificateIsRefused(DevStack stack)
            throws Exception {
        try (SchemaRegistryServer registry = httpsRegistry(stack, "server.p12", false)) {
            assertThatThrownBy(() -> roundTrip(client(registry)))
                    .isInstanceOf(SerializationException.class)
                    .hasStackTraceContaining("SSLHandshakeException");
        }
    }

    @Test
    void givenARegistryAskingForAClientCertificate_whenTheKeystoreIsSetOrNot_thenOnlyWithItDoesItWork(
            DevStack stack) throws Exception {
        try (SchemaRegistryServer registry = httpsRegistry(stack, "server.p12", true)) {
            assertThatThrownBy(() -> roundTrip(client(registry, truststore())))
                    .isInstanceOf(SerializationException.class);

            RawArticle read = roundTrip(client(registry, join(truststore(),
                    RegistryTls.KEYSTORE_LOCATION, keys.resolve("client.p12").toString(),
                    RegistryTls.KEYSTORE_PASSWORD, PASSWORD, RegistryTls.KEYSTORE_TYPE, "PKCS12",
                    RegistryTls.KEY_PASSWORD, PASSWORD)));

            assertThat(read.getArticleId()).isEqualTo("tls-1");
        }
    }

    @Test
    void givenACertificateForAnotherHostName_whenHostNamesAreVerifiedOrNot_thenOnlyAnEmptyAlgorithmLetsItThrough(
            DevStack stack) throws Exception {
        try (SchemaRegistryServer registry = httpsRegistry(stack, "elsewhere.p12", false)) {
            assertThatThrownBy(() -> roundTrip(client(registry, truststore())))
                    .isInstanceOf(SerializationException.class)
                    .hasStackTraceContaining("SSLHandshakeException");

            RawArticle read = roundTrip(client(registry, join(truststore(),
                    RegistryTls.ENDPOINT_IDENTIFICATION_ALGORITHM, "")));

            assertThat(read.getArticleId()).isEqualTo("tls-1");
        }
    }

    @Test
    void givenAWrongTruststorePassword_whenConfigured_thenTheErrorNamesTheStore() throws IOException {
        Map<String, Object> config = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://127.0.0.1:1",
                RegistryTls.TRUSTSTORE_LOCATION, keys.resolve("client-trust.p12").toString(),
                RegistryTls.TRUSTSTORE_PASSWORD, "wrong", RegistryTls.TRUSTSTORE_TYPE, "PKCS12"));
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(config, false))
                .hasMessageContaining("client-trust.p12").hasMessageContaining(RegistryTls.TRUSTSTORE_LOCATION);
    }
}
