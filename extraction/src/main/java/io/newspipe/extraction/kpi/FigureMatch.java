package io.newspipe.extraction.kpi;

import java.util.regex.Pattern;

/**
 * A figure as written: a number, an optional "/total" and an optional range end ("10 - 12"), read by hand at a
 * given position with exactly the answer of {@link #PATTERN}'s {@code lookingAt} there (groups 1 to 3). The regex
 * ran at every number of every sentence with digits; this walk costs a fraction of it. {@code FigureMatchTest}
 * holds the two equal on random text.
 */
final class FigureMatch {

    /** The specification this class walks. */
    static final Pattern PATTERN = Pattern.compile(
            "(\\d+(?:[.,]\\d+)*)(?:/(\\d+(?:[.,]\\d+)*))?(?:\\s*[-–]\\s*(\\d+(?:[.,]\\d+)*)(?![\\p{N}/]))?");

    private String s;
    private int start;
    private int end;
    private final int[] groups = new int[6];

    /**
     * Reads a figure at {@code at} of s (the pattern's {@code lookingAt} on the region [at, s.length())).
     *
     * @return false when no ASCII digit stands at {@code at}
     */
    boolean readAt(String s, int at) {
        int e1 = numberEnd(s, at);
        if (e1 < 0) {
            return false;
        }
        this.s = s;
        start = at;
        groups[0] = at;
        groups[1] = e1;
        groups[2] = -1;
        groups[3] = -1;
        groups[4] = -1;
        groups[5] = -1;
        int e = e1;
        if (e < s.length() && s.charAt(e) == '/') {
            int e2 = numberEnd(s, e + 1);
            if (e2 >= 0) {
                groups[2] = e + 1;
                groups[3] = e2;
                e = e2;
            }
        }
        end = e;
        int p = skipSpaces(s, e);
        if (p < s.length() && (s.charAt(p) == '-' || s.charAt(p) == '–')) {
            int from = skipSpaces(s, p + 1);
            int longest = numberEnd(s, from);
            // the regex gives the range end back a char at a time until the look-ahead holds: every shorter
            // reading ends on a digit
            for (int q = longest; q > from; q--) {
                if (isDigit(s.charAt(q - 1)) && !numberOrSlashAt(s, q)) {
                    groups[4] = from;
                    groups[5] = q;
                    end = q;
                    break;
                }
            }
        }
        return true;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Group 1 (the number), 2 (after "/") or 3 (the range end) as {@code Matcher.group} gives it, or null. */
    String group(int k) {
        int gs = groups[2 * (k - 1)];
        return gs < 0 ? null : s.substring(gs, groups[2 * (k - 1) + 1]);
    }

    /** End of {@code \d+(?:[.,]\d+)*} at from (greedy), or -1 when no digit stands there. */
    private static int numberEnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return -1;
        }
        while (i + 1 < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
            i += 2;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** {@code \d} without flags: ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} without flags. */
    private static int skipSpaces(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** What {@code (?![\p{N}/])} refuses at i: a numeric code point or '/'. */
    private static boolean numberOrSlashAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        int cp = s.codePointAt(i);
        if (cp == '/') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
