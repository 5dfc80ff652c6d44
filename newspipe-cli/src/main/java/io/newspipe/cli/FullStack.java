package io.newspipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.newspipe.cli.stack.ChildService;
import io.newspipe.cli.stack.Supervisor;
import io.newspipe.devstack.DevStack;

/**
 * The whole pipeline on one machine: Kafka and the Schema Registry in this JVM, and ingest, enrich and publish each
 * in its own child process ({@code java -cp <this class path> io.newspipe.cli.Newspipe service <name>}), with state
 * under {@code DIR/state/<service>} and output in {@code DIR/logs/<service>.log}. Shared by {@code up} and
 * {@code demo}.
 */
final class FullStack implements AutoCloseable {

    /** 0 for kafka/registry means a free port; the service ports must be real ports (see {@link #freePort()}). */
    record Ports(int kafka, int registry, int ingest, int enrich, int publish) {
    }

    private final DevStack infra;
    private final Supervisor supervisor;
    private final Ports ports;
    private final Path dataDir;

    private FullStack(DevStack infra, Supervisor supervisor, Ports ports, Path dataDir) {
        this.infra = infra;
        this.supervisor = supervisor;
        this.ports = ports;
        this.dataDir = dataDir;
    }

    /** Starts Kafka and the registry (in this JVM); the services follow with {@link #startServices}. */
    static FullStack startInfra(Path dataDir, Ports ports, PrintWriter out, PrintWriter err) {
        DevStack infra = DevStack.start(new DevStack.Options(dataDir, ports.kafka(), ports.registry()));
        return new FullStack(infra, new Supervisor(out, err), ports, dataDir);
    }

    /**
     * Starts the three service processes and waits until each answers /health/ready, printing a line per service.
     *
     * @return null when all are ready, else a one-line explanation
     */
    String startServices(Duration readyTimeout) {
        try {
            for (String name : ServiceCommand.SERVICES) {
                supervisor.start(new ChildService(name, childCommand(name), logFile(name), serviceUrl(name)));
            }
        } catch (IOException e) {
            return "cannot start a service process: " + e.getMessage();
        }
        return supervisor.awaitReady(readyTimeout);
    }

    List<String> childCommand(String name) {
        List<String> cmd = new ArrayList<>();
        Optional<String> setsid = setsid();
        // Own session: a Ctrl-C in the terminal reaches only 'up', which then stops the services before Kafka.
        setsid.ifPresent(cmd::add);
        cmd.add(javaExecutable());
        cmd.add("-XX:+ExitOnOutOfMemoryError"); // a service out of memory dies and is reported, not left half-alive
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Newspipe.class.getName());
        cmd.add("service");
        cmd.add(name);
        cmd.addAll(List.of("--bootstrap-servers", infra.bootstrapServers(),
                "--schema-registry-url", infra.schemaRegistryUrl(),
                "--http-port", String.valueOf(servicePort(name))));
        if (!name.equals("ingest")) {
            cmd.addAll(List.of("--state-dir", dataDir.resolve("state").resolve(name).toString()));
        } else {
            cmd.add("--allow-open-api"); // a local stack on 127.0.0.1; a token in INGEST_API_TOKEN is still required
        }
        return cmd;
    }

    Path logFile(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    int servicePort(String name) {
        return switch (name) {
            case "ingest" -> ports.ingest();
            case "enrich" -> ports.enrich();
            case "publish" -> ports.publish();
            default -> throw new IllegalArgumentException(name);
        };
    }

    URI serviceUrl(String name) {
        return URI.create("http://127.0.0.1:" + servicePort(name) + "/");
    }

    DevStack infra() {
        return infra;
    }

    Supervisor supervisor() {
        return supervisor;
    }

    /** Stops the services first (SIGTERM, up to 20 s, then SIGKILL), then the registry and Kafka. */
    @Override
    public void close() {
        try {
            supervisor.close();
        } finally {
            infra.close();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Optional<String> setsid() {
        for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(p))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A port free on 127.0.0.1 right now (the demo's default, so it does not collide with a running 'up'). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
