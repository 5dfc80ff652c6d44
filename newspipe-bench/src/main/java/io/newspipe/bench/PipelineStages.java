package io.newspipe.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.StreamsApp;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.publish.PublishService;

/** Enrich and publish running in this JVM on one stack, with their own application ids and state directories. */
final class PipelineStages implements AutoCloseable {

    private final EnrichService enrich;
    private final PublishService publish;

    PipelineStages(PipelineConfig publishBase, PipelineConfig enrichBase, Path stateDir) {
        enrich = new EnrichService(enrichBase.toBuilder().applicationId(EnrichService.DEFAULTS.applicationId())
                .stateDir(stateDir.resolve("enrich")).build(), Extractor.create(), Clock.systemUTC());
        publish = new PublishService(publishBase.toBuilder().applicationId(PublishService.DEFAULTS.applicationId())
                .stateDir(stateDir.resolve("publish")).build(), Clock.systemUTC());
    }

    PipelineStages start(Duration timeout) {
        enrich.start();
        publish.start();
        awaitRunning(enrich.app(), timeout);
        awaitRunning(publish.app(), timeout);
        return this;
    }

    static void awaitRunning(StreamsApp app, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams s = app.streams();
            if (s != null && s.state() == KafkaStreams.State.RUNNING) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("Streams app did not reach RUNNING within " + timeout);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            enrich.close();
        } finally {
            publish.close();
        }
    }
}
