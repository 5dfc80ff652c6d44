package io.newspipe.console;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's access check: the same bearer token as ingest, sent as {@code Authorization: Bearer ...} by
 * scripts, or entered once on the login page by people, which sets a cookie. The cookie holds an HMAC of a fixed
 * label keyed by the token, not the token itself, so a cookie jar never stores the token; changing the token signs
 * everyone out. Without a token the console is open (and says so).
 */
final class ConsoleAuth {

    static final String COOKIE = "newspipe_console";
    private static final String SESSION_LABEL = "newspipe-console-session-v1";

    private final byte[] token;
    private final String cookieValue;

    ConsoleAuth(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = token == null ? null : hmac(this.token, SESSION_LABEL);
    }

    boolean open() {
        return token == null;
    }

    /** True for a request that may see the console. */
    boolean allows(String authorizationHeader, String cookie) {
        if (open()) {
            return true;
        }
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                && matchesToken(authorizationHeader.substring(7).strip())) {
            return true;
        }
        return cookie != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                cookieValue.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, so the time taken does not tell how much of a guess was right. */
    boolean matchesToken(String candidate) {
        return token != null && candidate != null
                && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token);
    }

    String cookieValue() {
        return cookieValue;
    }

    private static String hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
