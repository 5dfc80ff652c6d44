package io.newspipe.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.devstack.registry.SchemaRegistryServer;

/**
 * The embedded development stack: real KRaft Kafka plus the Kafka-backed Schema Registry. One broker runs in this JVM
 * ({@link EmbeddedKafkaBroker}); several form a {@link KafkaCluster}, each node in its own process, with the registry's
 * store topic replicated like every other. Everything binds to 127.0.0.1. Data lives under {@code dataDir}, so a
 * restarted stack keeps topics and schemas.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    /**
     * @param kafkaPort    the in-JVM broker's port, 0 for a free one (a cluster chooses free ports itself)
     * @param registryPort 0 for a free port
     * @param brokers      1 for one broker in this JVM; more for a {@link KafkaCluster} of child processes
     * @param brokerJvmOptions JVM options of each cluster node's process (e.g. its logging configuration)
     */
    public record Options(Path dataDir, int kafkaPort, int registryPort, int brokers, List<String> brokerJvmOptions) {

        public Options {
            if (brokers < 1) {
                throw new IllegalArgumentException("brokers must be at least 1, got " + brokers);
            }
            brokerJvmOptions = List.copyOf(brokerJvmOptions);
        }

        public Options(Path dataDir, int kafkaPort, int registryPort) {
            this(dataDir, kafkaPort, registryPort, 1, List.of());
        }

        public static Options inDir(Path dataDir) {
            return new Options(dataDir, 0, 0);
        }

        public Options withBrokers(int n, List<String> jvmOptions) {
            return new Options(dataDir, kafkaPort, registryPort, n, jvmOptions);
        }
    }

    private final EmbeddedKafkaBroker broker;
    private final KafkaCluster cluster;
    private final String bootstrapServers;
    private SchemaRegistryServer registry;
    private final Duration startTime;

    private DevStack(EmbeddedKafkaBroker broker, KafkaCluster cluster, SchemaRegistryServer registry,
            Duration startTime) {
        this.broker = broker;
        this.cluster = cluster;
        this.bootstrapServers = broker != null ? broker.bootstrapServers() : cluster.bootstrapServers();
        this.registry = registry;
        this.startTime = startTime;
    }

    /** Starts Kafka, then the registry over it; returns once both answer. */
    public static DevStack start(Options options) {
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker broker = null;
        KafkaCluster cluster = null;
        short replicationFactor = 1;
        if (options.brokers() == 1) {
            broker = new EmbeddedKafkaBroker(options.dataDir(), options.kafkaPort(), 0, Map.of()).start();
        } else {
            cluster = KafkaCluster.start(options.dataDir().resolve("kafka"), options.brokers(),
                    options.brokerJvmOptions());
            replicationFactor = cluster.replicationFactor();
        }
        String bootstrap = broker != null ? broker.bootstrapServers() : cluster.bootstrapServers();
        SchemaRegistryServer registry;
        try {
            registry = new SchemaRegistryServer(SchemaRegistryServer.Config.defaults(bootstrap)
                    .withPort(options.registryPort()).withReplicationFactor(replicationFactor)).start();
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.stop();
            } else {
                cluster.close();
            }
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("DevStack up in {} ms: Kafka {} , Schema Registry {}", took.toMillis(), bootstrap, registry.url());
        return new DevStack(broker, cluster, registry, took);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How many Kafka nodes the stack runs. */
    public int brokers() {
        return cluster == null ? 1 : cluster.size();
    }

    /** The cluster of child-process nodes, when the stack runs more than one broker. */
    public java.util.Optional<KafkaCluster> cluster() {
        return java.util.Optional.ofNullable(cluster);
    }

    public synchronized String schemaRegistryUrl() {
        return registry.url();
    }

    /** The in-JVM broker of a one-broker stack. */
    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("this stack runs a cluster of " + cluster.size() + " nodes: use cluster()");
        }
        return broker;
    }

    public synchronized SchemaRegistryServer registry() {
        return registry;
    }

    /** How long {@link #start} took (broker + registry ready). */
    public Duration startTime() {
        return startTime;
    }

    /** Stops the registry and starts a fresh instance on the same port, rebuilt from the Kafka store topic. */
    public synchronized SchemaRegistryServer restartRegistry() {
        int port = registry.port();
        registry.close();
        registry = new SchemaRegistryServer(SchemaRegistryServer.Config.defaults(bootstrapServers).withPort(port)
                .withReplicationFactor(cluster == null ? 1 : cluster.replicationFactor())).start();
        return registry;
    }

    /** Stops the registry first (it is a Kafka client), then the broker. */
    @Override
    public synchronized void close() {
        try {
            registry.close();
        } finally {
            if (broker != null) {
                broker.stop();
            } else {
                cluster.close();
            }
        }
    }
}
