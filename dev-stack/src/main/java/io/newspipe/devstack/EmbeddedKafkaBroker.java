package io.newspipe.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka node in KRaft combined mode (broker + controller), started in this JVM.
 *
 * <p>This is the only class that touches Kafka's non-public server classes ({@code kafka.tools.StorageTool},
 * {@code kafka.server.KafkaRaftServer}), so an upgrade of Kafka that moves them breaks in one place.
 * Both listeners bind to 127.0.0.1 only. Alone it is a one-node cluster; {@link KafkaCluster} runs several, each
 * in its own process ({@link BrokerProcess}), with internal topics replicated to min(3, nodes).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    /**
     * Where a node sits in its KRaft cluster: its id, the controller quorum (every node is a voter: {@code
     * 1@127.0.0.1:9301,2@...}), the cluster id all nodes are formatted with, and the cluster's size (internal topics are
     * replicated to min(3, size) nodes and need two in sync from three on).
     */
    public record Membership(int nodeId, String voters, String clusterId, int size) {
        public Membership {
            if (nodeId < 1 || size < 1) {
                throw new IllegalArgumentException("node id and cluster size start at 1: " + nodeId + ", " + size);
            }
        }

        static Membership single(int controllerPort) {
            return new Membership(1, "1@" + HOST + ":" + controllerPort, Uuid.randomUuid().toString(), 1);
        }

        /** Replication factor of internal and created topics for this cluster size. */
        public short replicationFactor() {
            return (short) Math.min(3, size);
        }

        /** min.insync.replicas for this cluster size: two of three, so one node may be down without losing writes. */
        public int minInSyncReplicas() {
            return size >= 3 ? 2 : 1;
        }
    }

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Membership membership;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    /**
     * @param dataDir        where the log directories live; reused across restarts, so topics survive
     * @param port           client port, 0 for a free one
     * @param controllerPort controller port, 0 for a free one
     * @param overrides      extra broker properties (tests use these for short timeouts)
     */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = controllerPort != 0 ? controllerPort : recordedControllerPort(this.dataDir);
        this.membership = Membership.single(this.controllerPort);
        this.overrides = Map.copyOf(overrides);
    }

    /** One node of a multi-node cluster: its ports are fixed by the cluster's layout, so restarts keep them. */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, Membership membership,
            Map<String, String> overrides) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.membership = membership;
        this.overrides = Map.copyOf(overrides);
    }

    public EmbeddedKafkaBroker(Path dataDir, int port) {
        this(dataDir, port, 0, Map.of());
    }

    /** Formats the storage directory on first use, starts the server and waits until it answers clients. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        Properties props = brokerProperties();
        formatIfNeeded(props);
        KafkaConfig config = new KafkaConfig(props, false);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        log.info("Kafka broker ready on {} (data in {})", bootstrapServers(), dataDir);
        return this;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int nodeId() {
        return membership.nodeId();
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker and waits for it; the data directory is kept, so {@link #start()} resumes it. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The controller port a formatted data directory was started with, or a free port for a new directory.
     * KRaft persists the voter endpoint at format time; a restart on another controller port leaves the
     * raft leader spinning on a voter set that no longer matches its listener, so the port must be stable.
     */
    private static int recordedControllerPort(Path dataDir) {
        Path configFile = dataDir.resolve("server.properties");
        if (Files.exists(configFile)) {
            Properties previous = new Properties();
            try (var in = Files.newInputStream(configFile)) {
                previous.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + configFile, e);
            }
            String voters = previous.getProperty("controller.quorum.voters", "");
            int colon = voters.lastIndexOf(':');
            if (colon > 0) {
                return Integer.parseInt(voters.substring(colon + 1).trim());
            }
        }
        return freePort();
    }

    private Properties brokerProperties() {
        Path logDir = dataDir.resolve("kafka-logs");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(membership.nodeId()));
        p.put("controller.quorum.voters", membership.voters());
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // Internal topics fit the cluster: one copy on one node, three (two in sync) from three nodes on.
        String rf = String.valueOf(membership.replicationFactor());
        String minIsr = String.valueOf(membership.minInSyncReplicas());
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("min.insync.replicas", minIsr);
        p.put("default.replication.factor", rf);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // Kafka's default, and needed on one node too: without it the node's broker registration outlives a stop, so on
        // restart it leads its partitions again from the old metadata for the ~9 s until the controller fences that old
        // session, and only then gets its listener up and leads them again. A transaction caught between PREPARE_COMMIT
        // and its markers at the stop was reloaded in that window, its markers could not be sent, it was unloaded and
        // reloaded; in the two failing CI runs of BrokerRestartFaultTest (of 6) it never completed, and enrich's offset
        // fetches waited on it for minutes. Fenced cleanly at the stop, the restarted node leads once its listener is
        // up: recovery after start fell from ~12 s to ~2 s (30 stop/starts under load). The controller stops after the
        // broker in this combined node, so the controlled shutdown (whose wait for the controller is hard-coded to 5
        // minutes) finds it up.
        p.put("controlled.shutdown.enable", "true");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.putAll(overrides);
        return p;
    }

    private void formatIfNeeded(Properties props) {
        Path logDir = dataDir.resolve("kafka-logs");
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path configFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "written by newspipe EmbeddedKafkaBroker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status;
            try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(new String[] {
                    "format", "--cluster-id", membership.clusterId(), "--config", configFile.toString()
                }, printStream);
            }
            if (status != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed (status "
                        + status + "): " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka storage in " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrapServers()
                                + " did not become ready within " + timeout, e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    /** A port free on 127.0.0.1 right now ({@link LocalPorts#free()}). */
    public static int freePort() {
        return LocalPorts.free();
    }
}
