package io.newspipe.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic article ids, so posting the same article twice is recognized as a duplicate.
 *
 * <ul>
 *   <li>{@code u-} + the first 20 hex digits of SHA-256 of the {@linkplain CanonicalUrl canonical URL}, when the
 *       sender gave a URL: the same page re-scraped with small text changes keeps its id;</li>
 *   <li>{@code t-} + the first 20 hex digits of SHA-256 of the normalized text (surrounding blank space stripped),
 *       when there is no URL.</li>
 * </ul>
 * The trailing URL line inside the scraped text is deliberately not used: scrapers often put the outlet's home page
 * there (the same for every article), which would merge different articles. 20 hex digits are 80 bits: collisions
 * are negligible for any realistic number of articles, and the prefix tells a reader where an id came from.
 */
public final class ArticleIds {

    public static final String URL_PREFIX = "u-";
    public static final String TEXT_PREFIX = "t-";
    private static final int HEX_DIGITS = 20;

    private ArticleIds() {
    }

    public static String fromCanonicalUrl(String canonicalUrl) {
        return URL_PREFIX + sha256Hex(canonicalUrl).substring(0, HEX_DIGITS);
    }

    public static String fromNormalizedText(String normalizedText) {
        return TEXT_PREFIX + sha256Hex(normalizedText.strip()).substring(0, HEX_DIGITS);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String sha256Hex(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
