package io.newspipe.ingest.article;

import io.newspipe.common.ErrorCode;

/**
 * The submission cannot become an article (blank text, a URL that is not http(s), a bad language tag). The
 * {@code code} is the reason used in error bodies and metrics.
 */
public class InvalidArticleException extends RuntimeException {

    private final ErrorCode code;

    public InvalidArticleException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
