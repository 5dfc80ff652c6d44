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
            "--infra starts only Kafka (a real single-node KRaft broker) and the Schema Registry, in this JVM.",
            "Data stays under --data-dir, so a restart keeps topics and schemas."})
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!infra) {
            err.println("newspipe up: the full pipeline (ingest, enrich and publish services) is not here yet; it "
                    + "arrives with the services. For now run './newspipe up --infra' to start Kafka and the "
                    + "Schema Registry.");
            return 2;
        }
        String portProblem = portProblem("Kafka", "--kafka-port", kafkaPort);
        if (portProblem == null) {
            portProblem = portProblem("Schema Registry", "--registry-port", registryPort);
        }
        if (kafkaPort == registryPort && kafkaPort != 0) {
            portProblem = "--kafka-port and --registry-port are both " + kafkaPort + "; choose two ports";
        }
        if (portProblem != null) {
            err.println("newspipe up: " + portProblem);
            return 1;
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
            stack = DevStack.start(new DevStack.Options(dir, kafkaPort, registryPort));
        } catch (RuntimeException e) {
            err.println("newspipe up: could not start: " + rootMessage(e) + " (details in "
                    + logDir.resolve("newspipe.log") + ")");
            LogManager.getLogger(UpCommand.class).error("Start failed", e);
            return 1;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();

        Shutdown shutdown = Shutdown.install("newspipe-up");
        shutdown.onExit(() -> LogManager.shutdown()); // closed last: logs of the stop are kept
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
    private static void routeLogsTo(Path logDir) {
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        Configurator.reconfigure();
    }

    private static String rootMessage(Throwable e) {
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
