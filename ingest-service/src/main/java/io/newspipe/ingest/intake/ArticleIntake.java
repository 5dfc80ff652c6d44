package io.newspipe.ingest.intake;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.schemas.RawArticle;

/**
 * Accepts each version of an article once. The article's latest text again is a duplicate and nothing is written;
 * another text under the same id (a correction under the same canonical URL) is written as the next version, same
 * id; an id being written right now is not written twice at once: a later request waits for the earlier write and
 * is then judged against what it wrote (a duplicate of it, or the version after it), or tries itself when the
 * earlier one failed. What is known ({@link ArticleVersions}) grows only when the log acknowledges a write.
 *
 * <p>No locks are held while waiting: the per-id in-flight future is the lock, so batches can pipeline writes.
 */
public final class ArticleIntake {

    private final RawArticleFactory factory;
    private final RawArticleLog log;
    private final ArticleVersions versions;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** @param versions what is already on the log; this intake adds what it writes */
    public ArticleIntake(RawArticleFactory factory, RawArticleLog log, ArticleVersions versions) {
        this.factory = factory;
        this.log = log;
        this.versions = versions;
    }

    /**
     * Builds the article and appends it unless its text is the latest version already. The future fails with
     * {@link io.newspipe.ingest.article.InvalidArticleException} for bad input and
     * {@link IntakeUnavailableException} when the log cannot take it now.
     */
    public CompletableFuture<Acceptance> submit(ArticleSubmission submission) {
        RawArticle article;
        try {
            article = factory.create(submission);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(article);
    }

    public CompletableFuture<Acceptance> submit(RawArticle article) {
        String id = article.getArticleId();
        long fingerprint = ArticleVersions.fingerprint(article.getContentHash());
        Optional<ArticleVersions.Known> known = versions.latest(id);
        if (known.isPresent() && known.get().textFingerprint() == fingerprint) {
            return CompletableFuture.completedFuture(new Acceptance(id, true, known.get().version()));
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = inFlight.putIfAbsent(id, mine);
        if (earlier != null) {
            // Someone is writing this id now: once they are done, judge this text against what they wrote (async: the
            // earlier write completes on the producer's I/O thread, which must not send)
            return earlier.handle((ok, error) -> null).thenComposeAsync(ignored -> submit(article));
        }
        known = versions.latest(id); // acknowledged between our first look and the putIfAbsent
        if (known.isPresent() && known.get().textFingerprint() == fingerprint) {
            inFlight.remove(id, mine);
            mine.complete(null);
            return CompletableFuture.completedFuture(new Acceptance(id, true, known.get().version()));
        }
        int version = known.map(k -> k.version() + 1).orElse(1);
        article.setVersion(version);
        CompletableFuture<Void> written;
        try {
            written = log.append(id, article);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        return written.handle((ok, error) -> {
            if (error == null) {
                // before releasing the id, so a newcomer sees one or the other
                versions.acknowledged(id, new ArticleVersions.Known(version, fingerprint));
                inFlight.remove(id, mine);
                mine.complete(null);
                return new Acceptance(id, false, version);
            }
            Throwable cause = unwrap(error);
            inFlight.remove(id, mine);
            mine.completeExceptionally(cause);
            throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
        });
    }

    /** {@link #submit(ArticleSubmission)} and wait, rethrowing the failure as it is. */
    public Acceptance submitAndWait(ArticleSubmission submission, long timeoutMillis) {
        return await(submit(submission), timeoutMillis);
    }

    /**
     * {@link #submit(ArticleSubmission)}, failing with {@link IntakeUnavailableException} when the acknowledgement
     * has not come within {@code timeoutMillis}, without holding a thread while it waits. The future completes on the
     * thread that completed the write (the producer's I/O thread), so what depends on it must not send to Kafka.
     */
    public CompletableFuture<Acceptance> submitWithin(ArticleSubmission submission, long timeoutMillis) {
        CompletableFuture<Acceptance> result = new CompletableFuture<>();
        submit(submission).orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((acceptance, error) -> {
            if (error == null) {
                result.complete(acceptance);
                return;
            }
            Throwable cause = unwrap(error);
            result.completeExceptionally(cause instanceof TimeoutException timeout
                    ? notAcknowledged(timeoutMillis, timeout) : cause);
        });
        return result;
    }

    private static IntakeUnavailableException notAcknowledged(long timeoutMillis, TimeoutException e) {
        return new IntakeUnavailableException(IntakeUnavailableException.Reason.KAFKA_UNAVAILABLE,
                "Kafka did not acknowledge the article within " + timeoutMillis + " ms", e);
    }

    /** Waits for an acceptance; a timeout means the write is not known to be durable, so it is "unavailable". */
    public static Acceptance await(CompletableFuture<Acceptance> future, long timeoutMillis) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw notAcknowledged(timeoutMillis, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException(IntakeUnavailableException.Reason.SHUTTING_DOWN,
                    "interrupted while waiting for Kafka to acknowledge the article", e);
        }
    }

    public int knownIdCount() {
        return versions.size();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
