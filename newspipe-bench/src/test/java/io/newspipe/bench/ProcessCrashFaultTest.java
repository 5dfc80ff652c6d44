package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.devstack.ChildService;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.publish.PublishService;

/**
 * SIGKILL of a Streams service process mid-stream, then a restart on the same state directory: with
 * exactly_once_v2 the open transaction of the killed process is aborted, the restarted one resumes from the last
 * committed offsets, and every article is published exactly once at revision 1.
 */
@ExtendWith(DevStackExtension.class)
class ProcessCrashFaultTest {

    private static final int ARTICLES = 240;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void givenEnrichProcessKilledMidStream_whenRestarted_thenEveryArticlePublishedExactlyOnceAtRevisionOne(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                PublishService publish = new PublishService(run.config("fault-publish", dir.resolve("publish")),
                        Clock.systemUTC()).start()) {
            ChildService enrich = run.child(EnrichService.class, "fault-enrich", dir.resolve("enrich"),
                    dir.resolve("enrich.log"));
            FaultRun.Audit audit = killAndRestart(run, enrich, "enrich");

            assertExactlyOnce(audit);
        }
    }

    @Test
    void givenPublishProcessKilledMidStream_whenRestarted_thenEveryArticlePublishedExactlyOnceAtRevisionOne(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                EnrichService enrich = new EnrichService(run.config("fault-enrich", dir.resolve("enrich")),
                        Extractor.create(), Clock.systemUTC()).start()) {
            ChildService publish = run.child(PublishService.class, "fault-publish", dir.resolve("publish"),
                    dir.resolve("publish.log"));
            FaultRun.Audit audit = killAndRestart(run, publish, "publish");

            assertExactlyOnce(audit);
        }
    }

    /**
     * Starts the child, lets a first batch through, keeps producing at a steady rate, kills the child while records
     * are in flight, restarts it and audits news.published.v1.
     */
    private static FaultRun.Audit killAndRestart(FaultRun run, ChildService child, String stage) throws Exception {
        try (child) {
            run.ensureTopics(); // the in-process peer may not have created the child's topics yet
            child.start();
            run.produce(0, 40);
            assertThat(run.publishedDistinct(WAIT, 20)).as("first articles through the %s child (log: %s)", stage,
                    child.logFile()).isGreaterThanOrEqualTo(20);
            Future<?> rest = run.producePaced(40, ARTICLES - 40, 100);
            run.publishedDistinct(WAIT, 80);
            child.kill();
            int atKill = run.publishedDistinct(Duration.ofSeconds(1), ARTICLES);
            long restartedAt = System.nanoTime();
            child.start();
            rest.get();
            int acknowledged = run.awaitAcknowledged();
            FaultRun.Audit audit = run.audit(List.copyOf(run.producedIds), WAIT, Duration.ofSeconds(3));
            long recoverMillis = (System.nanoTime() - restartedAt) / 1_000_000;
            System.out.println(audit.figures("kill -9 " + stage + " (published before kill: " + atKill
                    + ", acknowledged: " + acknowledged + ")", recoverMillis));
            return audit;
        }
    }

    static void assertExactlyOnce(FaultRun.Audit audit) {
        assertThat(audit.expectedIds()).hasSize(ARTICLES).doesNotHaveDuplicates();
        assertThat(audit.missing()).as("articles never published").isEmpty();
        assertThat(audit.duplicated()).as("articles published more than once (id -> revisions)").isEmpty();
        assertThat(audit.notAtRevisionOne()).as("articles not at revision 1").isEmpty();
        assertThat(audit.unexpected()).as("published ids nobody produced").isEmpty();
        assertThat(audit.deadLetters()).as("dead letters from good articles").isZero();
    }
}
