package io.newspipe.publish;

import java.util.Objects;

/**
 * What publish remembers per article: the fingerprint of the content last published, its revision number, and the
 * order of the newest content seen ({@link ContentOrder}).
 *
 * @param fingerprint {@link ContentFingerprint} of the published content
 * @param revision    revision number, from 1
 * @param newest      the newest content seen for the article (published, or the same content arriving newer)
 */
public record ArticleRevision(String fingerprint, int revision, ContentOrder newest) {

    public ArticleRevision {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(newest, "newest");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, got " + revision);
        }
    }

    /** What to do with content that just arrived. */
    public enum Outcome {
        /** A new revision: the first content, or newer content that differs. */
        PUBLISH,
        /** Newer than what was seen, but the same content: nothing to publish, remember its order. */
        REMEMBER,
        /** The same content at an order already seen (redelivery): nothing at all. */
        UNCHANGED,
        /** Older than content already seen (a re-driven or late old version): never replaces the newer one. */
        STALE
    }

    /** The outcome and the state to keep (the previous state when nothing changes). */
    public record Decision(Outcome outcome, ArticleRevision state) {
    }

    /**
     * The revision rule: the first content of an article is revision 1; content older than the newest seen is
     * ignored, whatever it holds; newer content with a different fingerprint is the next revision; the same
     * fingerprint again (redelivery, replay, re-enrichment with the same result) is no revision at all.
     *
     * @param previous    what was last published for the article, or null if nothing was
     * @param fingerprint fingerprint of the content that just arrived
     * @param order       where that content stands among the article's contents
     */
    public static Decision next(ArticleRevision previous, String fingerprint, ContentOrder order) {
        if (previous == null) {
            return new Decision(Outcome.PUBLISH, new ArticleRevision(fingerprint, 1, order));
        }
        if (order.isOlderThan(previous.newest)) {
            return new Decision(Outcome.STALE, previous);
        }
        if (previous.fingerprint.equals(fingerprint)) {
            return order.equals(previous.newest) ? new Decision(Outcome.UNCHANGED, previous)
                    : new Decision(Outcome.REMEMBER, new ArticleRevision(fingerprint, previous.revision, order));
        }
        return new Decision(Outcome.PUBLISH, new ArticleRevision(fingerprint, previous.revision + 1, order));
    }
}
