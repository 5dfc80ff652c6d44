package io.newspipe.publish;

import java.util.Objects;
import java.util.Optional;

/**
 * What publish remembers per article: the fingerprint of the content last published and its revision number.
 *
 * @param fingerprint {@link ContentFingerprint} of the published content
 * @param revision    revision number, from 1
 */
public record ArticleRevision(String fingerprint, int revision) {

    public ArticleRevision {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, got " + revision);
        }
    }

    /**
     * The revision rule: the first content of an article is revision 1; content with a different fingerprint is the
     * next revision; the same fingerprint again (redelivery, replay, re-enrichment with the same result) is no
     * revision at all.
     *
     * @param previous    what was last published for the article, or null if nothing was
     * @param fingerprint fingerprint of the content that just arrived
     * @return the revision to publish, or empty when the content is unchanged
     */
    public static Optional<ArticleRevision> next(ArticleRevision previous, String fingerprint) {
        if (previous == null) {
            return Optional.of(new ArticleRevision(fingerprint, 1));
        }
        if (previous.fingerprint.equals(fingerprint)) {
            return Optional.empty();
        }
        return Optional.of(new ArticleRevision(fingerprint, previous.revision + 1));
    }
}
