package io.newspipe.ingest.article;

/**
 * The submission cannot become an article (blank text, a URL that is not http(s), a bad language tag). The
 * {@code code} is a stable machine-readable reason used in error bodies and metrics.
 */
public class InvalidArticleException extends RuntimeException {

    private final String code;

    public InvalidArticleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
