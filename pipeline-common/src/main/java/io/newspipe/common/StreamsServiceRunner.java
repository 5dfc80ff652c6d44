package io.newspipe.common;

import java.util.Objects;

import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The lifecycle every Streams service (enrich, publish) shares around its topology: start the {@link StreamsApp},
 * bind its metrics to the service's Prometheus registry, serve health and metrics over HTTP; stop in the reverse
 * order. The service keeps what differs: its topology, topics and startup log line.
 */
public final class StreamsServiceRunner implements AutoCloseable {

    private final String serviceName;
    private final PipelineConfig config;
    private final StreamsApp app;
    private final PrometheusMeterRegistry meterRegistry;
    private final StageMetrics stageMetrics;
    private boolean lagBound;
    private ServiceHttpServer http;
    private KafkaStreamsMetrics streamsMetrics;

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
    }

    /** Creates missing topics, starts the streams and the health/metrics endpoints; returns without waiting. */
    public synchronized void start() {
        if (http != null) {
            return;
        }
        KafkaStreams streams = app.start();
        streamsMetrics = ServiceMetrics.bind(meterRegistry, streams);
        if (stageMetrics != null && !lagBound) {
            stageMetrics.bindInputLag(app);
            lagBound = true;
        }
        http = ServiceHttpServer.create(config, meterRegistry, app::readiness, serviceName).start();
    }

    /** Stops the HTTP endpoints, unbinds the streams metrics, then stops the streams. */
    public synchronized void stop() {
        if (http != null) {
            http.close();
            http = null;
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
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
