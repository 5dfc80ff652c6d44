package io.newspipe.ingest.intake;

/**
 * The outcome of handing an article in: its id, whether that text was already the article's latest version on
 * news.raw.v1 (then nothing new was written), and the version it is.
 */
public record Acceptance(String articleId, boolean duplicate, int version) {
}
