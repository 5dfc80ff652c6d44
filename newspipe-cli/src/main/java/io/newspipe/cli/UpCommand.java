package io.newspipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

import io.newspipe.common.Shutdown;
import io.newspipe.devstack.DevStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the embedded stack and blocks until Ctrl-C / SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start newspipe on this machine and run until Ctrl-C.",
            "Kafka (a real single-node KRaft broker) and the Schema Registry run in this JVM; ingest, enrich and",
            "publish each run in their own child process ('newspipe service <name>'), as in production: a crash of",
            "one service does not take the others down with it, each has its own heap, and each can be killed and",
            "restarted on its own. Output of each service: <data-dir>/logs/<service>.log.",
            "The operator console runs beside them on --console-port (8090): pipeline, articles, dead letters, replay.",
            "When a service exits on its own, up reports it, stops the others and Kafka, and exits 1 — unless the",
            "stack has spares (--brokers or --replicas above 1): then the dead process is restarted with backoff",
            "(1 s doubling to 30 s) and each step is printed. './newspipe status' lists the processes.",
            "--brokers N runs N KRaft brokers, each in its own process, with topics at replication factor",
            "min(3, N) and min.insync.replicas 2 from three on; --replicas N runs N instances of each service",
            "(the first on its --*-port, the others on free ports).",
            "Ctrl-C / SIGTERM stops the services first (SIGTERM, then SIGKILL after 20 s), then Kafka.",
            "--infra starts only Kafka and the Schema Registry.",
            "Data stays under --data-dir, so a restart keeps topics, schemas and service state."})
final class UpCommand implements Callable<Integer> {

    /** System property the log4j2.xml file appender reads. */
    static final String LOG_DIR_PROPERTY = "newspipe.log.dir";
    static final String LOCK_FILE = "newspipe.lock";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static FileLock dataDirLock;

    @Spec
    CommandSpec spec;

