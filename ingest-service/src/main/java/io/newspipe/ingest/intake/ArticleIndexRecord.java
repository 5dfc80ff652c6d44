package io.newspipe.ingest.intake;

import java.nio.ByteBuffer;

/**
 * The value of an article index record ({@code news.article-index.v1}, key: article id): format byte 1, the version
 * (4 bytes) and the text fingerprint (8 bytes), big-endian. Thirteen bytes, so the index costs about the id's length
 * plus 13 bytes per article on disk, whatever the article's size.
 */
final class ArticleIndexRecord {

    static final byte FORMAT = 1;
    static final int SIZE = 13;

    private ArticleIndexRecord() {
    }

    static byte[] encode(ArticleVersions.Known known) {
        return ByteBuffer.allocate(SIZE).put(FORMAT).putInt(known.version()).putLong(known.textFingerprint()).array();
    }

    /** The version a value holds; null for a tombstone or a value of another format (not written by ingest). */
    static ArticleVersions.Known decode(byte[] value) {
        if (value == null || value.length != SIZE || value[0] != FORMAT) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(value, 1, SIZE - 1);
        return new ArticleVersions.Known(b.getInt(), b.getLong());
    }
}
