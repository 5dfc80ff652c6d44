package io.newspipe.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A process of a local stack the CLI's supervisor watches: a service instance or a Kafka node. */
public interface Supervised {

    /** Shown to the user: {@code enrich}, {@code enrich-2}, {@code broker-1}. */
    String name();

    /** broker, registry, ingest, enrich or publish. */
    String role();

    /** 1-based instance number within its role. */
    int instance();

    /** Where it answers: a base URL for services, host:port for a broker. */
    String address();

    Path logFile();

    /** Its process id while it runs. */
    Optional<Long> pid();

    /** The exit status once it ended on its own; empty while it runs or after a restart began. */
    Optional<Integer> exitStatus();

    /** Starts it (again): returns once the process is launched; readiness is asked separately. */
    void start() throws IOException;

    /** True when it answers its health check right now. */
    boolean isReady();
}
