package io.newspipe.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.ingest.intake.IntakeUnavailableException.Reason;
import io.newspipe.ingest.support.TestArticles;
import io.newspipe.schemas.RawArticle;

/**
 * The dedup rules of the intake, on a log whose acknowledgements the test controls (the Kafka-backed log is
 * covered end to end in IngestServiceTest).
 */
class ArticleIntakeTest {

    /** Appends complete only when the test says so. */
    static final class ControlledLog implements RawArticleLog {
        final List<String> appended = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> append(String articleId, RawArticle article) {
            appended.add(articleId);
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }
    }

    private final ControlledLog log = new ControlledLog();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final ArticleIntake intake = new ArticleIntake(new RawArticleFactory(), log, known);
    private final ArticleSubmission article = ArticleSubmission.ofText(TestArticles.unique("intake"));

    @Test
    void givenArticleBeingWritten_whenSameArticleArrives_thenItIsNotWrittenAgainAndBecomesDuplicate() {
        CompletableFuture<Acceptance> first = intake.submit(article);
        CompletableFuture<Acceptance> second = intake.submit(article);

        assertThat(log.appended).hasSize(1);
        assertThat(second).isNotDone();

        log.pending.get(0).complete(null);

        assertThat(first.join()).isEqualTo(new Acceptance(first.join().articleId(), false));
        assertThat(second.join().duplicate()).isTrue();
        assertThat(second.join().articleId()).isEqualTo(first.join().articleId());
        assertThat(intake.submit(article).join().duplicate()).isTrue();
        assertThat(log.appended).hasSize(1);
    }

    @Test
    void givenWriteFails_whenSameArticleIsRetried_thenItIsWrittenAgainAndNotTakenForDuplicate() {
        CompletableFuture<Acceptance> first = intake.submit(article);
        log.pending.get(0).completeExceptionally(new IntakeUnavailableException(Reason.KAFKA_UNAVAILABLE, "down", null));

        assertThatThrownBy(first::join).hasCauseInstanceOf(IntakeUnavailableException.class);
        assertThat(known).isEmpty();

        CompletableFuture<Acceptance> retry = intake.submit(article);
        log.pending.get(1).complete(null);

        assertThat(retry.join().duplicate()).isFalse();
        assertThat(log.appended).hasSize(2);
    }

    @Test
    void givenManyThreadsPostingTheSameArticle_whenAllDone_thenExactlyOneWriteAndOneNonDuplicate() throws Exception {
        RawArticleLog acking = (id, a) -> {
            log.appended.add(id);
            return CompletableFuture.runAsync(() -> { });
        };
        ArticleIntake concurrent = new ArticleIntake(new RawArticleFactory(), acking, known);
        List<Thread> threads = new ArrayList<>();
        List<Acceptance> results = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> results.add(concurrent.submitAndWait(article, 10_000)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(log.appended).hasSize(1);
        assertThat(results).hasSize(16);
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(results).extracting(Acceptance::articleId).containsOnly(results.get(0).articleId());
    }

    @Test
    void givenIdAlreadyKnownFromTheLog_whenSubmitted_thenDuplicateWithoutWriting() {
        String id = new RawArticleFactory().create(article).getArticleId();
        known.add(id);

        Acceptance a = intake.submit(article).join();

        assertThat(a).isEqualTo(new Acceptance(id, true));
        assertThat(log.appended).isEmpty();
    }
}
