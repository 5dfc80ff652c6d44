package io.newspipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.newspipe.devstack.ChildService;
import io.newspipe.cli.stack.StackStatus;
import io.newspipe.devstack.Supervised;
import io.newspipe.console.ConsoleCommand;
import io.newspipe.cli.stack.Supervisor;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.KafkaCluster;

/**
 * The whole pipeline on one machine: Kafka (one broker in this JVM, or a cluster of broker processes) and the Schema
 * Registry in this JVM, and every instance of ingest, enrich and publish in its own child process ({@code java -cp
 * <this class path> io.newspipe.cli.Newspipe service <role>}), with state under {@code DIR/state/<name>} and output
 * in {@code DIR/logs/<name>.log}. Shared by {@code up} and {@code demo}. What runs where is written to
 * {@code DIR/stack.json} ({@link StackStatus}) for {@code newspipe status}.
 */
final class FullStack implements AutoCloseable {

    /**
     * 0 for kafka/registry means a free port; the service ports must be real ports (see {@link #freePort()}): the
     * first instance of each service uses its port, further instances free ones. {@code console} is the operator
     * console's port, or {@link #NO_CONSOLE} (demo runs none).
     */
    record Ports(int kafka, int registry, int ingest, int enrich, int publish, int console) {

        static final int NO_CONSOLE = -1;

        Ports(int kafka, int registry, int ingest, int enrich, int publish) {
            this(kafka, registry, ingest, enrich, publish, NO_CONSOLE);
        }
    }

    /** How many Kafka nodes and how many instances of each service. */
    record Shape(int brokers, int replicas) {
        static final Shape SINGLE = new Shape(1, 1);

        Shape {
            if (brokers < 1 || replicas < 1) {
                throw new IllegalArgumentException("brokers and replicas start at 1: " + brokers + ", " + replicas);
            }
        }

        /** With a spare of anything, a dead process is restarted; alone, it stops the stack (see Supervisor). */
        Supervisor.Policy policy() {
            return brokers > 1 || replicas > 1 ? Supervisor.Policy.RESTART : Supervisor.Policy.STOP_ALL;
        }
    }

    private final DevStack infra;
    private final Supervisor supervisor;
    private final Ports ports;
    private final Shape shape;
    private final Path dataDir;
    private final StackStatus status;

    private FullStack(DevStack infra, Supervisor supervisor, Ports ports, Shape shape, Path dataDir) {
        this.infra = infra;
        this.supervisor = supervisor;
        this.ports = ports;
        this.shape = shape;
        this.dataDir = dataDir;
        this.status = new StackStatus(dataDir);
    }

    /** One broker and one instance of each service. */
    static FullStack startInfra(Path dataDir, Ports ports, PrintWriter out, PrintWriter err) {
        return startInfra(dataDir, ports, Shape.SINGLE, out, err);
    }

    /** Starts Kafka and the registry; the services follow with {@link #startServices}. */
    static FullStack startInfra(Path dataDir, Ports ports, Shape shape, PrintWriter out, PrintWriter err) {
        DevStack infra = DevStack.start(new DevStack.Options(dataDir, ports.kafka(), ports.registry())
                .withBrokers(shape.brokers(), List.of("-Dlog4j2.configurationFile=" + ServiceCommand.SERVICE_LOG_CONFIG)));
        FullStack stack = new FullStack(infra, new Supervisor(out, err, shape.policy()), ports, shape, dataDir);
        infra.cluster().ifPresent(cluster -> {
            for (KafkaCluster.Node n : cluster.nodes()) {
                stack.supervisor.watch(new BrokerNode(cluster, n));
            }
        });
        stack.supervisor.onChange(stack::writeStatus);
        stack.writeStatus();
        return stack;
    }

    /**
     * Starts every service instance and waits until each answers /health/ready, printing a line per instance.
     *
     * @return null when all are ready, else a one-line explanation
     */
    String startServices(Duration readyTimeout) {
        try {
            for (String role : ServiceCommand.SERVICES) {
                for (int instance = 1; instance <= shape.replicas(); instance++) {
                    String name = instanceName(role, instance);
                    int port = instance == 1 ? servicePort(role) : freePort();
                    supervisor.start(new ChildService(name, role, instance, childCommand(role, name, port),
                            logFile(name), URI.create("http://127.0.0.1:" + port + "/")));
                }
            }
            if (ports.console() != Ports.NO_CONSOLE) {
                // beside the services, not after them: it is ready once Kafka answers, and shows them starting
                supervisor.start(new ChildService(ConsoleCommand.NAME, consoleCommand(), logFile(ConsoleCommand.NAME),
                        consoleUrl()));
            }
        } catch (IOException e) {
            return "cannot start a service process: " + e.getMessage();
        } finally {
            writeStatus();
        }
        return supervisor.awaitReady(readyTimeout);
    }

