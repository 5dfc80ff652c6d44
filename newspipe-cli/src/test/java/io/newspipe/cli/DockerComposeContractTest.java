package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.newspipe.common.ApiToken;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.Setting;
import io.newspipe.common.StreamsApp;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicTable;
import io.newspipe.console.ConsoleCommand;
import io.newspipe.enrich.EnrichService;
import io.newspipe.ingest.IngestService;
import io.newspipe.publish.PublishService;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot be run on the development machines (no Docker engine), so this test holds it to the
 * code instead: the services get only settings they read, addresses that match the kafka and schema-registry
 * services, their own HTTP ports, Dockerfiles whose main class exists, and contract topic names. Each rule is also
 * shown to fail on a broken copy of the file. docs/asyncapi.yaml, the topic contract for downstream teams, is held
 * to the topic catalogue the same way.
 */
class DockerComposeContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What each pipeline service in the compose file must be, taken from the code.
     *
     * @param streamsState its state directory holds what only it has (Streams tasks' stores): a volume per instance
     *                     that outlives the instance
     * @param indexState   its state directory holds a local copy of a topic (ingest's article index): a volume keeps
     *                     restarts short, but losing it only costs a longer start
     */
    record ExpectedService(String name, ServiceDefaults defaults, Class<?> mainClass, Set<String> extraEnvironment,
            boolean streamsState, boolean indexState) {

        boolean needsStateDir() {
            return streamsState || indexState;
        }
    }

    static final List<ExpectedService> PIPELINE_SERVICES = List.of(
            new ExpectedService("ingest", IngestService.DEFAULTS, IngestService.class,
                    Set.of(ApiToken.ENV, ApiToken.ALLOW_OPEN_ENV), false, true),
            new ExpectedService("enrich", EnrichService.DEFAULTS, EnrichService.class, Set.of(), true, false),
            new ExpectedService("publish", PublishService.DEFAULTS, PublishService.class, Set.of(), true, false),
            // the operator console: Kafka and registry like the services, the ingest token, whose health it shows
            new ExpectedService(ConsoleCommand.NAME, ConsoleCommand.DEFAULTS, ConsoleCommand.class,
                    Set.of(ApiToken.ENV, ConsoleCommand.SERVICES_ENV, ConsoleCommand.LAG_GROUPS_ENV),
                    false, false));

    /** The services the cluster profile runs as several instances, each on all three brokers. */
    static final List<String> CLUSTER_SERVICES = List.of("ingest", "enrich", "publish");
    static final String CLUSTER_PROFILE = "cluster";
    static final int CLUSTER_BROKERS = 3;
    static final int CLUSTER_INSTANCES = 2;
    static final String CLUSTER_REPLICATION_FACTOR = "3";
    static final String CLUSTER_MIN_INSYNC_REPLICAS = "2";

    static final String KAFKA_SERVICE = "kafka";
    static final String REGISTRY_SERVICE = "schema-registry";

    /**
     * The version of the Kafka client jars the services run with, from the file AppInfoParser reads (the class itself
     * moved to an internals package in Kafka 4.4, the file did not).
     */
    static String kafkaVersion() {
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka/kafka-version.properties is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot;
    private static String composeText;

    @BeforeAll
    static void findRepository() throws IOException {
        repoRoot = repositoryRoot();
        composeText = Files.readString(repoRoot.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ the real file

    @Test
    void givenTheRepositoryComposeFile_whenCheckedAgainstTheCode_thenItHasNoViolations() throws IOException {
        List<String> violations = new ComposeContract(repoRoot).violations(YAML.readTree(composeText), composeText);

        assertThat(violations).isEmpty();
    }

    @Test
    void givenTheRepositoryComposeFile_whenParsed_thenAllFiveServicesAreThere() throws IOException {
        JsonNode services = YAML.readTree(composeText).path("services");

        assertThat(fieldNames(services)).contains(KAFKA_SERVICE, REGISTRY_SERVICE, "ingest", "enrich", "publish",
                ConsoleCommand.NAME);
    }

    // ------------------------------------------------------------------------------------------ each rule can fail

    @Test
    void givenAnEnvironmentVariableNoServiceReads_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "enrich").put("NEWSPIPE_BOOTSTRAP_SERVER", "kafka:9092"); // typo: missing S
        env(compose, "publish").put(ApiToken.ENV, "secret"); // ingest's own, publish ignores it

        assertThat(check(compose)).anySatisfy(v -> assertThat(v).contains("enrich").contains("NEWSPIPE_BOOTSTRAP_SERVER"))
                .anySatisfy(v -> assertThat(v).contains("publish").contains(ApiToken.ENV));
    }

    @Test
    void givenTheListFormOfEnvironment_whenAVariableIsUnknown_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        ArrayNode list = JSON.createArrayNode().add("NEWSPIPE_BOOTSTRAP_SERVERS=kafka:9092")
                .add("NEWSPIPE_SCHEMA_REGISTRY_URL=http://schema-registry:8081")
                .add("NEWSPIPE_HTTP_BIND_ADDRESS=0.0.0.0").add("NEWSPIPE_STATE_DIR=/var/lib/newspipe/state")
                .add("JAVA_OPTS=-Xmx1g");
        service(compose, "enrich").set("environment", list);

        assertThat(check(compose)).singleElement().asString().contains("enrich").contains("JAVA_OPTS");
    }

    @Test
    void givenAConsoleServiceUrlThatIsNoServiceOrPort_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, ConsoleCommand.NAME).put(ConsoleCommand.SERVICES_ENV,
                "ingest=http://ingest:8080,enrich=http://enricher:8082,publish=http://publish:8082");

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("console").contains("http://enricher:8082"))
                .anySatisfy(v -> assertThat(v).contains("console").contains("http://publish:8082").contains("8083"));
    }

    @Test
    void givenAKafkaImageOfAnotherVersion_whenChecked_thenTheVersionMismatchIsReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, KAFKA_SERVICE).put("image", "apache/kafka:3.9.1");

        assertThat(check(compose)).singleElement().asString().contains("3.9.1").contains(kafkaVersion());
    }

    @Test
    void givenBootstrapServersThatAreNotTheKafkaListener_whenChecked_thenTheyAreReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "ingest").put(Setting.BOOTSTRAP_SERVERS.environmentVariable(), "kafka:29092");
        env(compose, "enrich").put(Setting.BOOTSTRAP_SERVERS.environmentVariable(), "broker:9092");

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("ingest").contains("kafka:29092"))
                .anySatisfy(v -> assertThat(v).contains("enrich").contains("broker:9092"));
    }

    @Test
    void givenARegistryUrlOfAnotherHostOrPort_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "publish").put(Setting.SCHEMA_REGISTRY_URL.environmentVariable(), "http://registry:8081");
        env(compose, "ingest").put(Setting.SCHEMA_REGISTRY_URL.environmentVariable(), "http://schema-registry:8085");

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("publish").contains("http://registry:8081"))
                .anySatisfy(v -> assertThat(v).contains("ingest").contains("http://schema-registry:8085"));
    }

    @Test
    void givenAPublishedPortThatIsNotTheServicePort_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, "enrich").set("ports", JSON.createArrayNode().add("8082:9000"));

        assertThat(check(compose)).anySatisfy(v -> assertThat(v).contains("enrich").contains("8082"));
    }

    @Test
    void givenAHealthCheckOnAnotherPathOrPort_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        ((ObjectNode) service(compose, "publish").path("healthcheck")).set("test",
                JSON.createArrayNode().add("CMD-SHELL").add("curl -fsS http://localhost:8083/health/live"));

        assertThat(check(compose)).singleElement().asString().contains("publish").contains("/health/ready");
    }

    @Test
    void givenAServiceStartedBeforeKafkaIsHealthy_whenChecked_thenTheMissingConditionIsReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, "ingest").set("depends_on", JSON.createArrayNode().add(KAFKA_SERVICE).add(REGISTRY_SERVICE));

        assertThat(check(compose)).hasSize(2).allSatisfy(v -> assertThat(v).contains("ingest").contains("service_healthy"));
    }

    @Test
    void givenAStreamsServiceWithoutAVolumeForItsStateDir_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, "publish").remove("volumes");

        assertThat(check(compose)).singleElement().asString().contains("publish").contains("volume");
    }

    @Test
    void givenAMissingDockerfile_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        ((ObjectNode) service(compose, "enrich").path("build")).put("dockerfile", "enrich/Dockerfile");

        assertThat(check(compose)).singleElement().asString().contains("enrich/Dockerfile").contains("does not exist");
    }

    @Test
    void givenADockerfileNamingAMainClassThatDoesNotExist_whenChecked_thenItIsReported(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("ingest-service"));
        Files.writeString(dir.resolve("ingest-service/Dockerfile"), """
                FROM eclipse-temurin:17-jre
                EXPOSE 8080
                ENTRYPOINT ["java", "-cp", "/app/lib/*", \\
                            "io.newspipe.ingest.NoSuchService"]
                """);

        List<String> violations = new ComposeContract(dir).dockerfileViolations(PIPELINE_SERVICES.get(0),
                dir.resolve("ingest-service/Dockerfile"), List.of());

        assertThat(violations).singleElement().asString().contains("io.newspipe.ingest.NoSuchService");
    }

    @Test
    void givenADockerfileRunningTheWrongServiceOrNone_whenChecked_thenItIsReported(@TempDir Path dir)
            throws IOException {
        Path wrongService = dir.resolve("wrong.Dockerfile");
        Files.writeString(wrongService, "FROM x\nEXPOSE 8080\nENTRYPOINT [\"java\", \"-cp\", \"/app/lib/*\", \""
                + EnrichService.class.getName() + "\"]\n");
        Path wrongCommand = dir.resolve("cli.Dockerfile");
        Files.writeString(wrongCommand, "FROM x\nEXPOSE 8080\nENTRYPOINT [\"java\", \"-cp\", \"/app/lib/*\", \""
                + Newspipe.class.getName() + "\", \"no-such-command\", \"ingest\"]\n");
        Path noMain = dir.resolve("none.Dockerfile");
        Files.writeString(noMain, "FROM x\nEXPOSE 8080\nCMD [\"sleep\", \"infinity\"]\n");
        ComposeContract contract = new ComposeContract(dir);
        ExpectedService ingest = PIPELINE_SERVICES.get(0);

        assertThat(contract.dockerfileViolations(ingest, wrongService, List.of())).singleElement().asString()
                .contains(EnrichService.class.getName());
        assertThat(contract.dockerfileViolations(ingest, wrongCommand, List.of())).singleElement().asString()
                .contains("no-such-command");
        assertThat(contract.dockerfileViolations(ingest, noMain, List.of())).singleElement().asString()
                .contains("no main class");
    }

    @Test
    void givenKafkaAndTheRegistryPublishedOnEveryInterface_whenChecked_thenEachIsReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, KAFKA_SERVICE).set("ports", JSON.createArrayNode().add("9094:9094"));
        service(compose, REGISTRY_SERVICE).set("ports", JSON.createArrayNode().add("0.0.0.0:8081:8081"));

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains(KAFKA_SERVICE).contains("127.0.0.1"))
                .anySatisfy(v -> assertThat(v).contains(REGISTRY_SERVICE).contains("127.0.0.1"));
    }

    @Test
    void givenIngestOpenByDefaultOrWithoutTheHostsToken_whenChecked_thenBothAreReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "ingest").put(ApiToken.ALLOW_OPEN_ENV, "${NEWSPIPE_ALLOW_OPEN_API:-true}");
        env(compose, "ingest").remove(ApiToken.ENV);

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains(ApiToken.ALLOW_OPEN_ENV).contains("open"))
                .anySatisfy(v -> assertThat(v).contains(ApiToken.ENV));
    }

    @Test
    void givenNoMemoryLimitAndDockersDefaultStopGrace_whenChecked_thenBothAreReported() throws IOException {
        ObjectNode compose = realCompose();
        service(compose, "enrich").remove("mem_limit");
        service(compose, "publish").remove("stop_grace_period");

        assertThat(check(compose)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("enrich").contains("memory"))
                .anySatisfy(v -> assertThat(v).contains("publish").contains("stop_grace_period 10 s"));
    }

    @Test
    void givenTheClusterProfile_whenParsed_thenItHasThreeBrokersARegistryAndTwoInstancesOfEachService()
            throws IOException {
        JsonNode services = YAML.readTree(composeText).path("services");

        assertThat(fieldNames(services)).contains("kafka-1", "kafka-2", "kafka-3", "schema-registry-cluster",
                "ingest-1", "ingest-2", "enrich-1", "enrich-2", "publish-1", "publish-2");
        assertThat(services.path("ingest").path("profiles").isMissingNode()).as("the single stack is the default")
                .isTrue();
    }

    @Test
    void givenAClusterOfTwoBrokersOrANodeOutsideTheQuorum_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        ((ObjectNode) compose.path("services")).remove("kafka-3");

        assertThat(check(compose)).anySatisfy(v -> assertThat(v).contains("2 Kafka nodes").contains("expected 3"));

        ObjectNode other = realCompose();
        env(other, "kafka-2").put("KAFKA_CONTROLLER_QUORUM_VOTERS", "2@kafka-2:9093");
        env(other, "kafka-3").put("KAFKA_NODE_ID", "2");
        assertThat(check(other)).anySatisfy(v -> assertThat(v).contains("kafka-2").contains("lack 1@kafka-1:9093"))
                .anySatisfy(v -> assertThat(v).contains("not distinct"));
    }

    @Test
    void givenAClusterBrokerOrInstanceWithoutReplication_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "kafka-1").put("KAFKA_MIN_INSYNC_REPLICAS", "1");
        env(compose, "enrich-1").put(Setting.TOPIC_REPLICATION_FACTOR.environmentVariable(), "1");
        env(compose, "enrich-2").put(Setting.TOPIC_REPLICATION_FACTOR.environmentVariable(), "1");
        env(compose, "schema-registry-cluster").put("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1");

        assertThat(check(compose))
                .anySatisfy(v -> assertThat(v).contains("kafka-1").contains("KAFKA_MIN_INSYNC_REPLICAS"))
                .anySatisfy(v -> assertThat(v).contains("enrich-1")
                        .contains(Setting.TOPIC_REPLICATION_FACTOR.environmentVariable()))
                .anySatisfy(v -> assertThat(v).contains("schema-registry-cluster").contains("_schemas"));
    }

    @Test
    void givenOneInstanceOfAServiceOrInstancesSharingAStateVolume_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        ((ObjectNode) compose.path("services")).remove("publish-2");
        service(compose, "enrich-2").set("volumes", JSON.createArrayNode().add("enrich-1-state:/var/lib/newspipe/state"));

        assertThat(check(compose))
                .anySatisfy(v -> assertThat(v).contains("1 instance(s) of publish"))
                .anySatisfy(v -> assertThat(v).contains("enrich-2").contains("enrich-1-state"));
    }

    @Test
    void givenClusterInstancesOnOtherTopicsOrOnTheSingleBroker_whenChecked_thenItIsReported() throws IOException {
        ObjectNode compose = realCompose();
        env(compose, "publish-2").put(Setting.TOPIC_NAMES.environmentVariable(), "published=news.published.v1");
        env(compose, "ingest-1").put(Setting.BOOTSTRAP_SERVERS.environmentVariable(), "kafka:9092");

        assertThat(check(compose))
                .anySatisfy(v -> assertThat(v).contains("publish-2").contains("settings differ")
                        .contains(Setting.TOPIC_NAMES.environmentVariable()))
                .anySatisfy(v -> assertThat(v).contains("ingest-1").contains("kafka:9092")
                        .contains("not an advertised listener"));
    }

    @Test
    void givenAClusterBrokerPublishedOnEveryInterfaceOrAnOpenClusterIngest_whenChecked_thenItIsReported()
            throws IOException {
        ObjectNode compose = realCompose();
        service(compose, "kafka-2").set("ports", JSON.createArrayNode().add("19095:9094"));
        env(compose, "ingest-2").put(ApiToken.ALLOW_OPEN_ENV, "true");
        service(compose, "enrich-1").remove("mem_limit");

        assertThat(check(compose))
                .anySatisfy(v -> assertThat(v).contains("kafka-2").contains("127.0.0.1"))
                .anySatisfy(v -> assertThat(v).contains("ingest-2").contains(ApiToken.ALLOW_OPEN_ENV))
                .anySatisfy(v -> assertThat(v).contains("enrich-1").contains("memory"));
    }

    @Test
    void givenComposeDurations_whenParsed_thenTheyAddUp() {
        assertThat(ComposeContract.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ComposeContract.duration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ComposeContract.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void givenATopicNameOutsideTheContract_whenChecked_thenItIsReported() throws IOException {
        String text = composeText + "\n# consumers read news.published.v2\n";

        List<String> violations = new ComposeContract(repoRoot).violations(YAML.readTree(text), text);

        assertThat(violations).singleElement().asString().contains("news.published.v2");
    }

    @Test
    void givenASmallBrokenComposeFile_whenChecked_thenEveryProblemIsNamed() throws IOException {
        String text = """
                services:
                  kafka:
                    image: apache/kafka:latest
                    environment:
                      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
                  schema-registry:
                    image: confluentinc/cp-schema-registry:7.9.0
                    environment:
                      SCHEMA_REGISTRY_LISTENERS: http://0.0.0.0:8081
                  ingest:
                    environment:
                      BOOTSTRAP_SERVERS: kafka:9092
                """;

        List<String> violations = new ComposeContract(repoRoot).violations(YAML.readTree(text), text);

        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("apache/kafka:latest"))
                .anySatisfy(v -> assertThat(v).contains("ingest").contains("BOOTSTRAP_SERVERS"))
                .anySatisfy(v -> assertThat(v).contains("ingest").contains("build"))
                .anySatisfy(v -> assertThat(v).contains("enrich").contains("missing"))
                .anySatisfy(v -> assertThat(v).contains("publish").contains("missing"))
                .anySatisfy(v -> assertThat(v).contains("kafka").contains("healthcheck"));
    }

    // ------------------------------------------------------------------------------------------ docs/asyncapi.yaml

    @Test
    void givenTheAsyncApiDocument_whenComparedWithTheTopicTable_thenEveryTopicAndItsSettingsMatch() throws IOException {
        JsonNode asyncApi = YAML.readTree(repoRoot.resolve("docs/asyncapi.yaml").toFile());

        assertThat(asyncApiViolations(asyncApi, repoRoot.resolve("docs"))).isEmpty();
    }

    @Test
    void givenAnAsyncApiDocumentWithAWrongRetentionAMissingTopicAndAMissingSchema_whenChecked_thenEachIsReported()
            throws IOException {
        ObjectNode asyncApi = (ObjectNode) YAML.readTree(repoRoot.resolve("docs/asyncapi.yaml").toFile());
        ObjectNode channels = (ObjectNode) asyncApi.path("channels");
        ((ObjectNode) channels.path("raw").path("bindings").path("kafka").path("topicConfiguration"))
                .put("retention.ms", 604800000);
        channels.remove("kpis");
        ((ObjectNode) channels.path("roles").path("messages").path("PersonRoles"))
                .put("$ref", "#/components/messages/Story");
        ((ObjectNode) asyncApi.path("components").path("messages").path("EntityItem").path("payload")
                .path("schema")).put("$ref", "../schemas/src/main/avro/EntityItems.avsc");

        assertThat(asyncApiViolations(asyncApi, repoRoot.resolve("docs")))
                .anySatisfy(v -> assertThat(v).contains(TopicNames.RAW).contains("retention.ms"))
                .anySatisfy(v -> assertThat(v).contains(TopicNames.KPIS).contains("no channel"))
                .anySatisfy(v -> assertThat(v).contains(TopicNames.ROLES).contains("PersonRoles"))
                .anySatisfy(v -> assertThat(v).contains("EntityItems.avsc"));
    }

    // ------------------------------------------------------------------------------------------ README topic table

    @Test
    void givenTheReadmeTopicTable_whenComparedWithTheTopicTable_thenEveryContractTopicIsThereWithItsKeyValueAndRetention()
            throws IOException {
        String readme = Files.readString(repoRoot.resolve("README.md"));

        assertThat(readmeTopicTableViolations(readme)).isEmpty();
    }

    @Test
    void givenAReadmeWithAWrongRetentionAndAMissingTopic_whenChecked_thenEachIsReported() throws IOException {
        String readme = Files.readString(repoRoot.resolve("README.md"))
                .replaceFirst("(\\| `news\\.replay\\.v1` [^\\n]*)7 days", "$130 days")
                .replaceFirst("\\| `news\\.kpis\\.v1` [^\\n]*\\n", "");

        assertThat(readmeTopicTableViolations(readme))
                .anySatisfy(v -> assertThat(v).contains(TopicNames.REPLAY).contains("7 days"))
                .anySatisfy(v -> assertThat(v).contains(TopicNames.KPIS).contains("no row"));
    }

    /**
     * The README's topic table (rows "| `news.x.v1` | key | value | cleanup / retention | notes |") against the
     * contract rows of TopicTable: each is there, with its key, value type, cleanup policy and retention.
     */
    static List<String> readmeTopicTableViolations(String readme) {
        Map<String, String[]> documented = new LinkedHashMap<>();
        for (String line : readme.split("\n")) {
            Matcher m = Pattern.compile("^\\| `(news\\.[^`]+)` \\|(.*)$").matcher(line);
            if (m.find()) {
                documented.put(m.group(1), m.group(2).split("\\|"));
            }
        }
        List<String> violations = new ArrayList<>();
        TopicTable.all().stream().filter(TopicTable.Row::isContract).forEach(row -> {
            String[] cells = documented.get(row.defaultName());
            if (cells == null || cells.length < 3) {
                violations.add(row.defaultName() + ": no row in the README's topic table");
                return;
            }
            String value = row.isAvro() ? "`" + row.valueSchema().getName() + "`" : "bytes";
            String retention = row.retentionMs() == null ? "" : row.retentionMs() == -1 ? "retention.ms=-1"
                    : row.retentionMs() / (24L * 60 * 60 * 1000) + " days";
            if (!cells[0].contains(row.key())) {
                violations.add(row.defaultName() + ": key '" + cells[0].trim() + "', the table says " + row.key());
            }
            if (!cells[1].contains(value)) {
                violations.add(row.defaultName() + ": value '" + cells[1].trim() + "', the table says " + value);
            }
            if (!cells[2].contains(row.cleanup()) || !cells[2].contains(retention)) {
                violations.add(row.defaultName() + ": '" + cells[2].trim() + "', the table says " + row.cleanup()
                        + (retention.isEmpty() ? "" : ", " + retention));
            }
        });
        return violations;
    }

    /**
     * Channels against the contract rows of TopicTable: same topics, cleanup policy and retention, an Avro payload
     * whose schema is the row's value schema (a message per row's value type); Avro payloads exist.
     */
    static List<String> asyncApiViolations(JsonNode asyncApi, Path documentDir) {
        List<String> violations = new ArrayList<>();
        Map<String, TopicTable.Row<?, ?>> rows = new LinkedHashMap<>();
        TopicTable.all().stream().filter(TopicTable.Row::isContract).forEach(r -> rows.put(r.defaultName(), r));
        Set<String> documented = new LinkedHashSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            documented.add(topic);
            TopicTable.Row<?, ?> row = rows.get(topic);
            if (row == null) {
                violations.add("channel " + topic + " is not a contract topic of TopicTable " + rows.keySet());
                return;
            }
            JsonNode config = channel.path("bindings").path("kafka").path("topicConfiguration");
            String cleanup = row.cleanup();
            if (!config.path("cleanup.policy").path(0).asText().equals(cleanup)) {
                violations.add(topic + ": cleanup.policy " + config.path("cleanup.policy") + ", the table says "
                        + cleanup);
            }
            if (row.isAvro() && !channelCarries(asyncApi, documentDir, channel, row.valueSchema().getFullName())) {
                violations.add(topic + ": no message with the value schema " + row.valueSchema().getFullName());
            }
            String retention = row.configs().get("retention.ms");
            String documentedRetention = config.has("retention.ms") ? config.path("retention.ms").asText() : null;
            if (!Objects.equals(retention, documentedRetention)) {
                violations.add(topic + ": retention.ms " + documentedRetention + ", the table says " + retention);
            }
        });
        for (String topic : rows.keySet()) {
            if (!documented.contains(topic)) {
                violations.add(topic + ": no channel documents this topic");
            }
        }
        asyncApi.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("schema").path("$ref").asText("");
            if (ref.isEmpty()) {
                return; // not Avro (the dead letters' raw bytes)
            }
            Path avsc = documentDir.resolve(ref).normalize();
            if (!Files.isRegularFile(avsc)) {
                violations.add("message " + message.path("name").asText() + ": schema " + ref + " does not exist");
                return;
            }
            try {
                JsonNode schema = JSON.readTree(avsc.toFile());
                String className = schema.path("namespace").asText() + "." + schema.path("name").asText();
                Class.forName(className);
            } catch (IOException | ClassNotFoundException e) {
                violations.add("message " + message.path("name").asText() + ": schema " + ref
                        + " has no generated class: " + e);
            }
        });
        return violations;
    }

    /** Whether one of the channel's messages has a payload schema file whose record is {@code fullName}. */
    private static boolean channelCarries(JsonNode asyncApi, Path documentDir, JsonNode channel, String fullName) {
        for (JsonNode message : channel.path("messages")) {
            String name = message.path("$ref").asText("").replaceFirst("^#/components/messages/", "");
            String ref = asyncApi.path("components").path("messages").path(name).path("payload").path("schema")
                    .path("$ref").asText("");
            Path avsc = documentDir.resolve(ref).normalize();
            if (ref.isEmpty() || !Files.isRegularFile(avsc)) {
                continue;
            }
            try {
                JsonNode schema = JSON.readTree(avsc.toFile());
                if (fullName.equals(schema.path("namespace").asText() + "." + schema.path("name").asText())) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> check(JsonNode compose) {
        return new ComposeContract(repoRoot).violations(compose, composeText);
    }

    private static ObjectNode realCompose() throws IOException {
        return (ObjectNode) YAML.readTree(composeText);
    }

    private static ObjectNode service(ObjectNode compose, String name) {
        return (ObjectNode) compose.path("services").path(name);
    }

    private static ObjectNode env(ObjectNode compose, String service) {
        return (ObjectNode) service(compose, service).path("environment");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The directory holding docker-compose.yml: Maven runs tests in newspipe-cli, an IDE often in the root. */
    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docker-compose.yml")) && Files.isDirectory(d.resolve("newspipe-cli"))) {
                return d;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found in " + dir + " or above");
    }

    /** The rules, as a checker returning one readable line per violation (empty when the file is right). */
    static final class ComposeContract {

        private static final Pattern TOPIC_NAME = Pattern.compile("\\bnews\\.[A-Za-z0-9_-]+\\.v\\d+\\b");
        private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
        private static final Pattern HEREDOC = Pattern.compile("<<-?['\"]?([A-Za-z_]+)['\"]?");

        private final Path root;
        private final List<String> violations = new ArrayList<>();

        ComposeContract(Path root) {
            this.root = root;
        }

        /** The brokers and the registry a group of services talks to. */
        record Stack(List<String> brokers, String registry) {
        }

        static final Stack SINGLE = new Stack(List.of(KAFKA_SERVICE), REGISTRY_SERVICE);

        List<String> violations(JsonNode compose, String rawText) {
            violations.clear();
            JsonNode services = compose.path("services");
            checkKafka(KAFKA_SERVICE, services.path(KAFKA_SERVICE));
            checkRegistry(REGISTRY_SERVICE, services.path(REGISTRY_SERVICE));
            for (ExpectedService expected : PIPELINE_SERVICES) {
                JsonNode service = services.path(expected.name());
                if (service.isMissingNode()) {
                    violations.add(expected.name() + ": service missing");
                    continue;
                }
                checkPipelineService(expected, expected.name(), service, services, SINGLE);
            }
            checkConsoleTargets(services);
            checkTopicNames(rawText);
            checkSecureByDefault(services);
            checkClusterProfile(services);
            return List.copyOf(violations);
        }

        /**
         * The cluster profile: three combined broker/controller KRaft nodes in one quorum, Kafka's own topics at
         * replication factor 3 with min ISR 2, a registry on them, and at least two instances of each service with the
         * same settings (so the same topics and group), replication 3 / min ISR 2, a state volume each.
         */
        private void checkClusterProfile(JsonNode services) {
            List<String> brokers = new ArrayList<>();
            List<String> registries = new ArrayList<>();
            Map<String, List<String>> instances = new LinkedHashMap<>();
            services.fieldNames().forEachRemaining(name -> {
                JsonNode service = services.path(name);
                if (!profiles(service).contains(CLUSTER_PROFILE)) {
                    return;
                }
                String image = service.path("image").asText("");
                if (image.startsWith("apache/kafka:")) {
                    brokers.add(name);
                } else if (image.startsWith("confluentinc/cp-schema-registry:")) {
                    registries.add(name);
                } else {
                    instances.computeIfAbsent(name.replaceFirst("-\\d+$", ""), k -> new ArrayList<>()).add(name);
                }
            });
            if (brokers.size() != CLUSTER_BROKERS) {
                violations.add(CLUSTER_PROFILE + ": " + brokers.size() + " Kafka nodes " + brokers + ", expected "
                        + CLUSTER_BROKERS);
            }
            if (registries.size() != 1) {
                violations.add(CLUSTER_PROFILE + ": " + registries.size() + " schema registries " + registries
                        + ", expected 1");
                return;
            }
            Stack cluster = new Stack(brokers, registries.get(0));
            checkQuorum(services, brokers);
            checkRegistry(cluster.registry(), services.path(cluster.registry()));
            String registryStore = environment(services.path(cluster.registry()).path("environment"))
                    .getOrDefault("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "");
            if (!registryStore.equals(CLUSTER_REPLICATION_FACTOR)) {
                violations.add(cluster.registry() + ": _schemas replication factor '" + registryStore + "', expected "
                        + CLUSTER_REPLICATION_FACTOR);
            }
            for (String role : CLUSTER_SERVICES) {
                ExpectedService expected = PIPELINE_SERVICES.stream().filter(e -> e.name().equals(role)).findFirst()
                        .orElseThrow();
                List<String> names = instances.getOrDefault(role, List.of());
                if (names.size() < CLUSTER_INSTANCES) {
                    violations.add(CLUSTER_PROFILE + ": " + names.size() + " instance(s) of " + role + " " + names
                            + ", expected at least " + CLUSTER_INSTANCES);
                }
                Map<String, String> first = null;
                Set<String> stateVolumes = new LinkedHashSet<>();
                for (String name : names) {
                    JsonNode service = services.path(name);
                    checkPipelineService(expected, name, service, services, cluster);
                    Map<String, String> env = environment(service.path("environment"));
                    expectSetting(name, env, Setting.TOPIC_REPLICATION_FACTOR, CLUSTER_REPLICATION_FACTOR);
                    expectSetting(name, env, Setting.TOPIC_MIN_INSYNC_REPLICAS, CLUSTER_MIN_INSYNC_REPLICAS);
                    String bootstrap = env.getOrDefault(Setting.BOOTSTRAP_SERVERS.environmentVariable(), "");
                    if (bootstrap.split(",").length < brokers.size()) {
                        violations.add(name + ": bootstrap servers '" + bootstrap + "' do not name every broker "
                                + brokers + " (one down, and a restarting instance could not start)");
                    }
                    if (first == null) {
                        first = env;
                    } else if (!first.equals(env)) {
                        violations.add(name + ": settings differ from " + names.get(0) + "'s (instances of a service "
                                + "must share topics, application id and group): " + difference(first, env));
                    }
                    for (String volume : volumeSources(service.path("volumes"))) {
                        if (!stateVolumes.add(volume)) {
                            violations.add(name + ": volume " + volume + " is another instance's state volume "
                                    + "(Streams locks its state directory; each instance needs its own)");
                        }
                    }
                }
            }
        }

        private void expectSetting(String name, Map<String, String> env, Setting setting, String value) {
            String actual = env.get(setting.environmentVariable());
            if (!value.equals(actual)) {
                violations.add(name + ": " + setting.environmentVariable() + " is " + actual + ", the cluster "
                        + "profile needs " + value);
            }
        }

        /** Every node a combined broker/controller, all in one quorum of distinct ids, one cluster id, min ISR 2. */
        private void checkQuorum(JsonNode services, List<String> brokers) {
            Set<String> voters = new TreeSet<>();
            Set<String> clusterIds = new TreeSet<>();
            Set<String> nodeIds = new TreeSet<>();
            for (String broker : brokers) {
                JsonNode node = services.path(broker);
                checkKafka(broker, node);
                Map<String, String> env = environment(node.path("environment"));
                nodeIds.add(env.get("KAFKA_NODE_ID"));
                clusterIds.add(String.valueOf(env.get("CLUSTER_ID")));
                voters.add(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")));
                if (!"broker,controller".equals(env.get("KAFKA_PROCESS_ROLES"))) {
                    violations.add(broker + ": KAFKA_PROCESS_ROLES is " + env.get("KAFKA_PROCESS_ROLES")
                            + ", the cluster profile runs combined broker,controller nodes");
                }
                for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_DEFAULT_REPLICATION_FACTOR")) {
                    if (!CLUSTER_REPLICATION_FACTOR.equals(env.get(key))) {
                        violations.add(broker + ": " + key + " is " + env.get(key) + ", expected "
                                + CLUSTER_REPLICATION_FACTOR);
                    }
                }
                for (String key : List.of("KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
                    if (!CLUSTER_MIN_INSYNC_REPLICAS.equals(env.get(key))) {
                        violations.add(broker + ": " + key + " is " + env.get(key) + ", expected "
                                + CLUSTER_MIN_INSYNC_REPLICAS);
                    }
                }
                String id = env.get("KAFKA_NODE_ID");
                String voterList = String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
                for (String other : brokers) {
                    String otherId = environment(services.path(other).path("environment")).get("KAFKA_NODE_ID");
                    if (!List.of(voterList.split(",")).contains(otherId + "@" + other + ":9093")) {
                        violations.add(broker + ": quorum voters '" + voterList + "' lack " + otherId + "@" + other
                                + ":9093");
                    }
                }
                if (id == null) {
                    violations.add(broker + ": no KAFKA_NODE_ID");
                }
            }
            if (nodeIds.size() != brokers.size()) {
                violations.add(CLUSTER_PROFILE + ": node ids " + nodeIds + " are not distinct across " + brokers);
            }
            if (clusterIds.size() > 1) {
                violations.add(CLUSTER_PROFILE + ": the nodes have different CLUSTER_IDs " + clusterIds);
            }
        }

        private static Map<String, String> difference(Map<String, String> a, Map<String, String> b) {
            Map<String, String> diff = new TreeMap<>();
            Set<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String k : keys) {
                if (!Objects.equals(a.get(k), b.get(k))) {
                    diff.put(k, a.get(k) + " vs " + b.get(k));
                }
            }
            return diff;
        }

        private static Set<String> profiles(JsonNode service) {
            Set<String> names = new LinkedHashSet<>();
            service.path("profiles").forEach(p -> names.add(p.asText()));
            return names;
        }

        /**
         * Kafka, the registry and the Streams services' health ports reachable only from the compose network and the
         * host's 127.0.0.1; ingest's API published, but never without a token unless told it is a local test; a
         * memory limit on every container; stop grace periods longer than the clean shutdowns the code does.
         */
        private void checkSecureByDefault(JsonNode services) {
            for (String name : fieldNames(services)) {
                if (!isFamily(name, KAFKA_SERVICE) && !isFamily(name, REGISTRY_SERVICE) && !isFamily(name, "enrich")
                        && !isFamily(name, "publish")) {
                    continue;
                }
                for (JsonNode port : services.path(name).path("ports")) {
                    String published = port.isObject() ? port.path("host_ip").asText("") + ":" : port.asText();
                    if (!published.startsWith("127.0.0.1:")) {
                        violations.add(name + ": port " + port + " is published on every interface of the host; "
                                + "bind it to 127.0.0.1 (\"127.0.0.1:HOST:CONTAINER\")");
                    }
                }
            }
            for (String name : fieldNames(services)) {
                if (!isFamily(name, "ingest")) {
                    continue;
                }
                Map<String, String> ingest = environment(services.path(name).path("environment"));
                String token = ingest.get(ApiToken.ENV);
                if (token == null || !token.startsWith("${" + ApiToken.ENV)) {
                    violations.add(name + ": " + ApiToken.ENV + " must come from the host environment ("
                            + "${" + ApiToken.ENV + ":-}), got " + token);
                }
                String open = ingest.getOrDefault(ApiToken.ALLOW_OPEN_ENV, "false");
                if (open.equalsIgnoreCase("true") || open.contains(":-true")) {
                    violations.add(name + ": " + ApiToken.ALLOW_OPEN_ENV + " defaults to true ('" + open
                            + "'): the API would be open to anyone reaching the port");
                }
            }
            Map<String, Duration> shutdown = new LinkedHashMap<>();
            shutdown.put(KAFKA_SERVICE, Duration.ofSeconds(30));
            shutdown.put(REGISTRY_SERVICE, Duration.ofSeconds(10));
            shutdown.put("ingest", IngestService.Options.defaults().shutdownBound());
            shutdown.put("enrich", StreamsApp.DEFAULT_CLOSE_TIMEOUT);
            shutdown.put("publish", StreamsApp.DEFAULT_CLOSE_TIMEOUT);
            shutdown.put(ConsoleCommand.NAME, Duration.ofSeconds(5)); // its HTTP server and Kafka clients
            for (String name : fieldNames(services)) {
                Duration bound = shutdown.entrySet().stream().filter(e -> isFamily(name, e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                JsonNode service = services.path(name);
                if (bound == null) {
                    continue;
                }
                if (service.path("mem_limit").asText("").isEmpty()
                        && service.path("deploy").path("resources").path("limits").path("memory").asText("").isEmpty()) {
                    violations.add(name + ": no memory limit (mem_limit)");
                }
                Duration grace = duration(service.path("stop_grace_period").asText("10s"));
                Duration needed = bound.plus(SHUTDOWN_SLACK);
                if (grace.compareTo(needed) < 0) {
                    violations.add(name + ": stop_grace_period " + grace.toSeconds() + " s is shorter than its clean "
                            + "shutdown (" + bound.toSeconds() + " s) plus " + SHUTDOWN_SLACK.toSeconds()
                            + " s: Docker would SIGKILL it mid-shutdown");
                }
            }
        }

        /** {@code kafka}, {@code kafka-2}, {@code schema-registry-cluster}: the service or one of its instances. */
        private static boolean isFamily(String service, String family) {
            return service.equals(family) || service.matches(Pattern.quote(family) + "-(\\d+|cluster)");
        }

        /** Room beyond a service's own shutdown bound: the JVM exits, the HTTP server stops. */
        static final Duration SHUTDOWN_SLACK = Duration.ofSeconds(10);

        /** Compose durations: 45s, 1m30s, 500ms. */
        static Duration duration(String text) {
            Matcher m = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text);
            Duration total = Duration.ZERO;
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "ms" -> Duration.ofMillis(n);
                    default -> Duration.ofSeconds(n);
                });
            }
            return total;
        }

        /** The console's NAME=URL list must name compose services on the port each listens on. */
        private void checkConsoleTargets(JsonNode services) {
            String list = environment(services.path(ConsoleCommand.NAME).path("environment"))
                    .get(ConsoleCommand.SERVICES_ENV);
            if (list == null) {
                return; // the console's defaults are 127.0.0.1, which is wrong in a container, but absent is absent
            }
            for (String pair : list.split(",")) {
                String url = pair.substring(pair.indexOf('=') + 1).trim();
                URI uri = URI.create(url);
                ExpectedService target = PIPELINE_SERVICES.stream().filter(e -> e.name().equals(uri.getHost()))
                        .findFirst().orElse(null);
                if (target == null) {
                    violations.add(ConsoleCommand.NAME + ": " + ConsoleCommand.SERVICES_ENV + " names " + url
                            + ", which is not a service of this file");
                    continue;
                }
                Map<String, String> env = environment(services.path(target.name()).path("environment"));
                int port = env.containsKey(Setting.HTTP_PORT.environmentVariable())
                        ? Integer.parseInt(env.get(Setting.HTTP_PORT.environmentVariable()))
                        : target.defaults().httpPort();
                if (uri.getPort() != port) {
                    violations.add(ConsoleCommand.NAME + ": " + ConsoleCommand.SERVICES_ENV + " names " + url
                            + ", but " + target.name() + " listens on " + port);
                }
            }
        }

        private void checkKafka(String name, JsonNode kafka) {
            if (kafka.isMissingNode()) {
                violations.add(name + ": service missing");
                return;
            }
            String image = kafka.path("image").asText("");
            String expected = "apache/kafka:" + kafkaVersion();
            if (!image.equals(expected)) {
                violations.add(name + ": image '" + image + "' is not the Kafka version the services are "
                        + "built with; expected '" + expected + "'");
            }
            requireHealthcheck(name, kafka);
        }

        private void checkRegistry(String name, JsonNode registry) {
            if (registry.isMissingNode()) {
                violations.add(name + ": service missing");
                return;
            }
            requireHealthcheck(name, registry);
        }

        private void requireHealthcheck(String name, JsonNode service) {
            if (service.path("healthcheck").path("test").isMissingNode()) {
                violations.add(name + ": no healthcheck, so depends_on service_healthy would never start dependants");
            }
        }

        private void checkPipelineService(ExpectedService expected, String name, JsonNode service, JsonNode services,
                Stack stack) {
            Map<String, String> env = environment(service.path("environment"));

            for (String variable : env.keySet()) {
                if (!PipelineConfig.isServiceEnvironmentVariable(variable)
                        && !expected.extraEnvironment().contains(variable)) {
                    violations.add(name + ": sets " + variable + ", which the service does not read");
                }
            }

            String bootstrap = env.get(Setting.BOOTSTRAP_SERVERS.environmentVariable());
            Set<String> kafkaAddresses = new LinkedHashSet<>();
            stack.brokers().forEach(b -> kafkaAddresses.addAll(kafkaInNetworkAddresses(b, services.path(b))));
            if (bootstrap == null) {
                violations.add(name + ": " + Setting.BOOTSTRAP_SERVERS.environmentVariable()
                        + " missing (the default 127.0.0.1 is the container itself)");
            } else {
                for (String address : bootstrap.split(",")) {
                    if (!kafkaAddresses.contains(address.trim())) {
                        violations.add(name + ": bootstrap server " + address.trim()
                                + " is not an advertised listener of the Kafka service(s) " + kafkaAddresses);
                    }
                }
            }

            String registryUrl = env.get(Setting.SCHEMA_REGISTRY_URL.environmentVariable());
            if (registryUrl == null) {
                violations.add(name + ": " + Setting.SCHEMA_REGISTRY_URL.environmentVariable() + " missing");
            } else {
                URI uri = URI.create(registryUrl);
                int registryPort = registryPort(services.path(stack.registry()));
                if (!stack.registry().equals(uri.getHost()) || uri.getPort() != registryPort) {
                    violations.add(name + ": schema registry URL " + registryUrl + " is not the " + stack.registry()
                            + " service on its listener port " + registryPort);
                }
            }

            if (!"0.0.0.0".equals(env.get(Setting.HTTP_BIND_ADDRESS.environmentVariable()))) {
                violations.add(name + ": " + Setting.HTTP_BIND_ADDRESS.environmentVariable()
                        + " must be 0.0.0.0, else the published port and the health check cannot reach the service");
            }

            int httpPort = env.containsKey(Setting.HTTP_PORT.environmentVariable())
                    ? Integer.parseInt(env.get(Setting.HTTP_PORT.environmentVariable()))
                    : expected.defaults().httpPort();
            Set<Integer> containerPorts = containerPorts(service.path("ports"));
            if (!containerPorts.contains(httpPort)) {
                violations.add(name + ": publishes container ports " + containerPorts + " but the service listens on "
                        + httpPort);
            }
            String health = healthcheckText(service.path("healthcheck"));
            if (!health.contains(":" + httpPort + "/health/ready")) {
                violations.add(name + ": healthcheck '" + health + "' does not ask :" + httpPort + "/health/ready");
            }

            List<String> dependencies = new ArrayList<>(stack.brokers());
            dependencies.add(stack.registry());
            for (String dependency : dependencies) {
                String condition = service.path("depends_on").path(dependency).path("condition").asText("");
                if (!condition.equals("service_healthy")) {
                    violations.add(name + ": depends_on " + dependency + " needs condition service_healthy");
                }
            }

            String stateDir = env.get(Setting.STATE_DIR.environmentVariable());
            if (expected.needsStateDir() && stateDir == null) {
                violations.add(name + ": " + Setting.STATE_DIR.environmentVariable()
                        + " missing (Streams state would live in the container's /tmp)");
            }
            if (stateDir != null && !volumeTargets(service.path("volumes")).contains(stateDir)) {
                violations.add(name + ": no volume mounted at the state dir " + stateDir);
            }

            checkBuild(expected, service);
        }

        private void checkBuild(ExpectedService expected, JsonNode service) {
            JsonNode build = service.path("build");
            if (!build.isObject()) {
                violations.add(expected.name() + ": no build section with context and dockerfile");
                return;
            }
            Path context = root.resolve(build.path("context").asText(".")).normalize();
            if (!context.equals(root.normalize())) {
                violations.add(expected.name() + ": build context " + context
                        + " is not the repository root the Dockerfiles build from");
            }
            String dockerfile = build.path("dockerfile").asText("Dockerfile");
            Path file = context.resolve(dockerfile);
            if (!Files.isRegularFile(file)) {
                violations.add(expected.name() + ": Dockerfile " + dockerfile + " does not exist");
                return;
            }
            List<String> command = new ArrayList<>();
            service.path("command").forEach(n -> command.add(n.asText()));
            violations.addAll(dockerfileViolations(expected, file, command));
        }

        /**
         * The Dockerfile must start the expected service: its own main class, or {@code Newspipe service <name>}
         * with that sub-command really present. Its ENV must be settings the service reads, and it EXPOSEs the port.
         */
        List<String> dockerfileViolations(ExpectedService expected, Path dockerfile, List<String> composeCommand) {
            List<String> found = new ArrayList<>();
            String where = expected.name() + ": " + root.relativize(dockerfile);
            Map<String, String> instructions = new LinkedHashMap<>();
            List<String> envNames = new ArrayList<>();
            for (String instruction : instructions(dockerfile)) {
                String[] parts = instruction.split("\\s+", 2);
                String keyword = parts[0].toUpperCase();
                String argument = parts.length > 1 ? parts[1].trim() : "";
                instructions.put(keyword, argument); // the last ENTRYPOINT / CMD wins, as in Docker
                if (keyword.equals("ENV")) {
                    Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(argument);
                    while (m.find()) {
                        envNames.add(m.group(1));
                    }
                }
            }
            for (String variable : envNames) {
                if (!PipelineConfig.isServiceEnvironmentVariable(variable)
                        && !expected.extraEnvironment().contains(variable)) {
                    found.add(where + " sets ENV " + variable + ", which the service does not read");
                }
            }
            String port = String.valueOf(expected.defaults().httpPort());
            if (!List.of(instructions.getOrDefault("EXPOSE", "").split("\\s+")).contains(port)) {
                found.add(where + " does not EXPOSE " + port);
            }

            List<String> argv = new ArrayList<>(execForm(instructions.get("ENTRYPOINT")));
            argv.addAll(composeCommand.isEmpty() ? execForm(instructions.get("CMD")) : composeCommand);
            int mainIndex = -1;
            for (int i = 0; i < argv.size(); i++) {
                boolean classPathValue = i > 0 && List.of("-cp", "-classpath", "--class-path").contains(argv.get(i - 1));
                if (!classPathValue && CLASS_NAME.matcher(argv.get(i)).matches()) {
                    mainIndex = i;
                    break;
                }
            }
            if (mainIndex < 0) {
                found.add(where + " names no main class in ENTRYPOINT/CMD " + argv);
                return found;
            }
            String mainClass = argv.get(mainIndex);
            List<String> arguments = argv.subList(mainIndex + 1, argv.size());
            try {
                Class.forName(mainClass);
            } catch (ClassNotFoundException e) {
                found.add(where + " runs " + mainClass + ", which is not on the class path");
                return found;
            }
            if (mainClass.equals(Newspipe.class.getName())) {
                CommandLine command = new CommandLine(new Newspipe());
                List<String> path = List.of("service", expected.name());
                if (arguments.size() < 2 || !arguments.get(0).equals("service")
                        || !command.getSubcommands().containsKey("service")
                        || !arguments.get(1).equals(expected.name())) {
                    found.add(where + " runs '" + String.join(" ", arguments) + "' but should run 'newspipe "
                            + String.join(" ", path) + "'" + (command.getSubcommands().containsKey("service")
                                    ? "" : " (and newspipe has no 'service' command)"));
                }
            } else if (!mainClass.equals(expected.mainClass().getName())) {
                found.add(where + " runs " + mainClass + " instead of " + expected.mainClass().getName());
            }
            return found;
        }

        /** Instructions with continuation lines joined, comments and heredoc bodies skipped. */
        private static List<String> instructions(Path dockerfile) {
            List<String> lines;
            try {
                lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> result = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            String heredocEnd = null;
            for (String line : lines) {
                if (heredocEnd != null) {
                    if (line.strip().equals(heredocEnd)) {
                        heredocEnd = null;
                    }
                    continue;
                }
                String stripped = line.strip();
                if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (stripped.endsWith("\\")) {
                    current.append(stripped, 0, stripped.length() - 1).append(' ');
                    continue;
                }
                current.append(stripped);
                String instruction = current.toString().strip();
                current.setLength(0);
                Matcher heredoc = HEREDOC.matcher(instruction);
                if (heredoc.find()) {
                    heredocEnd = heredoc.group(1);
                }
                result.add(instruction);
            }
            return result;
        }

        private static List<String> execForm(String argument) {
            if (argument == null || argument.isBlank()) {
                return List.of();
            }
            try {
                List<String> argv = new ArrayList<>();
                JSON.readTree(argument).forEach(n -> argv.add(n.asText()));
                return argv;
            } catch (IOException e) { // shell form
                return List.of(argument.split("\\s+"));
            }
        }

        private void checkTopicNames(String rawText) {
            Set<String> known = contractTopicNames();
            Matcher m = TOPIC_NAME.matcher(rawText);
            Set<String> unknown = new TreeSet<>();
            while (m.find()) {
                if (!known.contains(m.group())) {
                    unknown.add(m.group());
                }
            }
            for (String topic : unknown) {
                violations.add("topic " + topic + " is not one of TopicTable " + known);
            }
        }

        /** The default name of every TopicTable row (so a topic added there is known here without an edit). */
        static Set<String> contractTopicNames() {
            Set<String> names = new LinkedHashSet<>();
            TopicTable.all().forEach(row -> names.add(row.defaultName()));
            return names;
        }

        /** host:port of a Kafka service's advertised listeners that use its own service name. */
        private static Set<String> kafkaInNetworkAddresses(String name, JsonNode kafka) {
            Set<String> addresses = new LinkedHashSet<>();
            String advertised = environment(kafka.path("environment")).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
            for (String listener : advertised.split(",")) {
                String address = listener.replaceFirst("^[A-Za-z_]+://", "").trim();
                if (address.startsWith(name + ":")) {
                    addresses.add(address);
                }
            }
            return addresses;
        }

        private static int registryPort(JsonNode registry) {
            String listeners = environment(registry.path("environment")).getOrDefault("SCHEMA_REGISTRY_LISTENERS", "");
            try {
                return URI.create(listeners.split(",")[0].trim()).getPort();
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }

        /** The environment in either compose form: a map, or a list of NAME=VALUE. */
        private static Map<String, String> environment(JsonNode node) {
            Map<String, String> env = new LinkedHashMap<>();
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                }
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    String[] kv = item.asText().split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : null);
                }
            }
            return env;
        }

        /** Container ports of the short ("8080:8080", "127.0.0.1:8080:8080/tcp") and long (target:) syntax. */
        private static Set<Integer> containerPorts(JsonNode ports) {
            Set<Integer> result = new TreeSet<>();
            for (JsonNode port : ports) {
                String target;
                if (port.isObject()) {
                    target = port.path("target").asText();
                } else {
                    String[] parts = port.asText().split(":");
                    target = parts[parts.length - 1].replaceFirst("/.*$", "");
                }
                try {
                    result.add(Integer.parseInt(target));
                } catch (NumberFormatException e) {
                    // a range or a variable: not a port this test can match
                }
            }
            return result;
        }

        /** Named volumes (or host paths) mounted. */
        private static Set<String> volumeSources(JsonNode volumes) {
            Set<String> sources = new LinkedHashSet<>();
            for (JsonNode volume : volumes) {
                sources.add(volume.isObject() ? volume.path("source").asText() : volume.asText().split(":")[0]);
            }
            return sources;
        }

        private static Set<String> volumeTargets(JsonNode volumes) {
            Set<String> targets = new LinkedHashSet<>();
            for (JsonNode volume : volumes) {
                if (volume.isObject()) {
                    targets.add(volume.path("target").asText());
                } else {
                    String[] parts = volume.asText().split(":");
                    targets.add(parts.length > 1 ? parts[1] : parts[0]);
                }
            }
            return targets;
        }

        private static String healthcheckText(JsonNode healthcheck) {
            JsonNode test = healthcheck.path("test");
            if (test.isArray()) {
                List<String> parts = new ArrayList<>();
                test.forEach(n -> parts.add(n.asText()));
                return String.join(" ", parts);
            }
            return test.asText("");
        }
    }
}
