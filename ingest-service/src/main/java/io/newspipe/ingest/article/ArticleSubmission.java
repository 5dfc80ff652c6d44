package io.newspipe.ingest.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One article as a sender handed it in, before normalization. Only {@code text} is required.
 *
 * @param text        the raw scraped text, exactly as received
 * @param url         the article's URL, or null; when given it decides the article id
 * @param title       title, or null
 * @param source      outlet or site, or null
 * @param publishedAt when the outlet published it, or null
 * @param language    BCP-47 language code, or null for the default ({@value #DEFAULT_LANGUAGE})
 */
public record ArticleSubmission(String text, String url, String title, String source, Instant publishedAt,
        String language) {

    public static final String DEFAULT_LANGUAGE = "vi";

    public ArticleSubmission {
        Objects.requireNonNull(text, "text");
    }

    /** A submission of raw text only (the {@code text/plain} form). */
    public static ArticleSubmission ofText(String text) {
        return new ArticleSubmission(text, null, null, null, null, null);
    }
}