    /** {@code enrich} alone, {@code enrich-1}, {@code enrich-2} ... when there are several. */
    String instanceName(String role, int instance) {
        return shape.replicas() == 1 ? role : role + "-" + instance;
    }

    List<String> childCommand(String role, String name, int port) {
        List<String> cmd = javaCommand(role, port);
        cmd.addAll(List.of("--topic-replication-factor", String.valueOf(replicationFactor())));
        // every instance its own state: Streams stores, and ingest's copy of the article index
        cmd.addAll(List.of("--state-dir", dataDir.resolve("state").resolve(name).toString()));
        if (role.equals("ingest")) {
            cmd.add("--allow-open-api"); // a local stack on 127.0.0.1; a token in NEWSPIPE_API_TOKEN is still required
        }
        return cmd;
    }

    /** The console, pointed at every service instance's health endpoint; it reads NEWSPIPE_API_TOKEN from up's environment. */
    List<String> consoleCommand() {
        List<String> cmd = javaCommand(ConsoleCommand.NAME, ports.console());
        for (ChildService c : supervisor.children()) {
            cmd.addAll(List.of("--service", c.name() + "=" + c.address() + "/"));
        }
        return cmd;
    }

    URI consoleUrl() {
        return URI.create("http://127.0.0.1:" + ports.console() + "/");
    }

    private List<String> javaCommand(String role, int httpPort) {
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
        cmd.add(role);
        cmd.addAll(List.of("--bootstrap-servers", infra.bootstrapServers(),
                "--schema-registry-url", infra.schemaRegistryUrl(),
                "--http-port", String.valueOf(httpPort)));
        return cmd;
    }

    /** Replication factor of the topics the services create: min(3, brokers). */
    short replicationFactor() {
        return infra.cluster().map(KafkaCluster::replicationFactor).orElse((short) 1);
    }

    Path logFile(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    /** The configured port of a role's first instance. */
    int servicePort(String role) {
        return switch (role) {
            case "ingest" -> ports.ingest();
            case "enrich" -> ports.enrich();
            case "publish" -> ports.publish();
            default -> throw new IllegalArgumentException(role);
        };
    }

    URI serviceUrl(String role) {
        return URI.create("http://127.0.0.1:" + servicePort(role) + "/");
    }

    /** The base URLs of every instance of a role. */
    List<URI> instanceUrls(String role) {
        return supervisor.children().stream().filter(c -> c.role().equals(role))
                .map(c -> URI.create(c.address() + "/")).toList();
    }

    DevStack infra() {
        return infra;
    }

    Supervisor supervisor() {
        return supervisor;
    }

    Shape shape() {
        return shape;
    }

    private void writeStatus() {
        List<StackStatus.Entry> entries = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        if (infra.cluster().isEmpty()) {
            entries.add(new StackStatus.Entry("broker", 1, self, infra.bootstrapServers(), 0));
        }
        for (Supervised m : supervisor.members()) {
            if (m.role().equals("broker")) {
                entries.add(StackStatus.Entry.of(m, supervisor.restarts(m)));
            }
        }
        entries.add(new StackStatus.Entry("registry", 1, self, infra.schemaRegistryUrl(), 0));
        for (Supervised m : supervisor.members()) {
            if (!m.role().equals("broker")) {
                entries.add(StackStatus.Entry.of(m, supervisor.restarts(m)));
            }
        }
        status.write(self, entries);
    }

    /** Stops the services first (SIGTERM, up to 20 s, then SIGKILL), then the registry and Kafka. */
    @Override
    public void close() {
        try {
            supervisor.close();
        } finally {
            try {
                infra.close();
            } finally {
                status.delete();
            }
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
        return io.newspipe.devstack.LocalPorts.free();
    }

    /** A node of the Kafka cluster as the supervisor sees it: restarted through the cluster, which knows its ports. */
    private record BrokerNode(KafkaCluster cluster, KafkaCluster.Node node) implements Supervised {
        @Override
        public String name() {
            return "broker-" + node.id();
        }

        @Override
        public String role() {
            return "broker";
        }

        @Override
        public int instance() {
            return node.id();
        }

        @Override
        public String address() {
            return "127.0.0.1:" + node.port();
        }

        @Override
        public Path logFile() {
            return cluster.logFile(node.id());
        }

        @Override
        public Optional<Long> pid() {
            return cluster.pid(node.id());
        }

        @Override
        public Optional<Integer> exitStatus() {
            return cluster.crashStatus(node.id());
        }

        @Override
        public void start() {
            cluster.start(node.id());
        }

        @Override
        public boolean isReady() {
            return cluster.isRunning(node.id());
        }
    }
}
