package io.newspipe.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What ingest knows of each article id: its latest version and a fingerprint of that version's text, so a post can
 * be told apart as new (no version yet), a duplicate (the latest text again) or a correction (another text: the next
 * version). Grows only when the log has acknowledged a write.
 *
 * <p>An interface because where it lives will change: today one ingest keeps it in heap, rebuilt from news.raw.v1
 * at start ({@link RawTopicVersionIndex}); with several ingest instances (issue 17) it moves into Kafka-backed state
 * (a compacted id topic in a persistent store), and nothing else in ingest changes.
 */
public interface ArticleVersions {

    /**
     * The latest version of an article.
     *
     * @param version         from 1
     * @param textFingerprint the first 64 bits of the SHA-256 of the normalized text ({@link #fingerprint})
     */
    record Known(int version, long textFingerprint) {
    }

    Optional<Known> latest(String articleId);

    /** Records a version the log acknowledged; a lower version than the one known is ignored. */
    void acknowledged(String articleId, Known version);

    int size();

    /**
     * The fingerprint of a {@code contentHash} (SHA-256 hex of the normalized text): its first 16 hex digits. A hash
     * not in that form (written by another producer) is fingerprinted by its own bytes.
     */
    static long fingerprint(String contentHash) {
        try {
            return HexFormat.fromHexDigitsToLong(contentHash, 0, 16);
        } catch (RuntimeException notHex) {
            return UUID.nameUUIDFromBytes(contentHash.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        }
    }
}
