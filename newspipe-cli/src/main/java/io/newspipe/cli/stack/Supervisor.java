package io.newspipe.cli.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs child services and watches them: reports each one when it is ready, and reports a child that ends while it
 * should be running ("enrich exited with status 1 — see .../enrich.log") instead of letting it go missing.
 *
 * <p>The policy is all-or-nothing: {@link #awaitUnexpectedExit()} returns the first child that died, and the caller
 * ({@code up}, {@code demo}) stops the rest and exits non-zero, so a half-running pipeline never looks healthy.
 */
public final class Supervisor implements AutoCloseable {

    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<ChildService> children = new ArrayList<>();
    private final PrintWriter out;
    private final PrintWriter err;
    private final CompletableFuture<Optional<ChildService>> firstUnexpectedExit = new CompletableFuture<>();
    private volatile boolean stopping;

    public Supervisor(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Starts the child and watches for its exit. */
    public synchronized ChildService start(ChildService child) throws IOException {
        children.add(child.start());
        child.process().onExit().thenAccept(p -> {
            if (!stopping) {
                firstUnexpectedExit.complete(Optional.of(child));
            }
        });
        return child;
    }

    public synchronized List<ChildService> children() {
        return List.copyOf(children);
    }

    /**
     * Polls every child's readiness and prints one line per child as it becomes ready.
     *
     * @return null when all are ready, else a one-line explanation (a child died, or one was not ready in time)
     */
    public String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ChildService> waiting = new ArrayList<>(children());
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                ChildService c = it.next();
                Optional<Integer> status = c.exitStatus();
                if (status.isPresent()) {
                    return exitMessage(c, status.get());
                }
                if (c.isReady()) {
                    out.println(statusLine(c));
                    out.flush();
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                ChildService c = waiting.get(0);
                return c.name() + " was not ready within " + timeout.toSeconds() + " s — see " + c.logFile();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for the services";
            }
        }
        return null;
    }

    /** {@code ingest   ready  http://127.0.0.1:8080  (pid 1234, 3.1 s)} */
    static String statusLine(ChildService c) {
        return String.format(Locale.ROOT, "%-8s ready  %-24s (pid %d, %.1f s)", c.name(),
                c.baseUrl() == null ? "" : stripSlash(c.baseUrl().toString()), c.pid(), c.secondsSinceStart());
    }

    /** {@code enrich exited with status 1 — see DIR/logs/enrich.log} */
    public static String exitMessage(ChildService c, int status) {
        return c.name() + " exited with status " + status + " — see " + c.logFile();
    }

    /**
     * Blocks until a child ends on its own (returned) or {@link #close()} begins (empty).
     */
    public Optional<ChildService> awaitUnexpectedExit() {
        try {
            return firstUnexpectedExit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** SIGTERM to every child at once, then waits up to {@link #STOP_GRACE} for each, SIGKILL for stragglers. */
    @Override
    public void close() {
        stopping = true;
        firstUnexpectedExit.complete(Optional.empty());
        List<ChildService> all = children();
        for (ChildService c : all) {
            c.signalStop();
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ChildService c : all) {
            c.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), err);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
