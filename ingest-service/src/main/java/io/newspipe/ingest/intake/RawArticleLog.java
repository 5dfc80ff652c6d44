package io.newspipe.ingest.intake;

import java.util.concurrent.CompletableFuture;

import io.newspipe.schemas.RawArticle;

/** The durable log raw articles are appended to (news.raw.v1 in production). */
public interface RawArticleLog {

    /**
     * Appends the article under its id. The future completes when the write is durable (acknowledged by all in-sync
     * replicas) and fails with {@link IntakeUnavailableException} when it cannot be made durable. May also throw
     * that exception directly when the write is refused before it is queued.
     */
    CompletableFuture<Void> append(String articleId, RawArticle article);
}
