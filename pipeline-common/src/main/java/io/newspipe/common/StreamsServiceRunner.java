package io.newspipe.common;

import java.util.Objects;

import org.apache.kafka.streams.KafkaStreams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The lifecycle every Streams service (enrich, publish) shares around its topology: start the {@link StreamsApp},
 * bind its metrics to the service's Prometheus registry, serve health and metrics over HTTP; stop in the reverse
 * order. The service keeps what differs: its topology, topics and startup log line.
 */
public final class StreamsServiceRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsServiceRunner.class);

    private final String serviceName;
    private final PipelineConfig config;
    private final StreamsApp app;
    private final PrometheusMeterRegistry meterRegistry;
    private final StageMetrics stageMetrics;
    private boolean lagBound;
    private ServiceHttpServer http;
    /** Guards {@link #streamsMetrics}, bound from the app's start (any thread) and closed by stop. */
    private final Object streamsMetricsLock = new Object();
    private KafkaStreamsMetrics streamsMetrics;
    /** What keeps the streams from starting (a precondition that fails), or null. */
    private volatile String waitingFor;
    private Thread starter;

    /**
     * @param serviceName names the metrics ({@code service=} tag) and the HTTP threads
     * @param config      the resolved configuration (HTTP bind address and port)
     * @param app         the service's streams application
     */
    public StreamsServiceRunner(String serviceName, PipelineConfig config, StreamsApp app) {
        this(serviceName, config, app, ServiceMetrics.newRegistry(serviceName), null);
    }

    /**
     * @param meterRegistry the service's registry ({@link ServiceMetrics#newRegistry}), which its topology's own
     *                      meters were registered with
     * @param stageMetrics  the stage's meters, whose input lag is bound to the streams at start; null for none
     */
    public StreamsServiceRunner(String serviceName, PipelineConfig config, StreamsApp app,
            PrometheusMeterRegistry meterRegistry, StageMetrics stageMetrics) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.config = Objects.requireNonNull(config, "config");
        this.app = Objects.requireNonNull(app, "app");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.stageMetrics = stageMetrics;
        app.onStart(this::bindStreamsMetrics);
    }

    /** Creates missing topics, starts the streams and the health/metrics endpoints; returns without waiting. */
    public synchronized void start() {
        if (http != null) {
            return;
        }
        app.failures().bindTo(meterRegistry);
        startStreams();
        http = ServiceHttpServer.create(config, meterRegistry, this::readiness, serviceName).start();
    }

    /**
     * Runs {@code precondition}, then starts the streams and the endpoints, like {@link #start()}. A precondition
     * that fails (the registry refuses or does not answer) is an environment problem: health and metrics are served
     * at once, the precondition is retried on a background thread with a backoff (1 s doubling to 30 s), readiness is
     * DOWN with the cause meanwhile, and the streams start by themselves once it passes, instead of the service
     * exiting and being restarted in a loop.
     *
     * @param what what the precondition does, for readiness and the log ("setting FULL_TRANSITIVE on ...")
     */
    public synchronized void start(String what, Runnable precondition) {
        if (http != null) {
            return;
        }
        app.failures().bindTo(meterRegistry);
        try {
            precondition.run();
            startStreams();
            http = ServiceHttpServer.create(config, meterRegistry, this::readiness, serviceName).start();
            return;
        } catch (RuntimeException e) {
            waitingFor = what + " failed, retrying: " + e.getMessage();
            log.warn("{}: {}", serviceName, waitingFor);
        }
        http = ServiceHttpServer.create(config, meterRegistry, this::readiness, serviceName).start();
        starter = new Thread(() -> {
            long backoffMillis = 1_000;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    precondition.run();
                    synchronized (this) {
                        if (http == null) {
                            return; // stopped meanwhile
                        }
                        startStreams();
                    }
                    waitingFor = null;
                    return;
                } catch (RuntimeException e) {
                    waitingFor = what + " failed, retrying in " + backoffMillis / 1000 + " s: " + e.getMessage();
                    log.warn("{}: {}", serviceName, waitingFor);
                    try {
                        Thread.sleep(backoffMillis);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoffMillis = Math.min(backoffMillis * 2, 30_000);
                }
            }
        }, serviceName + "-starter");
        starter.setDaemon(true);
        starter.start();
    }

    private void startStreams() {
        app.start(); // binds the streams metrics (bindStreamsMetrics)
        if (stageMetrics != null && !lagBound) {
            stageMetrics.bindInputLag(app);
            lagBound = true;
        }
    }

    /**
     * Binds the metrics of a newly started instance, closing (and so removing from the registry) those of the one it
     * replaces: after a watchdog restart the old instance's meters would read its last values for ever.
     */
    private void bindStreamsMetrics(KafkaStreams streams) {
        synchronized (streamsMetricsLock) {
            if (streamsMetrics != null) {
                streamsMetrics.close();
            }
            streamsMetrics = ServiceMetrics.bind(meterRegistry, streams);
        }
    }

    /** DOWN while a precondition keeps the streams from starting; else the streams' readiness. */
    public HealthStatus readiness() {
        String waiting = waitingFor;
        return waiting != null ? HealthStatus.down(waiting) : app.readiness();
    }

    /** Stops the HTTP endpoints, unbinds the streams metrics, then stops the streams. */
    public synchronized void stop() {
        if (starter != null) {
            starter.interrupt();
            starter = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        synchronized (streamsMetricsLock) {
            if (streamsMetrics != null) {
                streamsMetrics.close();
                streamsMetrics = null;
            }
        }
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public StreamsApp app() {
        return app;
    }

    /** The running HTTP endpoints, or null when stopped. */
    public synchronized ServiceHttpServer http() {
        return http;
    }
}
