package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.DevStack;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.publish.PublishService;

/**
 * The broker stops mid-stream and comes back on the same data directory and port (its own DevStack, not the shared
 * one): producer, registry and both Streams services reconnect, and every article is published exactly once.
 */
class BrokerRestartFaultTest {

    private static final int ARTICLES = 240;
    /**
     * Bounds the waits, never asserted. Generous: when a Streams service gets stuck in its rebalance after the
     * restart, StreamsApp's watchdog restarts it after 60 s, and closing it may wait out a 60 s offset fetch.
     */
    private static final Duration WAIT = Duration.ofSeconds(240);

    @Test
    void givenBrokerStoppedMidStream_whenStartedAgain_thenEveryArticlePublishedExactlyOnceAtRevisionOne(
            @TempDir Path dir) throws Exception {
        try (DevStack stack = DevStack.start(DevStack.Options.inDir(dir.resolve("stack")));
                FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                EnrichService enrich = new EnrichService(run.config("fault-enrich", dir.resolve("enrich")),
                        Extractor.create(), Clock.systemUTC()).start();
                PublishService publish = new PublishService(run.config("fault-publish", dir.resolve("publish")),
                        Clock.systemUTC()).start()) {
            run.produce(0, 40);
            assertThat(run.publishedDistinct(WAIT, 20)).isGreaterThanOrEqualTo(20);
            Future<?> rest = run.producePaced(40, ARTICLES - 40, 100);
            run.publishedDistinct(WAIT, 80);

            stack.broker().stop();
            Thread.sleep(3_000); // producer keeps sending into its buffer; services see the broker gone
            long restartedAt = System.nanoTime();
            stack.broker().start();

            try (TransactionWatch watch = new TransactionWatch(stack.bootstrapServers(), 5_000)) {
                rest.get();
                int acknowledged = run.awaitAcknowledged();
                FaultRun.Audit audit = run.audit(List.copyOf(run.producedIds), WAIT, Duration.ofSeconds(3));
                System.out.println(audit.figures("broker stop/start (acknowledged: " + acknowledged + ")",
                        (System.nanoTime() - restartedAt) / 1_000_000));

                ProcessCrashFaultTest.assertExactlyOnce(audit);
            }
        }
    }
}
