package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.newspipe.cli.DockerComposeContractTest.ExpectedService;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.Setting;

/**
 * deploy/kubernetes cannot be applied here (no cluster), so this test holds the manifests to the code, as
 * {@link DockerComposeContractTest} does for the compose file: each service runs as the right kind of workload
 * (ingest a Deployment; enrich and publish StatefulSets with a volume at their state directory), on the port it
 * listens on, probed on its health endpoints, with only settings it reads, from the image compose builds. Each rule
 * is also shown to fail on a broken copy.
 */
class KubernetesManifestContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static List<ObjectNode> manifests;
    /** Service name to the image docker-compose builds for it. */
    private static final Map<String, String> COMPOSE_IMAGES = new LinkedHashMap<>();

    @BeforeAll
    static void readManifests() throws IOException {
        Path root = DockerComposeContractTest.repositoryRoot();
        manifests = read(root.resolve("deploy/kubernetes"));
        YAML.readTree(root.resolve("docker-compose.yml").toFile()).path("services").fields()
                .forEachRemaining(e -> COMPOSE_IMAGES.put(e.getKey(), e.getValue().path("image").asText()));
    }

    @Test
    void givenTheRepositoryManifests_whenCheckedAgainstTheCode_thenTheyHaveNoViolations() {
        assertThat(violations(manifests)).isEmpty();
        assertThat(manifests).extracting(m -> m.path("kind").asText())
                .contains("Namespace", "ConfigMap", "Deployment", "StatefulSet", "Service");
    }

    @Test
    void givenAStreamsServiceAsADeployment_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        workload(copy, "enrich").put("kind", "Deployment");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("enrich").contains("StatefulSet"));
    }

    @Test
    void givenAStatefulSetWithoutAVolumeAtItsStateDir_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) container(workload(copy, "publish"))).remove("volumeMounts");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("publish").contains("state"));
    }

    @Test
    void givenIngestWithoutAVolumeAtItsStateDir_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) container(workload(copy, "ingest"))).remove("volumeMounts");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("ingest").contains("state dir"));
    }

    @Test
    void givenAProbeOnAnotherPath_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) container(workload(copy, "ingest")).path("readinessProbe").path("httpGet")).put("path", "/");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("ingest").contains("/health/ready"));
    }

    @Test
    void givenAContainerPortThatIsNotTheServicePort_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) container(workload(copy, "enrich")).path("ports").get(0)).put("containerPort", 9000);

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("enrich").contains("8082"));
    }

    @Test
    void givenASettingNoServiceReads_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) of(copy, "ConfigMap", "newspipe-config").path("data")).put("NEWSPIPE_BOOTSTRAP_SERVER", "x:9092");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("NEWSPIPE_BOOTSTRAP_SERVER"));
    }

    @Test
    void givenAnImageComposeDoesNotBuild_whenChecked_thenItIsReported() {
        List<ObjectNode> copy = copy();
        ((ObjectNode) container(workload(copy, "publish"))).put("image", "newspipe/publisher:dev");

        assertThat(violations(copy)).anySatisfy(v -> assertThat(v).contains("publish").contains("newspipe/publisher:dev"));
    }

    // ------------------------------------------------------------------------------------------------ the rules

    static List<String> violations(List<ObjectNode> docs) {
        List<String> found = new ArrayList<>();
        Map<String, String> shared = new LinkedHashMap<>();
        for (ObjectNode d : docs) {
            if (d.path("kind").asText().equals("ConfigMap")) {
                d.path("data").fields().forEachRemaining(e -> shared.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (ExpectedService expected : DockerComposeContractTest.PIPELINE_SERVICES) {
            String name = expected.name();
            JsonNode w = workload(docs, name);
            if (w == null) {
                found.add(name + ": no Deployment or StatefulSet named " + name);
                continue;
            }
            String wantKind = expected.streamsState() ? "StatefulSet" : "Deployment";
            if (!w.path("kind").asText().equals(wantKind)) {
                found.add(name + ": is a " + w.path("kind").asText() + ", should be a " + wantKind
                        + (expected.streamsState() ? " (its Streams state needs a volume of its own per instance)"
                                : " (it keeps no state of its own)"));
            }
            JsonNode c = container(w);
            Map<String, String> env = new LinkedHashMap<>(shared);
            c.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
            for (String variable : env.keySet()) {
                if (!PipelineConfig.isServiceEnvironmentVariable(variable)
                        && !expected.extraEnvironment().contains(variable)) {
                    found.add(name + ": sets " + variable + ", which the service does not read");
                }
            }
            if (!"0.0.0.0".equals(env.get(Setting.HTTP_BIND_ADDRESS.environmentVariable()))) {
                found.add(name + ": " + Setting.HTTP_BIND_ADDRESS.environmentVariable() + " must be 0.0.0.0");
            }
            int port = expected.defaults().httpPort();
            List<Integer> ports = new ArrayList<>();
            c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
            if (!ports.contains(port)) {
                found.add(name + ": container ports " + ports + " but the service listens on " + port);
            }
            probe(found, name, c, "readinessProbe", "/health/ready");
            probe(found, name, c, "livenessProbe", "/health/live");
            String image = c.path("image").asText();
            String composeImage = COMPOSE_IMAGES.getOrDefault(name, "(none)").replaceAll(":[^:/]*$", "") + ":";
            if (!image.startsWith(composeImage)) {
                found.add(name + ": image " + image + " is not the " + composeImage + "* image docker-compose builds");
            }
            String stateDir = env.get(Setting.STATE_DIR.environmentVariable());
            if (expected.streamsState()) {
                List<String> claims = new ArrayList<>();
                w.path("spec").path("volumeClaimTemplates").forEach(t -> claims.add(t.path("metadata").path("name").asText()));
                boolean mounted = false;
                for (JsonNode m : c.path("volumeMounts")) {
                    mounted |= m.path("mountPath").asText().equals(stateDir) && claims.contains(m.path("name").asText());
                }
                if (stateDir == null || !mounted) {
                    found.add(name + ": no volume claim mounted at its state dir " + stateDir);
                }
            }
            if (expected.indexState()) {
                List<String> volumes = new ArrayList<>();
                w.path("spec").path("template").path("spec").path("volumes")
                        .forEach(v -> volumes.add(v.path("name").asText()));
                boolean mounted = false;
                for (JsonNode m : c.path("volumeMounts")) {
                    mounted |= m.path("mountPath").asText().equals(stateDir) && volumes.contains(m.path("name").asText());
                }
                if (stateDir == null || !mounted) {
                    found.add(name + ": no volume mounted at its state dir " + stateDir + " (its article index store "
                            + "would be in the container's /tmp)");
                }
            }
            if (of(docs, "Service", name) == null) {
                found.add(name + ": no Service named " + name);
            }
        }
        return found;
    }

    private static void probe(List<String> found, String name, JsonNode c, String kind, String path) {
        JsonNode get = c.path(kind).path("httpGet");
        String port = get.path("port").asText();
        boolean portOk = port.equals("http") || port.equals(String.valueOf(c.path("ports").path(0).path("containerPort").asInt()));
        if (!get.path("path").asText().equals(path) || !portOk) {
            found.add(name + ": " + kind + " must GET " + path + " on the http port, is " + get);
        }
    }

    private static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static ObjectNode workload(List<ObjectNode> docs, String name) {
        ObjectNode d = of(docs, "Deployment", name);
        return d != null ? d : of(docs, "StatefulSet", name);
    }

    private static ObjectNode of(List<ObjectNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
                && d.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static List<ObjectNode> copy() {
        return manifests.stream().map(ObjectNode::deepCopy).toList();
    }

    static List<ObjectNode> read(Path dir) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (var it = YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(f.toFile())) {
                    while (it.hasNext()) {
                        ObjectNode doc = it.next();
                        if (doc != null && doc.size() > 0) {
                            docs.add(doc);
                        }
                    }
                }
            }
        }
        return docs;
    }
}
