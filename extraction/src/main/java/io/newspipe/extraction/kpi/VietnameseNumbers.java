package io.newspipe.extraction.kpi;

import io.newspipe.extraction.CharClass;

import java.util.Locale;
import java.util.Map;

/**
 * Reads numbers as Vietnamese news writes them: "." groups thousands and "," marks decimals ("3.471,73" is
 * 3471.73, "842,238" is 842.238, "1.000" is 1000). English-style figures also occur ("1,000,000", "1.5",
 * "1,234.56"); they are told apart by which separator comes last and by the length of the digit groups.
 */
public final class VietnameseNumbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("không", 0), Map.entry("một", 1), Map.entry("hai", 2), Map.entry("ba", 3),
            Map.entry("bốn", 4), Map.entry("tư", 4), Map.entry("năm", 5), Map.entry("sáu", 6),
            Map.entry("bảy", 7), Map.entry("tám", 8), Map.entry("chín", 9), Map.entry("mười", 10),
            Map.entry("nhất", 1), Map.entry("nhì", 2));

    private VietnameseNumbers() {
    }

    /**
     * @param written digits with optional "." / "," separators, e.g. "3.471,73"
     * @return the value, or null when the string is not a single number (a date like "17.2.2025", a code)
     */
    public static Double parse(String written) {
        if (written == null) {
            return null;
        }
        String s = written.strip();
        if (s.isEmpty() || !CharClass.isDigit(s.charAt(0)) || !CharClass.isDigit(s.charAt(s.length() - 1))) {
            return null;
        }
        int dots = 0;
        int commas = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c == ',') {
                commas++;
            } else if (!CharClass.isDigit(c)) {
                return null;
            }
        }
        if (dots == 0 && commas == 0) {
            return Double.valueOf(s);
        }
        if (dots > 0 && commas > 0) {
            // Both separators: the last one is the decimal mark, the other groups thousands.
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            int decimalAt = s.lastIndexOf(decimal);
            if (s.indexOf(decimal) != decimalAt) {
                return null;
            }
            String intPart = s.substring(0, decimalAt);
            if (!validGroups(intPart, group)) {
                return null;
            }
            return Double.valueOf(intPart.replace(String.valueOf(group), "") + "." + s.substring(decimalAt + 1));
        }
        char sep = dots > 0 ? '.' : ',';
        int count = Math.max(dots, commas);
        if (count > 1) {
            // "1.234.567" (or English "1,234,567"): thousands only. Anything else ("17.2.2025") is not a number.
            return validGroups(s, sep) ? Double.valueOf(s.replace(String.valueOf(sep), "")) : null;
        }
        int at = s.indexOf(sep);
        String fraction = s.substring(at + 1);
        if (sep == ',') {
            // Vietnamese decimal comma, even with three digits after it ("20,630 tỷ đồng" is 20.63).
            return Double.valueOf(s.substring(0, at) + "." + fraction);
        }
        // A single dot: three digits after it group thousands ("5.396"); otherwise it is an English decimal.
        if (fraction.length() == 3 && at <= 3 && !s.startsWith("0")) {
            return Double.valueOf(s.substring(0, at) + fraction);
        }
        return Double.valueOf(s.substring(0, at) + "." + fraction);
    }

    /** A number word ("một", "mười", "nhất"), or null. */
    public static Integer parseWord(String word) {
        return word == null ? null : WORDS.get(word.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether s is a first group of 1-3 chars followed by groups of exactly 3, separated by sep; or a non-empty s
     * without sep. (Walks the separators: splitting on a quoted pattern compiled a regex on every call.)
     */
    private static boolean validGroups(String s, char sep) {
        int at = s.indexOf(sep);
        int first = at < 0 ? s.length() : at;
        if (first == 0 || first > 3) {
            return at < 0 && first > 0;
        }
        while (at >= 0) {
            int next = s.indexOf(sep, at + 1);
            if ((next < 0 ? s.length() : next) - at - 1 != 3) {
                return false;
            }
            at = next;
        }
        return true;
    }
}
