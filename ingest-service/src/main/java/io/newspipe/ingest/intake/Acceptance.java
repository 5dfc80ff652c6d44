package io.newspipe.ingest.intake;

/**
 * The outcome of handing an article in: its id, and whether it was already on news.raw.v1 (then nothing new was
 * written).
 */
public record Acceptance(String articleId, boolean duplicate) {
}
