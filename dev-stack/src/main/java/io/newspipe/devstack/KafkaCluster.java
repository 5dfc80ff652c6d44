package io.newspipe.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real multi-node KRaft cluster on this machine: every node is broker and controller, each runs in its own JVM
 * ({@link BrokerProcess}), so {@link #kill} is a real crash. Node {@code N} keeps its data in {@code DIR/broker-N} and
 * writes its output to {@code DIR/logs/broker-N.log}. Ports and the cluster id are chosen on first start and kept in
 * {@code DIR/cluster.properties}: the controller quorum is fixed at format time, so a restart must reuse them.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final String LAYOUT_FILE = "cluster.properties";
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** One node's fixed place in the cluster. */
    public record Node(int id, int port, int controllerPort) {
    }

    private final Path dataDir;
    private final String clusterId;
    private final List<Node> nodes;
    private final List<String> jvmOptions;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    /** Held open: the child stops when this pipe closes (see {@link BrokerProcess}). */
    private final Map<Integer, OutputStream> lifelines = new LinkedHashMap<>();

    private KafkaCluster(Path dataDir, String clusterId, List<Node> nodes, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.clusterId = clusterId;
        this.nodes = List.copyOf(nodes);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Starts a cluster of {@code size} nodes in {@code dataDir} (a new one, or the one that directory already holds)
     * and returns once every node answers clients.
     */
    public static KafkaCluster start(Path dataDir, int size, List<String> jvmOptions) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
        }
        Path dir = dataDir.toAbsolutePath();
        boolean fresh = !Files.exists(dir.resolve(LAYOUT_FILE));
        for (int attempt = 1; ; attempt++) {
            KafkaCluster cluster = layout(dir, size, jvmOptions);
            long t0 = System.nanoTime();
            try {
                for (Node n : cluster.nodes) {
                    cluster.launch(n);
                }
                for (Node n : cluster.nodes) {
                    cluster.awaitReady(n, START_TIMEOUT);
                }
                log.info("Kafka cluster of {} nodes ready in {} ms on {}", size, (System.nanoTime() - t0) / 1_000_000,
                        cluster.bootstrapServers());
                return cluster;
            } catch (NodeStartException e) {
                cluster.close();
                // A port chosen free can be taken before the child JVM binds it (an outgoing connection's local port
                // comes from the same range). A new cluster has no fixed ports yet: lay it out again on others.
                if (fresh && e.portInUse && attempt < FRESH_START_ATTEMPTS) {
                    log.warn("Kafka node {} could not bind its port; laying the new cluster out on other ports "
                            + "(attempt {} of {})", e.nodeId, attempt + 1, FRESH_START_ATTEMPTS);
                    cluster.discardLayout();
                    continue;
                }
                throw e;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }

    private static final int FRESH_START_ATTEMPTS = 3;

    /** A node that ended before it was ready; the message carries the end of its log. */
    static final class NodeStartException extends IllegalStateException {
        final int nodeId;
        final boolean portInUse;

        NodeStartException(int nodeId, String message, boolean portInUse) {
            super(message);
            this.nodeId = nodeId;
            this.portInUse = portInUse;
        }
    }

    /** Removes what a fresh start wrote (layout, node data, logs), so the next try starts from nothing. */
    private void discardLayout() {
        List<Path> written = new ArrayList<>(List.of(dataDir.resolve(LAYOUT_FILE), dataDir.resolve("logs")));
        nodes.forEach(n -> written.add(dataDir.resolve("broker-" + n.id())));
        for (Path p : written) {
            if (!Files.exists(p)) {
                continue;
            }
            try (var paths = Files.walk(p)) {
                for (Path q : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + p + " to lay the cluster out again", e);
            }
        }
    }

    /** Every node's client address, comma-separated: clients find the others from any one that is up. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Replication factor topics should use on this cluster (min(3, nodes)). */
    public short replicationFactor() {
        return membership(nodes.get(0)).replicationFactor();
    }

    /** min.insync.replicas topics should use on this cluster. */
    public int minInSyncReplicas() {
        return membership(nodes.get(0)).minInSyncReplicas();
    }

    public Path logFile(int nodeId) {
        return dataDir.resolve("logs").resolve("broker-" + nodeId + ".log");
    }

    /** The node's process id while it runs. */
    public synchronized Optional<Long> pid(int nodeId) {
        Process p = processes.get(nodeId);
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    public synchronized boolean isRunning(int nodeId) {
        return pid(nodeId).isPresent();
    }

    /** The exit status of a node that ended on its own (a crash), while it is not restarted. */
    public synchronized Optional<Integer> crashStatus(int nodeId) {
        Process p = processes.get(nodeId);
        return p != null && !p.isAlive() ? Optional.of(p.exitValue()) : Optional.empty();
    }

    /** SIGKILL: the node dies at once, with no controlled shutdown, as in a machine crash. */
    public synchronized void kill(int nodeId) {
        Process p = processes.remove(nodeId);
        lifelines.remove(nodeId);
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, STOP_GRACE);
            log.info("Killed Kafka node {} (pid {})", nodeId, p.pid());
        }
    }

    /** SIGTERM, then waits for the node's controlled shutdown (SIGKILL after {@link #STOP_GRACE}). */
    public synchronized void stop(int nodeId) {
        Process p = processes.remove(nodeId);
        OutputStream lifeline = lifelines.remove(nodeId);
        if (p == null) {
            return;
        }
        p.destroy();
        if (!waitFor(p, STOP_GRACE)) {
            log.warn("Kafka node {} did not stop within {} s; killing it", nodeId, STOP_GRACE.toSeconds());
            p.destroyForcibly();
            waitFor(p, STOP_GRACE);
        }
        closeQuietly(lifeline);
    }

    /** Starts a stopped or killed node again and waits until it answers clients. */
    public synchronized void start(int nodeId) {
        Node n = node(nodeId);
        if (isRunning(nodeId)) {
            return;
        }
        launch(n);
        awaitReady(n, START_TIMEOUT);
    }

    /** Stops every node (in parallel: a node waits for the others' controllers during its controlled shutdown). */
    @Override
    public synchronized void close() {
        List<Integer> running = new ArrayList<>(processes.keySet());
        for (int id : running) {
            processes.get(id).destroy();
        }
        for (int id : running) {
            stop(id);
        }
    }

    private Node node(int nodeId) {
        return nodes.stream().filter(n -> n.id() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in a cluster of " + size()));
    }

    private EmbeddedKafkaBroker.Membership membership(Node n) {
        String voters = nodes.stream().map(v -> v.id() + "@127.0.0.1:" + v.controllerPort())
                .collect(Collectors.joining(","));
        return new EmbeddedKafkaBroker.Membership(n.id(), voters, clusterId, nodes.size());
    }

    private void launch(Node n) {
        Path log = logFile(n.id());
        try {
            Files.createDirectories(log.getParent());
            var m = membership(n);
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                    dataDir.resolve("broker-" + n.id()).toString(), String.valueOf(n.id()), String.valueOf(n.port()),
                    String.valueOf(n.controllerPort()), m.voters(), m.clusterId(), String.valueOf(m.size())));
            Files.writeString(log, "", StandardCharsets.UTF_8); // each start's output on its own: ready is read from it
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            processes.put(n.id(), p);
            lifelines.put(n.id(), p.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + n.id() + " (log " + log + ")", e);
        }
    }

    private void awaitReady(Node n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = logFile(n.id());
        while (true) {
            Process p = processes.get(n.id());
            try {
                if (Files.readString(log, StandardCharsets.UTF_8).contains(BrokerProcess.READY_LINE)) {
                    return;
                }
            } catch (IOException e) {
                // not written yet
            }
            if (p == null || !p.isAlive()) {
                List<String> lines = readLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                String all = String.join("\n", lines);
                throw new NodeStartException(n.id(), "Kafka node " + n.id() + " exited"
                        + (p == null ? "" : " with status " + p.exitValue()) + " before it was ready — see " + log
                        + (tail.isEmpty() ? "" : "; its last lines:\n" + tail),
                        all.contains("Address already in use") || all.contains("BindException"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka node " + n.id() + " was not ready within "
                        + timeout.toSeconds() + " s — see " + log);
            }
            sleep(100);
        }
    }

    /** The layout {@code dataDir} holds, or a new one with free ports. */
    private static KafkaCluster layout(Path dataDir, int size, List<String> jvmOptions) {
        Path file = dataDir.resolve(LAYOUT_FILE);
        Properties p = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
                int recorded = Integer.parseInt(p.getProperty("size"));
                if (recorded != size) {
                    throw new IllegalStateException(dataDir + " holds a cluster of " + recorded + " Kafka nodes, not "
                            + size + "; use that number or another data directory");
                }
            } else {
                p.setProperty("cluster.id", Uuid.randomUuid().toString());
                p.setProperty("size", String.valueOf(size));
                for (int id = 1; id <= size; id++) {
                    p.setProperty("node." + id + ".port", String.valueOf(EmbeddedKafkaBroker.freePort()));
                    p.setProperty("node." + id + ".controller.port", String.valueOf(EmbeddedKafkaBroker.freePort()));
                }
                try (var out = Files.newOutputStream(file)) {
                    p.store(out, "newspipe KafkaCluster layout: fixed at format time, kept across restarts");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
        List<Node> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            nodes.add(new Node(id, Integer.parseInt(p.getProperty("node." + id + ".port")),
                    Integer.parseInt(p.getProperty("node." + id + ".controller.port"))));
        }
        return new KafkaCluster(dataDir, p.getProperty("cluster.id"), nodes, jvmOptions);
    }

    /** The node's log, or nothing when it cannot be read (the error then names the file only). */
    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static boolean waitFor(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void closeQuietly(OutputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // the child is gone already
            }
        }
    }
}
