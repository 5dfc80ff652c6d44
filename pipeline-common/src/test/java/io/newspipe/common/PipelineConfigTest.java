package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PipelineConfigTest {

    @Command(name = "test-service")
    static class TestService {
        @Mixin
        CommonOptions common;
    }

    private static final ServiceDefaults ENRICH = new ServiceDefaults("newspipe-enrich", 8082);

    private static PipelineConfig parse(Map<String, String> env, String... args) {
        TestService service = new TestService();
        new CommandLine(service).parseArgs(args);
        return service.common.toConfig(env, ENRICH);
    }

    @Test
    void givenNoFlagsAndNoEnvironment_whenResolved_thenCommonAndServiceDefaultsApply() {
        PipelineConfig config = parse(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.schemaRegistryUserInfo()).isEmpty();
        assertThat(config.applicationId()).isEqualTo("newspipe-enrich");
        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.httpBindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.topicName(TopicNames.LOGICAL_RAW)).isEqualTo("news.raw.v1");
        assertThat(config.errorTopic()).isEqualTo("news.dlq.v1");
        assertThat(config.topicPartitions()).isEqualTo(3);
        assertThat(config.topicReplicationFactor()).isEqualTo((short) 1);
        assertThat(config.valueSerde()).isEqualTo("io.newspipe.serde.SpecificAvroSerde");
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "newspipe-streams"));
    }

    @Test
    void givenEnvironmentOnly_whenResolved_thenEnvironmentBeatsDefaults() {
        PipelineConfig config = parse(Map.of(
                "NEWSPIPE_BOOTSTRAP_SERVERS", "kafka:29092",
                "NEWSPIPE_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "NEWSPIPE_APPLICATION_ID", "enrich-blue",
                "NEWSPIPE_TOPIC_NAMES", "raw=a, replay=b",
                "NEWSPIPE_HTTP_PORT", "9000",
                "NEWSPIPE_TOPIC_PARTITIONS", "6",
                "NEWSPIPE_STATE_DIR", "/var/lib/newspipe"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.applicationId()).isEqualTo("enrich-blue");
        assertThat(config.topicName(TopicNames.LOGICAL_RAW)).isEqualTo("a");
        assertThat(config.topicName(TopicNames.LOGICAL_REPLAY)).isEqualTo("b");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/newspipe"));
    }

    @Test
    void givenFlagAndEnvironment_whenResolved_thenFlagWins() {
        PipelineConfig config = parse(Map.of(
                        "NEWSPIPE_BOOTSTRAP_SERVERS", "from-env:9092",
                        "NEWSPIPE_HTTP_PORT", "9000",
                        "NEWSPIPE_TOPIC_NAMES", "dlq=env.dlq"),
                "--bootstrap-servers", "from-flag:9092", "--http-port", "9001", "--topic-name", "dlq=flag.dlq");

        assertThat(config.bootstrapServers()).isEqualTo("from-flag:9092");
        assertThat(config.httpPort()).isEqualTo(9001);
        assertThat(config.errorTopic()).isEqualTo("flag.dlq");
    }

    @Test
    void givenBlankEnvironmentValue_whenResolved_thenDefaultApplies() {
        PipelineConfig config = parse(Map.of("NEWSPIPE_BOOTSTRAP_SERVERS", " "));

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void givenKafkaEnvAndConfigFlags_whenResolved_thenBothReachKafkaPropertiesAndFlagWins() {
        PipelineConfig config = parse(Map.of(
                        "NEWSPIPE_KAFKA_SECURITY_PROTOCOL", "SSL",
                        "NEWSPIPE_KAFKA_LINGER_MS", "50"),
                "--config", "linger.ms=10", "--config", "auto.register.schemas=false");

        Properties kafka = config.kafkaProperties();
        assertThat(kafka).containsEntry("security.protocol", "SSL").containsEntry("linger.ms", "10");
        assertThat(config.serdeConfig()).containsEntry("auto.register.schemas", "false");
    }

    @Test
    void givenTopicRenames_whenResolved_thenCatalogNamesFollowAndDlqIsRenamedTheSameWay() {
        PipelineConfig config = parse(Map.of("NEWSPIPE_TOPIC_NAMES", "raw=team.raw,published=team.published"),
                "--topic-name", "published=flag.published", "--topic-name", "dlq=team.dlq");

        assertThat(config.topicName("raw")).isEqualTo("team.raw");
        assertThat(config.topicName("published")).isEqualTo("flag.published");
        assertThat(config.topicName("enriched")).isEqualTo(TopicNames.ENRICHED);
        assertThat(config.errorTopic()).isEqualTo("team.dlq");
    }

    @Test
    void givenARemovedTopicFlag_whenResolved_thenTheErrorNamesItsReplacement() {
        assertThatThrownBy(() -> parse(Map.of(), "--output-topic", "team.enriched"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--output-topic was removed: topics are renamed one way, with --topic-name enriched=NAME "
                        + "(enrich), --topic-name published=NAME (publish)");
        assertThatThrownBy(() -> parse(Map.of(), "--error-topic", "team.dlq"))
                .hasMessageContaining("--topic-name dlq=NAME");
    }

    @Test
    void givenARemovedTopicEnvironmentVariable_whenResolved_thenTheErrorNamesItsReplacement() {
        assertThatThrownBy(() -> parse(Map.of("NEWSPIPE_INPUT_TOPICS", "a,b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NEWSPIPE_INPUT_TOPICS was removed")
                .hasMessageContaining("--topic-name raw=NAME").hasMessageContaining("NEWSPIPE_TOPIC_NAMES");
    }

    @Test
    void givenUnknownLogicalTopic_whenResolved_thenErrorListsKnownTopics() {
        assertThatThrownBy(() -> parse(Map.of(), "--topic-name", "rawz=x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rawz")
                .hasMessageContaining("raw, enriched, published");
    }

    @Test
    void givenNonNumericPort_whenResolved_thenErrorNamesFlagAndEnvironmentVariable() {
        assertThatThrownBy(() -> parse(Map.of("NEWSPIPE_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--http-port / NEWSPIPE_HTTP_PORT")
                .hasMessageContaining("eighty");
    }

    @Test
    void givenUserInfoWithoutColon_whenResolved_thenRejected() {
        assertThatThrownBy(() -> parse(Map.of("NEWSPIPE_SCHEMA_REGISTRY_USER_INFO", "justauser")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user:password");
    }

    @Test
    void givenUserInfo_whenSerdeConfig_thenConfluentBasicAuthKeysAreSet() {
        PipelineConfig config = parse(Map.of(), "--schema-registry-user-info", "svc:secret",
                "--schema-registry-url", "https://sr.example:8081");

        assertThat(config.serdeConfig())
                .containsEntry("schema.registry.url", "https://sr.example:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "svc:secret")
                .containsEntry("auto.register.schemas", "true")
                .containsEntry("specific.avro.reader", "true");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void givenConfig_whenStreamsProperties_thenExactlyOnceV2LowLatencyAndDeadLetterTopic() {
        PipelineConfig config = parse(Map.of(), "--state-dir", "/tmp/x", "--topic-replication-factor", "3");

        Properties p = config.streamsProperties("enrich-green");
        assertThat(p)
                .containsEntry("application.id", "enrich-green")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("commit.interval.ms", "100")
                .containsEntry("main.consumer.session.timeout.ms", "10000")
                .containsEntry("state.dir", "/tmp/x")
                .containsEntry("replication.factor", "3")
                .containsEntry("errors.dead.letter.queue.topic.name", "news.dlq.v1")
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
    }

    @Test
    void givenConfig_whenProducerProperties_thenIdempotentWithAcksAll() {
        Properties p = parse(Map.of()).producerProperties("ingest");

        assertThat(p).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "ingest");
    }

    @Test
    void givenEnvironmentVariableList_whenChecked_thenEverySettingIsListedAndKafkaFamilyRecognized() {
        assertThat(PipelineConfig.ENVIRONMENT_VARIABLES)
                .contains("NEWSPIPE_BOOTSTRAP_SERVERS", "NEWSPIPE_SCHEMA_REGISTRY_URL",
                        "NEWSPIPE_SCHEMA_REGISTRY_USER_INFO", "NEWSPIPE_APPLICATION_ID", "NEWSPIPE_STATE_DIR",
                        "NEWSPIPE_HTTP_PORT", "NEWSPIPE_VALUE_SERDE", "NEWSPIPE_TOPIC_NAMES")
                .doesNotContain("NEWSPIPE_ERROR_TOPIC")
                .allMatch(name -> name.startsWith("NEWSPIPE_") && !name.contains("*"));
        assertThat(PipelineConfig.isServiceEnvironmentVariable("NEWSPIPE_KAFKA_SASL_MECHANISM")).isTrue();
        assertThat(PipelineConfig.isServiceEnvironmentVariable("NEWSPIPE_BOOTSTRAP_SERVER")).isFalse();
    }

    @Test
    void givenBuilder_whenToBuilderRoundTrip_thenEqualSettings() {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers("b:1").topicName("kpis", "k")
                .extraConfig("a", "b").httpPort(7).build();

        PipelineConfig copy = config.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.topicName("kpis")).isEqualTo("k");
    }
}
