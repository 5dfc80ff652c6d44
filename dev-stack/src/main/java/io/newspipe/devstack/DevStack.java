package io.newspipe.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.devstack.registry.SchemaRegistryServer;

/**
 * The embedded development stack: a real single-node KRaft Kafka broker plus the Kafka-backed Schema Registry.
 * Everything binds to 127.0.0.1. Data lives under {@code dataDir}, so a restarted stack keeps topics and schemas.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    /** @param kafkaPort 0 for a free port; @param registryPort 0 for a free port */
    public record Options(Path dataDir, int kafkaPort, int registryPort) {

        public static Options inDir(Path dataDir) {
            return new Options(dataDir, 0, 0);
        }
    }

    private final EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;
    private final Duration startTime;

    private DevStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, Duration startTime) {
        this.broker = broker;
        this.registry = registry;
        this.startTime = startTime;
    }

    /** Starts the broker, then the registry over it; returns once both answer. */
    public static DevStack start(Options options) {
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(options.dataDir(), options.kafkaPort(), 0, Map.of());
        broker.start();
        SchemaRegistryServer registry;
        try {
            registry = new SchemaRegistryServer(broker.bootstrapServers(), options.registryPort()).start();
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("DevStack up in {} ms: Kafka {} , Schema Registry {}", took.toMillis(), broker.bootstrapServers(),
                registry.url());
        return new DevStack(broker, registry, took);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public synchronized String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafkaBroker broker() {
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
        registry = new SchemaRegistryServer(broker.bootstrapServers(), port).start();
        return registry;
    }

    /** Stops the registry first (it is a Kafka client), then the broker. */
    @Override
    public synchronized void close() {
        try {
            registry.close();
        } finally {
            broker.stop();
        }
    }
}
