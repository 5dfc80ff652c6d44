package io.newspipe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A newspipe service in its own JVM (the test's class path), so a test can SIGKILL it
 * ({@link Process#destroyForcibly()}) the way an OOM killer or a lost host would. Output goes to a log file.
 */
final class ChildService implements AutoCloseable {

    private final String mainClass;
    private final List<String> args;
    private final Path logFile;
    private Process process;

    ChildService(String mainClass, List<String> args, Path logFile) {
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
        this.logFile = logFile;
    }

    ChildService start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1"); // a short-lived child: start fast rather than peak
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mainClass, e);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook runs, no transaction is committed or aborted, no group is left. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(mainClass + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** Graceful stop (SIGTERM runs the service's shutdown hook), then SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
