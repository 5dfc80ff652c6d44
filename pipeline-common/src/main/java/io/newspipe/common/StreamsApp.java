package io.newspipe.common;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.common.deadletter.StreamFailures;

/**
 * Runs one Kafka Streams topology the way every newspipe Streams service runs it (after bakdata's
 * streams-bootstrap): ensure the topics, start, replace a thread that dies of an unexpected exception, report
 * readiness, stop within a timeout. {@link StreamsReset} makes a stopped app reprocess from scratch.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long the app may stay in REBALANCING before it is restarted. After a broker restart, Kafka Streams 4.4
     * sometimes rejoins without being fenced and then cannot read its committed offsets (UNSTABLE_OFFSET_COMMIT:
     * an open transaction holds them), 60 s per task, for minutes on end (BrokerRestartFaultTest, 2 runs of 19).
     * Restarting is what an operator would do: it closes the consumer and the producer, and the new instance
     * starts from the offsets once the coordinator has aborted the open transaction. Kafka Streams' own bound
     * (task.timeout.ms, 5 min) would replace the thread later. It did not clear the two later hangs (the pending
     * transaction outlived the restarts); those came from the embedded broker restarting without a controlled
     * shutdown (see EmbeddedKafkaBroker) and have not recurred since. Kept as the last resort.
     */
    public static final Duration DEFAULT_STUCK_REBALANCE_TIMEOUT = Duration.ofSeconds(60);
    /** A restart waits this long for the old instance to close: its thread may sit in a 60 s offset fetch. */
    private static final Duration RESTART_CLOSE_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Streams property: the longest wait, in ms, before a stream thread stopped by an environment problem or a bug is
     * replaced (the wait doubles from 1 s per consecutive failure). Default 30 000.
     */
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "newspipe.retry.backoff.max.ms";

    private final PipelineConfig config;
    private final String applicationId;
    private final Supplier<Topology> topology;
    private final Collection<TopicSpec> topics;
    private KafkaStreams streams;
    private final Duration stuckRebalanceTimeout;
    /** When the current instance last entered REBALANCING (System.nanoTime), or -1 when it is not rebalancing. */
    private volatile long rebalancingSince = -1;
    /** The instance whose state changes {@link #rebalancingSince} follows. */
    private volatile KafkaStreams current;
    private ScheduledExecutorService watchdog;
    private int restarts;
    private final StreamFailures failures;
    /** Told of every new instance: the first start and each watchdog restart. */
    private final List<Consumer<KafkaStreams>> startListeners = new CopyOnWriteArrayList<>();
    /** Counted down by {@link #stop}: a thread waiting out its backoff stops waiting. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    /**
     * @param config   the resolved configuration; its application id names the app
     * @param topology builds the topology (called on every start)
     * @param topics   topics to create when missing before starting (the app's inputs and outputs)
     */
    public StreamsApp(PipelineConfig config, Supplier<Topology> topology, Collection<TopicSpec> topics) {
        this(config, topology, topics, DEFAULT_STUCK_REBALANCE_TIMEOUT);
    }

    /** @param stuckRebalanceTimeout restart the app when it stays in REBALANCING this long (see the default's note) */
    public StreamsApp(PipelineConfig config, Supplier<Topology> topology, Collection<TopicSpec> topics,
            Duration stuckRebalanceTimeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.applicationId = config.applicationId();
        this.topology = Objects.requireNonNull(topology, "topology");
        this.topics = List.copyOf(topics);
        this.stuckRebalanceTimeout = Objects.requireNonNull(stuckRebalanceTimeout, "stuckRebalanceTimeout");
        String stage = config.extraConfig().getOrDefault(DeadLetterHandler.STAGE_CONFIG, applicationId);
        long maxBackoff = Long.parseLong(config.extraConfig().getOrDefault(RETRY_BACKOFF_MAX_MS_CONFIG, "30000"));
        this.failures = new StreamFailures(stage, Duration.ofMillis(maxBackoff));
    }

    /** What the app failed at: environment problems and bugs (retried), dead letters (counted). */
    public StreamFailures failures() {
        return failures;
    }

    /** Ensures the topics, then starts the streams; returns without waiting for RUNNING (see {@link #readiness()}). */
    public synchronized KafkaStreams start() {
        if (streams != null) {
            return streams;
        }
        if (!topics.isEmpty()) {
            try (Admin admin = Admin.create(config.kafkaProperties())) {
                TopicProvisioner.ensureTopics(admin, topics);
            }
        }
        if (stopping.getCount() == 0) {
            stopping = new CountDownLatch(1); // started again after a stop
        }
        Properties props = config.streamsProperties(applicationId);
        props.put(DeadLetterHandler.FAILURES_CONFIG, failures); // an object: the handlers record into it
        KafkaStreams s = new KafkaStreams(topology.get(), props);
        s.setUncaughtExceptionHandler(this::threadDied);
        s.setStateListener((newState, oldState) -> {
            log.info("{}: {} -> {}", applicationId, oldState, newState);
            if (current != s) {
                return; // an instance being closed by a restart must not reset the new one's clock
            }
            if (newState == KafkaStreams.State.REBALANCING) {
                rebalancingSince = System.nanoTime();
            } else {
                rebalancingSince = -1;
            }
        });
        rebalancingSince = -1;
        current = s;
        s.start();
        streams = s;
        startListeners.forEach(listener -> listener.accept(s));
        startWatchdog();
        return s;
    }

    /**
     * Calls {@code listener} with every instance this app starts from now on, the first and those that replace it
     * after a restart, right after it is started (on the starting thread, with this app's lock held: keep it short).
     */
    public void onStart(Consumer<KafkaStreams> listener) {
        startListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A record-level failure is handled by the dead-letter handlers; a thread dies of an environment problem or a
     * bug (the handler said why) or of something no handler saw. The record is retried by a new thread, after a
     * backoff waited out here, on the dying thread, so a failure that persists does not spin.
     */
    private StreamThreadExceptionResponse threadDied(Throwable e) {
        Duration backoff = failures.threadDied(e);
        log.warn("A stream thread of {} stopped ({}); replacing it in {} ms", applicationId,
                failures.current().map(StreamFailures.Failure::cause).orElse(e.toString()), backoff.toMillis());
        log.debug("Stream thread failure of {}", applicationId, e);
        try {
            stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** How often this app has been restarted for a stuck rebalance. */
    public synchronized int restarts() {
        return restarts;
    }

    private void startWatchdog() {
        if (watchdog != null) {
            return;
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, applicationId + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, Math.min(5_000, stuckRebalanceTimeout.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::restartIfStuck, period, period, TimeUnit.MILLISECONDS);
    }

    private void restartIfStuck() {
        synchronized (this) {
            if (watchdog == null) {
                return; // stopped
            }
            if (streams == null) {
                tryStart(); // an earlier restart failed
                return;
            }
            long since = rebalancingSince;
            if (since < 0 || System.nanoTime() - since < stuckRebalanceTimeout.toNanos()) {
                return;
            }
            log.warn("{} has been REBALANCING for over {} s; restarting it", applicationId,
                    stuckRebalanceTimeout.toSeconds());
        }
        restart();
    }

    /** Closes the running instance and starts a new one in its place: the watchdog's restart (tests call it). */
    void restart() {
        KafkaStreams old;
        synchronized (this) {
            if (watchdog == null || streams == null) {
                return; // stopped, or a restart is under way
            }
            old = streams;
            streams = null; // readiness reports NOT_STARTED while it restarts
            restarts++;
        }
        // outside the lock: the close may wait for a thread in a 60 s offset fetch, and health checks must answer
        if (!closeLeavingGroup(old, RESTART_CLOSE_TIMEOUT)) {
            log.warn("{} did not close within {}", applicationId, RESTART_CLOSE_TIMEOUT);
        }
        synchronized (this) {
            if (watchdog != null && streams == null) {
                tryStart();
            }
        }
    }

    private void tryStart() {
        try {
            start();
        } catch (RuntimeException e) {
            // e.g. the broker is still down: the next check tries again
            log.error("Restart of {} failed; trying again shortly", applicationId, e);
        }
    }

    /**
     * Closes an instance and leaves the group, so its partitions move at once to the instance that replaces it or to
     * the other members, not after its session times out.
     */
    private static boolean closeLeavingGroup(KafkaStreams streams, Duration timeout) {
        return streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    /** The running streams, or null when stopped. */
    public synchronized KafkaStreams streams() {
        return streams;
    }

    /**
     * Ready while the streams are RUNNING or REBALANCING (a rebalance is routine, not an outage) and no environment
     * problem or bug is being retried.
     */
    public synchronized HealthStatus readiness() {
        if (streams == null) {
            return HealthStatus.down("NOT_STARTED");
        }
        java.util.Optional<String> problem = failures.problem();
        if (problem.isPresent()) {
            return HealthStatus.down(streams.state().name() + ", " + problem.get());
        }
        KafkaStreams.State state = streams.state();
        boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new HealthStatus(ready, state.name());
    }

    public synchronized void stop(Duration timeout) {
        stopping.countDown();
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        if (streams == null) {
            return;
        }
        if (!closeLeavingGroup(streams, timeout)) {
            log.warn("{} did not stop within {}", applicationId, timeout);
        }
        streams = null;
    }

    public void stop() {
        stop(DEFAULT_CLOSE_TIMEOUT);
    }

    @Override
    public void close() {
        stop();
    }
}
