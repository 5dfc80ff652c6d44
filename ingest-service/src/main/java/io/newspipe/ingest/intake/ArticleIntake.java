package io.newspipe.ingest.intake;

import java.util.Set;
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
 * Accepts articles exactly once per id: an id already on the log is a duplicate and nothing is written; an id being
 * written right now is not written a second time (the later request waits for the first write and reports a
 * duplicate when it succeeds, or its failure when it fails). The set of known ids is given at construction (rebuilt
 * from the log by the caller) and grows only when the log acknowledges a write.
 *
 * <p>No locks are held while waiting: the per-id in-flight future is the lock, so batches can pipeline writes.
 */
public final class ArticleIntake {

    private final RawArticleFactory factory;
    private final RawArticleLog log;
    private final Set<String> knownIds;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param knownIds the ids already on the log; this intake adds to it (must be thread-safe, e.g.
     *                 {@code ConcurrentHashMap.newKeySet()})
     */
    public ArticleIntake(RawArticleFactory factory, RawArticleLog log, Set<String> knownIds) {
        this.factory = factory;
        this.log = log;
        this.knownIds = knownIds;
    }

    /**
     * Builds the article and appends it unless its id is known. The future fails with
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
        if (knownIds.contains(id)) {
            return CompletableFuture.completedFuture(new Acceptance(id, true));
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = inFlight.putIfAbsent(id, mine);
        if (earlier != null) {
            // Someone is writing this id now: do not write it twice; their success makes ours a duplicate.
            return earlier.thenApply(ignored -> new Acceptance(id, true));
        }
        if (knownIds.contains(id)) { // acknowledged between our first check and the putIfAbsent
            inFlight.remove(id, mine);
            mine.complete(null);
            return CompletableFuture.completedFuture(new Acceptance(id, true));
        }
        CompletableFuture<Void> written;
        try {
            written = log.append(id, article);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        return written.handle((ok, error) -> {
            if (error == null) {
                knownIds.add(id); // before releasing the id, so a newcomer sees one or the other
                inFlight.remove(id, mine);
                mine.complete(null);
                return new Acceptance(id, false);
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
            throw new IntakeUnavailableException(IntakeUnavailableException.Reason.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the article within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException(IntakeUnavailableException.Reason.SHUTTING_DOWN,
                    "interrupted while waiting for Kafka to acknowledge the article", e);
        }
    }

    public int knownIdCount() {
        return knownIds.size();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
