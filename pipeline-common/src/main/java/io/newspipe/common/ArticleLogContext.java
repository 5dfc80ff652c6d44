package io.newspipe.common;

import org.slf4j.MDC;

/**
 * Puts the article id into the logging context (SLF4J MDC, log4j's ThreadContext) while a record is processed, so
 * every log record about it carries {@value #KEY} (in the JSON log format: {@code "context":{"articleId":...}}).
 * Restores what was there before on close.
 */
public final class ArticleLogContext implements AutoCloseable {

    /** The context key. */
    public static final String KEY = "articleId";

    private final String previous;

    private ArticleLogContext(String articleId) {
        this.previous = MDC.get(KEY);
        if (articleId == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, articleId);
        }
    }

    public static ArticleLogContext of(String articleId) {
        return new ArticleLogContext(articleId);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
