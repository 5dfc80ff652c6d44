package io.newspipe.extraction.awards;

import io.newspipe.extraction.CharClass;

import java.util.Collection;
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
    private final boolean[] starts = new boolean[Character.MAX_VALUE + 1];

    /**
     * @param pattern      a pattern opening with a look-behind that refuses a letter ({@code (?<![\\p{L}])} or
     *                     {@code (?<![\\p{L}\\p{N}])})
     * @param firstLetters the first letter of every alternative the pattern can match (any case)
     */
    StartScanner(Pattern pattern, Collection<Character> firstLetters) {
        if (!pattern.pattern().startsWith("(?<![\\p{L}")) {
            throw new IllegalArgumentException("pattern must open with a look-behind refusing letters: " + pattern);
        }
        this.pattern = pattern;
        boolean[] same = new boolean[Character.MAX_VALUE + 1];
        boolean[] lower = new boolean[Character.MAX_VALUE + 1];
        boolean[] upper = new boolean[Character.MAX_VALUE + 1];
        boolean[] folded = new boolean[Character.MAX_VALUE + 1];
        for (char f : firstLetters) {
            if (Character.isSurrogate(f)) {
                throw new IllegalArgumentException("first letter outside the BMP: " + (int) f);
            }
            same[f] = true;
            lower[Character.toLowerCase(f)] = true;
            upper[Character.toUpperCase(f)] = true;
            folded[Character.toLowerCase(Character.toUpperCase(f))] = true;
        }
        // a generous superset of what any case-insensitive comparison of the engine accepts
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            starts[c] = same[c] || lower[Character.toLowerCase(ch)] || upper[Character.toUpperCase(ch)]
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
        int n = s.length();
        for (int i = from; i < n; i++) {
            // every pattern here opens with a look-behind refusing a letter: a letter before fails it for sure
            if (starts[s.charAt(i)] && (i == 0 || !CharClass.isLetter(s.charAt(i - 1)))) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}
