package io.newspipe.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        final List<Integer> versions = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> append(String articleId, RawArticle article) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            versions.add(article.getVersion());
            appended.add(articleId);
            return f;
        }
    }

    private final ControlledLog log = new ControlledLog();
    private final ArticleVersions known = new InMemoryArticleVersions();
    private final ArticleIntake intake = new ArticleIntake(new RawArticleFactory(), log, known);
    private final ArticleSubmission article = ArticleSubmission.ofText(TestArticles.unique("intake"));

    @Test
    void givenArticleBeingWritten_whenSameArticleArrives_thenItIsNotWrittenAgainAndBecomesDuplicate() {
        CompletableFuture<Acceptance> first = intake.submit(article);
        CompletableFuture<Acceptance> second = intake.submit(article);

        assertThat(log.appended).hasSize(1);
        assertThat(second).isNotDone();

        log.pending.get(0).complete(null);

        assertThat(first.join()).isEqualTo(new Acceptance(first.join().articleId(), false, 1));
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
        assertThat(known.size()).isZero();

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
        RawArticle a = new RawArticleFactory().create(article);
        known.acknowledged(a.getArticleId(), new ArticleVersions.Known(3, ArticleVersions.fingerprint(a.getContentHash())));

        Acceptance acceptance = intake.submit(article).join();

        assertThat(acceptance).isEqualTo(new Acceptance(a.getArticleId(), true, 3));
        assertThat(log.appended).isEmpty();
    }

    @Test
    void givenAnArticleWithAUrl_whenACorrectedTextArrivesUnderTheSameUrl_thenItIsWrittenAsVersionTwoSameId() {
        ArticleSubmission original = new ArticleSubmission("Hội nghị tổng kết: thu ngân sách đạt 312 tỷ đồng.",
                "https://baotinh.vn/thu-ngan-sach", null, null, null, null);
        ArticleSubmission corrected = new ArticleSubmission("Hội nghị tổng kết: thu ngân sách đạt 321 tỷ đồng.",
                "http://BAOTINH.vn:80/./thu-ngan-sach#binh-luan", null, null, null, null);

        CompletableFuture<Acceptance> first = intake.submit(original);
        log.pending.get(0).complete(null);
        CompletableFuture<Acceptance> second = intake.submit(corrected);
        log.pending.get(1).complete(null);
        CompletableFuture<Acceptance> again = intake.submit(corrected);

        assertThat(first.join()).extracting(Acceptance::duplicate, Acceptance::version).containsExactly(false, 1);
        assertThat(second.join()).extracting(Acceptance::duplicate, Acceptance::version).containsExactly(false, 2);
        assertThat(second.join().articleId()).isEqualTo(first.join().articleId());
        assertThat(again.join()).extracting(Acceptance::duplicate, Acceptance::version).containsExactly(true, 2);
        assertThat(log.appended).hasSize(2);
        assertThat(log.versions).containsExactly(1, 2);
    }

    @Test
    void givenACorrectionArrivingWhileTheOriginalIsBeingWritten_whenBothComplete_thenItBecomesVersionTwo() {
        ArticleSubmission original = new ArticleSubmission("Bản tin thứ nhất về lễ khen thưởng.",
                "https://baotinh.vn/le-khen-thuong", null, null, null, null);
        ArticleSubmission corrected = new ArticleSubmission("Bản tin thứ nhất về lễ khen thưởng, đã sửa tên.",
                "https://baotinh.vn/le-khen-thuong", null, null, null, null);

        CompletableFuture<Acceptance> first = intake.submit(original);
        CompletableFuture<Acceptance> second = intake.submit(corrected);
        assertThat(second).isNotDone();
        log.pending.get(0).complete(null);
        awaitAppends(2);
        log.pending.get(1).complete(null);

        assertThat(first.join().version()).isEqualTo(1);
        assertThat(second.join()).extracting(Acceptance::duplicate, Acceptance::version).containsExactly(false, 2);
    }

    private void awaitAppends(int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (log.appended.size() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(log.appended).hasSize(n);
    }
}
