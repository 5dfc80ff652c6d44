package io.newspipe.extraction.awards;

import io.newspipe.extraction.CharClass;
import io.newspipe.extraction.text.RegexOpenings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for a pattern whose every match starts with one of a few known letters (matched
 * case-insensitively): only positions holding such a letter are tried, with {@link Matcher#lookingAt()}. Java's
 * regex engine otherwise runs the look-behind and the whole alternation at every character of the sentence, which
 * was the largest cost of the award extractor. Same matches, same order: transparent bounds let look-behinds see
 * the text before the tried position, and the patterns have no anchors.
 */
final class StartScanner {

    private final Pattern pattern;
    /**
     * Bit {@code c & 63} set for every char c that can open a match (any case): a screen in one field instead of a
     * 64 KB table per scanner (false alarms cost only the exact tests after it).
     */
    private final long starts;
    /** The same for the chars that can follow the first letter of a match, when {@link #secondsKnown}. */
    private final long seconds;
    private final boolean secondsKnown;
    /**
     * The leading phrases case-folded ({@link #fold}), a space standing for a run of whitespace; null when not known
     * or not usable as a screen. A position where none of them starts cannot start a match.
     */
    private final char[][] openings;

    /**
     * @param pattern      a pattern opening with a look-behind that refuses a letter ({@code (?<![\\p{L}])} or
     *                     {@code (?<![\\p{L}\\p{N}])})
     * @param firstLetters the first letter of every alternative the pattern can match (any case)
     */
    StartScanner(Pattern pattern, Collection<Character> firstLetters) {
        this(pattern, firstLetters, null);
    }

    /**
     * @param leadingPhrases when not null, every alternative of the pattern begins with one of these literal phrases
     *                       (matched case-insensitively, spaces matching any whitespace): a position whose next char
     *                       cannot be the second char of any of them is skipped without running the regex. Most
     *                       Vietnamese words share first letters with the award forms ("các", "của", "có" against
     *                       "Cờ thi đua"), far fewer share the first two.
     */
    StartScanner(Pattern pattern, Collection<Character> firstLetters, Collection<String> leadingPhrases) {
        if (!pattern.pattern().startsWith("(?<![\\p{L}")) {
            throw new IllegalArgumentException("pattern must open with a look-behind refusing letters: " + pattern);
        }
        this.pattern = pattern;
        boolean[] first = new boolean[Character.MAX_VALUE + 1];
        fill(first, firstLetters);
        checkScreens(pattern, first, leadingPhrases);
        starts = mask(first);
        boolean[] next = null;
        if (leadingPhrases != null) {
            List<Character> secondChars = new ArrayList<>();
            for (String p : leadingPhrases) {
                if (p.length() < 2 || !Character.isLetter(p.charAt(1))) {
                    secondChars = null; // a one-letter word or a symbol after the first letter: no screen
                    break;
                }
                secondChars.add(p.charAt(1));
            }
            if (secondChars != null) {
                next = new boolean[Character.MAX_VALUE + 1];
                fill(next, secondChars);
            }
        }
        seconds = next == null ? 0 : mask(next);
        secondsKnown = next != null;
        openings = leadingPhrases == null || leadingPhrases.stream().anyMatch(p -> p.isEmpty() || p.startsWith(" ")
                || p.endsWith(" ") || p.contains("  ") || p.chars().anyMatch(c -> c != ' ' && Character.isWhitespace(c)))
                ? null
                : leadingPhrases.stream().distinct().map(StartScanner::folded).toArray(char[][]::new);
    }

    /**
     * The screens are hand-written next to the pattern they screen for: refuse them when an alternative of the pattern
     * opens with a letter they do not hold or with none of the leading phrases, which would silently lose its matches.
     */
    private static void checkScreens(Pattern pattern, boolean[] first, Collection<String> leadingPhrases) {
        for (RegexOpenings.Opening opening : RegexOpenings.of(pattern.pattern())) {
            String text = opening.text();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("an alternative opens with a non-literal part, so no letter can screen "
                        + "for it: " + pattern);
            }
            if (!first[text.charAt(0)]) {
                throw new IllegalArgumentException("'" + text + "' opens with a letter missing from the first letters: "
                        + pattern);
            }
            if (leadingPhrases != null && leadingPhrases.stream().noneMatch(p -> screens(p, opening))) {
                throw new IllegalArgumentException("'" + text + "' opens with none of the leading phrases " + leadingPhrases
                        + ": " + pattern);
            }
        }
    }

    /** Whether a match opening this way can start with the phrase (a cut opening may continue into it). */
    private static boolean screens(String phrase, RegexOpenings.Opening opening) {
        String p = new String(folded(phrase));
        String o = new String(folded(opening.text()));
        return o.startsWith(p) || !opening.ended() && p.startsWith(o);
    }

    /** Bit {@code c & 63} of every char c the table holds. */
    private static long mask(boolean[] table) {
        long m = 0;
        for (int c = 0; c < table.length; c++) {
            if (table[c]) {
                m |= 1L << c;
            }
        }
        return m;
    }

    private static final char[] FOLD = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLD[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    /** The case folding of Java's case-insensitive Unicode matching of one char ({@code Pattern.UNICODE_CASE}). */
    private static char fold(char c) {
        return FOLD[c];
    }

    /**
     * Whether word stands anywhere in s, compared as a case-insensitive Unicode regex compares literal chars: a
     * screen in front of {@code find()} for patterns that cannot match without that literal word.
     */
    static boolean containsFolded(CharSequence s, String word) {
        char[] w = folded(word);
        int last = s.length() - w.length;
        for (int i = 0; i <= last; i++) {
            if (FOLD[s.charAt(i)] != w[0]) {
                continue;
            }
            int k = 1;
            while (k < w.length && FOLD[s.charAt(i + k)] == w[k]) {
                k++;
            }
            if (k == w.length) {
                return true;
            }
        }
        return false;
    }

    private static char[] folded(String phrase) {
        char[] out = new char[phrase.length()];
        for (int k = 0; k < out.length; k++) {
            out[k] = fold(phrase.charAt(k));
        }
        return out;
    }

    /**
     * Whether one of the openings starts at i, compared as the regex compares it: chars case-folded, a space
     * matching one or more whitespace chars ({@code \s+}; every {@code \s} char is whitespace, and the char after
     * the run is a letter, so skipping all whitespace stops where the regex does). True when there is no list.
     */
    private boolean opensAt(CharSequence s, int i) {
        if (openings == null) {
            return true;
        }
        int n = s.length();
        for (char[] p : openings) {
            int at = i;
            int k = 0;
            while (k < p.length) {
                if (p[k] == ' ') {
                    if (at >= n || !CharClass.isWhitespace(s.charAt(at))) {
                        break;
                    }
                    while (at < n && CharClass.isWhitespace(s.charAt(at))) {
                        at++;
                    }
                } else if (at >= n || fold(s.charAt(at)) != p[k]) {
                    break;
                } else {
                    at++;
                }
                k++;
            }
            if (k == p.length) {
                return true;
            }
        }
        return false;
    }

    /** Marks in table every char that a case-insensitive comparison of the engine may take for one of letters. */
    private static void fill(boolean[] table, Collection<Character> letters) {
        boolean[] same = new boolean[Character.MAX_VALUE + 1];
        boolean[] lower = new boolean[Character.MAX_VALUE + 1];
        boolean[] upper = new boolean[Character.MAX_VALUE + 1];
        boolean[] folded = new boolean[Character.MAX_VALUE + 1];
        for (char f : letters) {
            if (Character.isSurrogate(f)) {
                throw new IllegalArgumentException("letter outside the BMP: " + (int) f);
            }
            same[f] = true;
            lower[Character.toLowerCase(f)] = true;
            upper[Character.toUpperCase(f)] = true;
            folded[Character.toLowerCase(Character.toUpperCase(f))] = true;
        }
        // a generous superset of what any case-insensitive comparison of the engine accepts
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            table[c] = same[c] || lower[Character.toLowerCase(ch)] || upper[Character.toUpperCase(ch)]
                    || folded[Character.toLowerCase(Character.toUpperCase(ch))];
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /** A matcher over s for {@link #find(Matcher, int)}. */
    Matcher matcher(CharSequence s) {
        return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The next match starting at or after {@code from}, as {@code find()} would report it; on success the matcher
     * holds the match (start, end, groups).
     */
    boolean find(Matcher m, CharSequence s, int from) {
        return find(m, s, from, s.length());
    }

    /** As {@link #find(Matcher, CharSequence, int)} for matches starting before {@code to} (they may end after it). */
    boolean find(Matcher m, CharSequence s, int from, int to) {
        int n = s.length();
        for (int i = from; i < to; i++) {
            // every pattern here opens with a look-behind refusing a letter: a letter before fails it for sure
            if ((starts & (1L << s.charAt(i))) != 0
                    && (!secondsKnown || i + 1 < n && (seconds & (1L << s.charAt(i + 1))) != 0)
                    && (i == 0 || !CharClass.isLetter(s.charAt(i - 1))) && opensAt(s, i)) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}
