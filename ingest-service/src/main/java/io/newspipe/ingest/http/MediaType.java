package io.newspipe.ingest.http;

import java.util.Locale;

/**
 * The parts of a Content-Type header the intake needs: {@code type/subtype} and the charset parameter.
 *
 * @param essence lower-case {@code type/subtype}, empty when the header is missing
 * @param charset the charset parameter lower-cased without quotes, or null when absent
 */
public record MediaType(String essence, String charset) {

    public static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            return new MediaType("", null);
        }
        String[] parts = header.split(";");
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                charset = p.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return new MediaType(essence, charset);
    }

    /** True when no charset is given or it is UTF-8 (the only encoding accepted). */
    public boolean isUtf8OrUnspecified() {
        return charset == null || charset.equals("utf-8") || charset.equals("utf8");
    }
}
