package io.newspipe.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Escaping for server-rendered HTML: every value from Kafka, a header or a request goes through {@link #esc}. */
public final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Text or attribute value, escaped; null is the empty string. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A path segment or query value, percent-encoded (then HTML-escaped by the caller where it goes in markup). */
    public static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public static String timeMillis(long epochMillis) {
        return epochMillis < 0 ? "" : time(Instant.ofEpochMilli(epochMillis));
    }

    /** "—" for a value that is absent, escaped otherwise. */
    public static String orDash(Object value) {
        return value == null || value.toString().isEmpty() ? "—" : esc(value);
    }
}
