package io.newspipe.extraction.reference;

import io.newspipe.extraction.CharClass;
import io.newspipe.extraction.TextNormalizer;

/**
 * The lookup key of a name: normalized as the extractor's text is ({@link TextNormalizer}: NFC, one tone placement),
 * lower case, with dashes, dots, commas, slashes, underscores and parentheses read as spaces, curly apostrophes as
 * {@code '}, and single spaces. So "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu" and "bà rịa vũng tàu", or "Hoà" and
 * "Hòa", or "TP.HCM" and "TP HCM", share a key.
 */
final class NameKey {

    private NameKey() {
    }

    static String of(CharSequence s) {
        String t = TextNormalizer.normalize(s.toString());
        char[] out = new char[t.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isSeparator(c) || CharClass.isWhitespace(c)) {
                space = n > 0;
                continue;
            }
            if (space) {
                out[n++] = ' ';
                space = false;
            }
            out[n++] = isApostrophe(c) ? '\'' : CharClass.toLowerCase(c);
        }
        return new String(out, 0, n);
    }

    private static boolean isSeparator(char c) {
        return switch (c) {
            case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '.', ',', '/', '_', '(', ')' -> true;
            default -> false;
        };
    }

    private static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4' || c == '\u02BC';
    }
}
