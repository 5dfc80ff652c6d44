package io.newspipe.publish;

import java.util.Comparator;

import io.newspipe.schemas.EnrichedArticle;

/**
 * Where a piece of enriched content stands among an article's contents: first its raw version (a correction is a
 * higher one), then when ingest received that version (two ingest instances may both give a text the same version
 * number; the later one wins), then when it was enriched (a replay with a new extractor is newer than the enrichment
 * it replaces). Whatever path a record came by (raw, replay, dead-letter re-drive, late delivery), an older one
 * never replaces a newer one.
 *
 * @param version        RawArticle.version, from 1 (0: unknown, state written before versions existed)
 * @param receivedAtMs   when ingest received the version
 * @param enrichedAtMs   when the enrichment ran
 */
public record ContentOrder(int version, long receivedAtMs, long enrichedAtMs) implements Comparable<ContentOrder> {

    /** Below every real order: state written before orders were kept. */
    public static final ContentOrder UNKNOWN = new ContentOrder(0, Long.MIN_VALUE, Long.MIN_VALUE);

    private static final Comparator<ContentOrder> ORDER = Comparator.comparingInt(ContentOrder::version)
            .thenComparingLong(ContentOrder::receivedAtMs).thenComparingLong(ContentOrder::enrichedAtMs);

    public static ContentOrder of(EnrichedArticle article) {
        return new ContentOrder(article.getVersion(), article.getReceivedAt().toEpochMilli(),
                article.getEnrichedAt().toEpochMilli());
    }

    @Override
    public int compareTo(ContentOrder other) {
        return ORDER.compare(this, other);
    }

    public boolean isOlderThan(ContentOrder other) {
        return compareTo(other) < 0;
    }
}
