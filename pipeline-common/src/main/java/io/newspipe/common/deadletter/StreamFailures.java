package io.newspipe.common.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one Streams application has failed at, shared by its exception handlers (which record) and its runner (which
 * backs off, reports readiness and exports metrics). Handlers are created by Kafka Streams from class names, so this
 * object reaches them through the Streams properties ({@link DeadLetterHandler#FAILURES_CONFIG}).
 *
 * <p>An environment problem or a bug stops a stream thread; the thread is replaced after a backoff that doubles
 * with each consecutive failure (1 s up to {@code maxBackoff}). The problem is current, and readiness DOWN, until a
 * retry has had time to run without failing again: the backoff plus {@link #SETTLE}.
 *
 * <p>Metrics: {@code newspipe_dead_letters_total{stage,kind}} and
 * {@code newspipe_stream_failures_total{stage,class}} (class {@code environment} or {@code bug}).
 */
public final class StreamFailures {

    /** How long a retry may take to get past the record that failed: a rebalance, restoring, the record itself. */
    static final Duration SETTLE = Duration.ofSeconds(15);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** Consecutive failures further apart than this are a new story: the backoff starts again from the first. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    /** The last failure that stopped a stream thread. */
    public record Failure(FailureClass failureClass, String where, String cause, Instant at, int consecutive,
            Duration backoff) {
    }

    private final String stage;
    private final Duration maxBackoff;
    private final Clock clock;
    private volatile Failure last;
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
    private final Map<FailureClass, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    public StreamFailures(String stage, Duration maxBackoff, Clock clock) {
        this.stage = stage;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    public StreamFailures(String stage, Duration maxBackoff) {
        this(stage, maxBackoff, Clock.systemUTC());
    }

    public String stage() {
        return stage;
    }

    /** A handler gave up on a record because of the environment or a bug; the thread will stop. */
    public synchronized void failed(FailureClass failureClass, String where, Throwable cause) {
        Instant now = clock.instant();
        Failure previous = last;
        int consecutive = previous != null && Duration.between(previous.at(), now).compareTo(FORGET_AFTER) < 0
                ? previous.consecutive() + 1 : 1;
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(consecutive - 1, 20));
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        last = new Failure(failureClass, where, describe(cause), now, consecutive, backoff);
        counter(failures, failureClass, "newspipe.stream.failures", "class",
                failureClass.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    /**
     * A stream thread died: the backoff to wait before it is replaced. A death no handler explained (an exception
     * outside record handling) counts as a bug.
     */
    public Duration threadDied(Throwable cause) {
        Failure f = last;
        if (f == null || Duration.between(f.at(), clock.instant()).compareTo(Duration.ofSeconds(5)) > 0) {
            failed(FailureClass.BUG, "stream thread", cause);
            f = last;
        }
        return f.backoff();
    }

    /** A record went to the dead-letter topic. */
    public void deadLettered(String kind) {
        counter(deadLetters, kind, "newspipe.dead.letters", "kind", kind).increment();
    }

    /** The failure processing is retrying after, while it is current. */
    public Optional<Failure> current() {
        Failure f = last;
        if (f == null || clock.instant().isAfter(f.at().plus(f.backoff()).plus(SETTLE))) {
            return Optional.empty();
        }
        return Optional.of(f);
    }

    /** For readiness: what is wrong, what is done about it. */
    public Optional<String> problem() {
        return current().map(f -> "retrying after " + (f.failureClass() == FailureClass.BUG ? "a bug" : "an "
                + "environment problem") + " (" + f.consecutive() + " in a row, backoff " + f.backoff().toSeconds()
                + " s) at " + f.where() + ": " + f.cause());
    }

    public long deadLetterCount(String kind) {
        LongAdder n = deadLetters.get(kind);
        return n == null ? 0 : n.sum();
    }

    public long failureCount(FailureClass failureClass) {
        LongAdder n = failures.get(failureClass);
        return n == null ? 0 : n.sum();
    }

    /** Exports the counters (those already counted and those to come) to the registry. */
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        deadLetters.forEach((kind, n) -> register("newspipe.dead.letters", "kind", kind, n));
        failures.forEach((c, n) -> register("newspipe.stream.failures", "class",
                c.name().toLowerCase(java.util.Locale.ROOT), n));
    }

    private <K> LongAdder counter(Map<K, LongAdder> counters, K key, String name, String tag, String value) {
        return counters.computeIfAbsent(key, k -> {
            LongAdder n = new LongAdder();
            register(name, tag, value, n);
            return n;
        });
    }

    private void register(String name, String tag, String value, LongAdder n) {
        MeterRegistry r = registry;
        if (r != null) {
            FunctionCounter.builder(name, n, LongAdder::doubleValue).tag("stage", stage).tag(tag, value)
                    .description(name.equals("newspipe.dead.letters")
                            ? "Records sent to the dead-letter topic, by pipeline stage and kind"
                            : "Stream threads stopped by an environment problem or a bug (records retried, not "
                                    + "dead-lettered)")
                    .register(r);
        }
    }

    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + abbreviate(message, 500));
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
