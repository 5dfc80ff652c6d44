package io.newspipe.cli.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.newspipe.devstack.ChildService;
import io.newspipe.devstack.Supervised;

/**
 * Runs the stack's processes and watches them: reports each one when it is ready, and notices one that ends while it
 * should be running. What happens then is the {@link Policy}:
 * <ul>
 *   <li>{@link Policy#STOP_ALL} (one broker, one instance of each service): {@link #awaitUnexpectedExit()} returns the
 *       first process that died, and the caller ({@code up}, {@code demo}) stops the rest and exits non-zero, so a
 *       half-running pipeline never looks healthy;</li>
 *   <li>{@link Policy#RESTART} (a cluster, or several instances): the others carry the load, so the dead process is
 *       started again after a backoff (1 s, doubling to 30 s; back to 1 s once a run lasted a minute), each step on its
 *       own status line.</li>
 * </ul>
 */
public final class Supervisor implements AutoCloseable {

    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A run at least this long was healthy: the next crash starts the backoff over. */
    static final Duration STABLE_RUN = Duration.ofMinutes(1);
    private static final long POLL_MS = 200;

    /** What to do when a process ends on its own. */
    public enum Policy { STOP_ALL, RESTART }

    /** A member's restart bookkeeping. */
    private static final class Watch {
        final Supervised member;
        final boolean ownProcess; // started (and stopped) by this supervisor
        long startedNanos = System.nanoTime();
        int restarts;
        int consecutiveCrashes;
        boolean restartPending;

        Watch(Supervised member, boolean ownProcess) {
            this.member = member;
            this.ownProcess = ownProcess;
        }
    }

    private final List<Watch> watches = new ArrayList<>();
    private final Map<Supervised, Watch> byMember = new ConcurrentHashMap<>();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Policy policy;
    private final CompletableFuture<Optional<ChildService>> firstUnexpectedExit = new CompletableFuture<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newspipe-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> changeListeners = new ArrayList<>();
    private volatile boolean stopping;

    public Supervisor(PrintWriter out, PrintWriter err) {
        this(out, err, Policy.STOP_ALL);
    }

    public Supervisor(PrintWriter out, PrintWriter err, Policy policy) {
        this.out = out;
        this.err = err;
        this.policy = policy;
        scheduler.scheduleWithFixedDelay(this::checkMembers, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    public Policy policy() {
        return policy;
    }

    /** Starts the child and watches it. */
    public ChildService start(ChildService child) throws IOException {
        child.launch();
        add(new Watch(child, true));
        return child;
    }

    /** Watches a process someone else started (a Kafka node); it is restarted under {@link Policy#RESTART}. */
    public void watch(Supervised member) {
        add(new Watch(member, false));
    }

    private synchronized void add(Watch w) {
        watches.add(w);
        byMember.put(w.member, w);
    }

    /** Called after a member was restarted (e.g. to rewrite the stack's status file). */
    public synchronized void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public synchronized List<ChildService> children() {
        return watches.stream().filter(w -> w.member instanceof ChildService).map(w -> (ChildService) w.member)
                .toList();
    }

    /** Every watched process, in the order they were added. */
    public synchronized List<Supervised> members() {
        return watches.stream().map(w -> w.member).toList();
    }

    /** How often the member was restarted. */
    public int restarts(Supervised member) {
        Watch w = byMember.get(member);
        return w == null ? 0 : w.restarts;
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
                if (status.isPresent() && policy == Policy.STOP_ALL) {
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
        return String.format(Locale.ROOT, "%-8s ready  %-24s (pid %d, %.1f s)", c.name(), c.address(),
                c.processId(), c.secondsSinceStart());
    }

    /** {@code enrich exited with status 1 — see DIR/logs/enrich.log} */
    public static String exitMessage(Supervised c, int status) {
        return c.name() + " exited with status " + status + " — see " + c.logFile();
    }

    /**
     * Blocks until a child ends on its own (returned; {@link Policy#STOP_ALL} only) or {@link #close()} begins
     * (empty).
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

    /** The child {@link #awaitUnexpectedExit()} would return, without waiting. */
    Optional<ChildService> awaitUnexpectedExitNow() {
        return firstUnexpectedExit.getNow(Optional.empty());
    }

    public boolean stopping() {
        return stopping;
    }

    private void checkMembers() {
        if (stopping) {
            return;
        }
        List<Watch> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(watches);
        }
        for (Watch w : snapshot) {
            Optional<Integer> status = w.member.exitStatus();
            if (status.isEmpty() || w.restartPending) {
                continue;
            }
            if (policy == Policy.STOP_ALL) {
                if (w.member instanceof ChildService c) {
                    firstUnexpectedExit.complete(Optional.of(c));
                }
                continue;
            }
            scheduleRestart(w, status.get());
        }
    }

    private void scheduleRestart(Watch w, int status) {
        double ranSeconds = (System.nanoTime() - w.startedNanos) / 1e9;
        if (ranSeconds >= STABLE_RUN.toSeconds()) {
            w.consecutiveCrashes = 0;
        }
        backOff(w, String.format(Locale.ROOT, "exited with status %d after %.1f s", status, ranSeconds));
    }

    private void backOff(Watch w, String what) {
        w.consecutiveCrashes++;
        long delayMs = Math.min(MAX_BACKOFF.toMillis(),
                FIRST_BACKOFF.toMillis() << Math.min(10, w.consecutiveCrashes - 1));
        w.restartPending = true;
        line(String.format(Locale.ROOT, "%-10s %s; restarting in %d s (restart %d) — see %s", w.member.name(), what,
                delayMs / 1000, w.restarts + 1, w.member.logFile()));
        scheduler.schedule(() -> restart(w), delayMs, TimeUnit.MILLISECONDS);
    }

    private void restart(Watch w) {
        if (stopping) {
            return;
        }
        try {
            w.member.start();
            w.restarts++;
            w.startedNanos = System.nanoTime();
            w.restartPending = false;
            line(String.format(Locale.ROOT, "%-10s restarted (pid %s, restart %d)", w.member.name(),
                    w.member.pid().map(String::valueOf).orElse("?"), w.restarts));
            List<Runnable> listeners;
            synchronized (this) {
                listeners = List.copyOf(changeListeners);
            }
            listeners.forEach(Runnable::run);
        } catch (IOException | RuntimeException e) {
            w.startedNanos = System.nanoTime();
            if (w.member.pid().isPresent()) {
                // launched but slow to answer (a loaded machine): it runs, so it is watched like any other
                w.restarts++;
                w.restartPending = false;
                line(String.format(Locale.ROOT, "%-10s restarted (pid %s, restart %d) but not ready yet: %s",
                        w.member.name(), w.member.pid().get(), w.restarts, e.getMessage()));
            } else {
                backOff(w, "could not be restarted (" + e.getMessage() + ")");
            }
        }
    }

    private void line(String s) {
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }

    /** SIGTERM to every child at once, then waits up to {@link #STOP_GRACE} for each, SIGKILL for stragglers. */
    @Override
    public void close() {
        stopping = true;
        scheduler.shutdownNow();
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
}