    @Option(names = "--infra", description = "Start only Kafka and the Schema Registry (no services).")
    boolean infra;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./.newspipe",
            description = "Where Kafka logs, schemas and log files live. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema Registry port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    int registryPort;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Ingest HTTP API and health port. Default: ${DEFAULT-VALUE}.")
    int ingestPort;

    @Option(names = "--enrich-port", paramLabel = "PORT", defaultValue = "8082",
            description = "Enrich health/metrics port. Default: ${DEFAULT-VALUE}.")
    int enrichPort;

    @Option(names = "--publish-port", paramLabel = "PORT", defaultValue = "8083",
            description = "Publish health/metrics port. Default: ${DEFAULT-VALUE}.")
    int publishPort;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Kafka brokers: 1 runs in this JVM on --kafka-port; more run as a cluster of processes on "
                    + "free ports (kept in <data-dir>/kafka/cluster.properties). Default: ${DEFAULT-VALUE}.")
    int brokers;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
            description = "Instances of each service. Default: ${DEFAULT-VALUE}.")
    int replicas;

    @Option(names = "--console-port", paramLabel = "PORT", defaultValue = "8090",
            description = "Operator console port (pipeline, articles, dead letters, replay). Default: ${DEFAULT-VALUE}.")
    int consolePort;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the services may take to become ready. Default: ${DEFAULT-VALUE}.")
    int readyTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String portProblem = portProblem("Kafka", "--kafka-port", kafkaPort);
        if (portProblem == null) {
            portProblem = portProblem("Schema Registry", "--registry-port", registryPort);
        }
        if (kafkaPort == registryPort && kafkaPort != 0) {
            portProblem = "--kafka-port and --registry-port are both " + kafkaPort + "; choose two ports";
        }
        if (portProblem == null && !infra) {
            portProblem = servicePortProblem(List.of(kafkaPort, registryPort), ingestPort, enrichPort, publishPort);
        }
        if (portProblem == null && !infra) {
            portProblem = consolePortProblem(List.of(kafkaPort, registryPort, ingestPort, enrichPort, publishPort),
                    consolePort);
        }
        if (brokers < 1 || replicas < 1) {
            portProblem = "--brokers and --replicas must be at least 1 (got " + brokers + " and " + replicas + ")";
        }
        if (portProblem != null) {
            err.println("newspipe up: " + portProblem);
            return 1;
        }
        if (!infra) {
            return runFullStack(out, err, new FullStack.Ports(kafkaPort, registryPort, ingestPort, enrichPort,
                    publishPort, consolePort), new FullStack.Shape(brokers, replicas), "newspipe up");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Path logDir = dir.resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            err.println("newspipe up: cannot create data directory " + dir + ": " + e.getMessage());
            return 1;
        }
        String lockProblem = lockDataDir(dir);
        if (lockProblem != null) {
            err.println("newspipe up: " + lockProblem);
            return 1;
        }
        routeLogsTo(logDir);

        DevStack stack;
        try {
            stack = DevStack.start(new DevStack.Options(dir, kafkaPort, registryPort).withBrokers(brokers,
                    List.of("-Dlog4j2.configurationFile=" + ServiceCommand.SERVICE_LOG_CONFIG)));
        } catch (RuntimeException e) {
            err.println("newspipe up: could not start: " + rootMessage(e) + " (details in "
                    + logDir.resolve("newspipe.log") + ")");
            LogManager.getLogger(UpCommand.class).error("Start failed", e);
            return 1;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();

        Shutdown shutdown = Shutdown.install("newspipe-up");
        shutdown.onExit(() -> {
            out.println("Stopped. Data kept in " + dir);
            out.flush();
        });
        shutdown.onExit(() -> closeWithin(stack, STOP_TIMEOUT, err, dir));
        shutdown.onExit(() -> {
            out.println("Stopping...");
            out.flush();
        });

        out.println("Kafka: " + stack.bootstrapServers());
        out.println("Schema Registry: " + stack.schemaRegistryUrl());
        out.println("Data: " + dir + " (log: " + logDir.resolve("newspipe.log") + ")");
        out.println("Ready in " + sinceJvmStart + " ms (Kafka + Schema Registry " + stack.startTime().toMillis()
                + " ms). Press Ctrl-C to stop.");
        out.flush();
        shutdown.await();
        return 0;
    }

    /** Checks the three service ports: free, distinct, and not one of the infrastructure ports. */
    static String servicePortProblem(List<Integer> taken, int ingest, int enrich, int publish) {
        List<Integer> seen = new java.util.ArrayList<>(taken);
        String[][] named = {{"ingest", "--ingest-port"}, {"enrich", "--enrich-port"}, {"publish", "--publish-port"}};
        int[] ports = {ingest, enrich, publish};
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] <= 0) {
                return named[i][0] + " needs a fixed port (" + named[i][1] + " " + ports[i] + ")";
            }
            if (seen.contains(ports[i])) {
                return named[i][1] + " " + ports[i] + " is already used by another part of the stack; choose another";
            }
            seen.add(ports[i]);
            String problem = portProblem(named[i][0], named[i][1], ports[i]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** The console port: fixed, free, and none of the others. */
    static String consolePortProblem(List<Integer> taken, int console) {
        if (console <= 0) {
            return "the console needs a fixed port (--console-port " + console + ")";
        }
        if (taken.contains(console)) {
            return "--console-port " + console + " is already used by another part of the stack; choose another";
        }
        return portProblem("console", "--console-port", console);
    }

    /** 'up' without --infra: Kafka + registry here, the services as child processes; blocks until stopped. */
    private Integer runFullStack(PrintWriter out, PrintWriter err, FullStack.Ports ports, FullStack.Shape shape,
            String who) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path logDir = dir.resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            err.println(who + ": cannot create data directory " + dir + ": " + e.getMessage());
            return 1;
        }
        String lockProblem = lockDataDir(dir);
        if (lockProblem != null) {
            err.println(who + ": " + lockProblem);
            return 1;
        }
        routeLogsTo(logDir);
        FullStack stack;
        try {
            stack = FullStack.startInfra(dir, ports, shape, out, err);
        } catch (RuntimeException e) {
            err.println(who + ": could not start Kafka and the Schema Registry: " + rootMessage(e) + " (details in "
                    + logDir.resolve("newspipe.log") + ")");
            LogManager.getLogger(UpCommand.class).error("Start failed", e);
            return 1;
        }
        Shutdown shutdown = Shutdown.install("newspipe-up");
        shutdown.onExit(() -> {
            out.println("Stopped. Data kept in " + dir);
            out.flush();
        });
        shutdown.onExit(() -> closeWithin(stack.infra(), STOP_TIMEOUT, err, dir));
        shutdown.onExit(stack.supervisor());
        shutdown.onExit(() -> {
            out.println("Stopping the services, then Kafka...");
            out.flush();
        });
        out.println("Kafka            " + stack.infra().bootstrapServers() + (shape.brokers() > 1
                ? "  (" + shape.brokers() + " brokers, topics at replication factor " + stack.replicationFactor() + ")"
                : ""));
        out.println("Schema Registry  " + stack.infra().schemaRegistryUrl());
        out.println("Data             " + dir + "  (logs: " + logDir + ")");
        String what = ports.console() == FullStack.Ports.NO_CONSOLE ? "ingest, enrich and publish"
                : "ingest, enrich, publish and the console";
        out.println(shape.replicas() == 1 ? "Starting " + what + "..."
                : "Starting " + shape.replicas() + " instances each of ingest, enrich and publish, and the console...");
        out.flush();
        String problem = stack.startServices(Duration.ofSeconds(readyTimeoutSeconds));
        if (problem != null) {
            err.println(who + ": " + problem);
            err.flush();
            shutdown.closeNow();
            return 1;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.printf(java.util.Locale.ROOT, "Ready in %.1f s. Send articles: ./newspipe ingest FILE... "
                + "(POST %sv1/articles)%s. Press Ctrl-C to stop.%n", sinceJvmStart / 1000.0, stack.serviceUrl("ingest"),
                ports.console() == FullStack.Ports.NO_CONSOLE ? "" : "; console: " + stack.consoleUrl());
        out.flush();
        out.println("Processes: ./newspipe status" + (dir.equals(Path.of("./.newspipe").toAbsolutePath().normalize())
                ? "" : " --data-dir " + dir));
        out.flush();
        java.util.Optional<io.newspipe.devstack.ChildService> died = stack.supervisor().awaitUnexpectedExit();
        if (died.isPresent() && !stack.supervisor().stopping()) {
            io.newspipe.devstack.ChildService c = died.get();
            err.println(who + ": " + io.newspipe.cli.stack.Supervisor.exitMessage(c, c.exitStatus().orElse(-1))
                    + "; stopping the rest");
            err.flush();
            shutdown.closeNow();
            return 1;
        }
        shutdown.await();
        return 0;
    }

    /**
     * Two brokers on one data directory corrupt each other's metadata log, so the data directory is locked for the
     * life of this JVM (the OS releases the lock when the process dies, however it dies).
     *
     * @return a one-line explanation when another process holds the lock, else null
     */
    static String lockDataDir(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return "another newspipe is already running on " + dir + "; stop it first or use another --data-dir";
            }
            dataDirLock = lock; // held until the JVM exits
            return null;
        } catch (IOException e) {
            return "cannot lock " + lockFile + ": " + e.getMessage();
        }
    }

    /** Closes the stack; if that hangs (a broker that lost its controller can wait forever), exits anyway. */
    static void closeWithin(AutoCloseable stack, Duration timeout, PrintWriter err, Path dir) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException stoppedInTime) {
                return;
            }
            err.println("newspipe up: stopping did not finish within " + timeout.toSeconds()
                    + " s; exiting anyway (Kafka recovers its logs in " + dir + " on the next start)");
            err.flush();
            Runtime.getRuntime().halt(1);
        }, "newspipe-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            stack.close();
        } finally {
            watchdog.interrupt();
        }
    }

    /** A one-line explanation when the port cannot be bound on 127.0.0.1, else null. */
    static String portProblem(String what, String flag, int port) {
        if (port == 0) {
            return null;
        }
        if (port < 0 || port > 65535) {
            return what + " port " + port + " is not a port number (" + flag + ")";
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return null;
        } catch (BindException e) {
            return what + " port " + port + " is already in use (is newspipe already running?); choose another "
                    + "with " + flag;
        } catch (IOException e) {
            return "cannot check " + what + " port " + port + ": " + e.getMessage();
        }
    }

    /** Re-reads log4j2.xml with the file appender pointed into the data directory. */
    static void routeLogsTo(Path logDir) {
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        Configurator.reconfigure();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof BindException) {
                return "a port is already in use: " + t.getMessage();
            }
            if (t.getMessage() != null) {
                message = message == null ? t.getMessage() : message;
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
