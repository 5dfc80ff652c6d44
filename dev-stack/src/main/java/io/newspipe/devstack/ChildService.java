package io.newspipe.devstack;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service running in its own child process: output (stdout and stderr) appended to its log file, readiness
 * read from its {@code /health/ready}, stopped with SIGTERM and, after a grace period, SIGKILL. The CLI's stack
 * supervises these; fault tests {@link #kill()} them the way an OOM killer or a lost host would.
 */
public final class ChildService implements Supervised, AutoCloseable {

    /** Tells the child which process started it, so it can stop itself when that process is gone. */
    public static final String PARENT_PID_ENV = "NEWSPIPE_PARENT_PID";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final String role;
    private final int instance;
    private final List<String> command;
    private final Path logFile;
    private final URI baseUrl;
    private Process process;
    private long startedNanos;

    /**
     * @param name    short name shown to the user (ingest, enrich, publish)
     * @param command the full command line of the child
     * @param logFile where its stdout and stderr are appended
     * @param baseUrl its HTTP base URL ({@code /health/ready} is polled there), or null when it serves none
     */
    public ChildService(String name, List<String> command, Path logFile, URI baseUrl) {
        this(name, name, 1, command, logFile, baseUrl);
    }

    /**
     * @param role     ingest, enrich or publish
     * @param instance its number among the instances of that role, from 1
     */
    public ChildService(String name, String role, int instance, List<String> command, Path logFile, URI baseUrl) {
        this.name = name;
        this.role = role;
        this.instance = instance;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.baseUrl = baseUrl;
    }

    /** Starts the process, or starts it again after it ended. */
    @Override
    public synchronized void start() throws IOException {
        launch();
    }

    /** Starts the process; returns this for chaining. */
    public synchronized ChildService launch() throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put(PARENT_PID_ENV, String.valueOf(ProcessHandle.current().pid()));
        startedNanos = System.nanoTime();
        process = pb.start();
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public int instance() {
        return instance;
    }

    @Override
    public String address() {
        return baseUrl == null ? "" : baseUrl.toString().replaceAll("/$", "");
    }

    @Override
    public Optional<Long> pid() {
        Process p = process();
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public synchronized Process process() {
        return process;
    }

    /** The process id of the current (or last) process. */
    public long processId() {
        return process().pid();
    }

    /** Seconds since {@link #start()}. */
    public double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The exit status once the process ended. */
    @Override
    public Optional<Integer> exitStatus() {
        Process p = process();
        return p == null || p.isAlive() ? Optional.empty() : Optional.of(p.exitValue());
    }

    /** True when GET /health/ready answers 200 right now. */
    @Override
    public boolean isReady() {
        if (baseUrl == null) {
            return process().isAlive();
        }
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(baseUrl.resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM (the service's shutdown hook closes it cleanly), then SIGKILL when it is still alive after grace. */
    public void stop(Duration grace, PrintWriter err) {
        signalStop();
        awaitStop(grace, err);
    }

    /** SIGKILL: no shutdown hook runs, no transaction is committed or aborted, no group is left. */
    public void kill() throws InterruptedException {
        Process p = process();
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** {@link #stop} with 30 s of grace, reporting a kill on standard error. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30), new PrintWriter(System.err, true));
    }

    /** Sends SIGTERM without waiting. */
    public void signalStop() {
        Process p = process();
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits up to grace for the process to end after {@link #signalStop()}, then SIGKILLs it. */
    public void awaitStop(Duration grace, PrintWriter err) {
        Process p = process();
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println(name + " did not stop within " + (grace.toMillis() < 1000 ? grace.toMillis() + " ms"
                        : grace.toSeconds() + " s") + " of SIGTERM; killing it (pid "
                        + p.pid() + ")");
                err.flush();
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
