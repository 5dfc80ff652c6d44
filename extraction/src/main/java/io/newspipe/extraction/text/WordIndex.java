package io.newspipe.extraction.text;

import java.util.Arrays;

/**
 * The words of an article's lower-cased text (maximal runs of letters and digits, as {@link PhraseSet} reads them)
 * with their offsets and {@code String.hashCode}s, found in one pass. Screens that ask "does any phrase of this set
 * stand in this sentence?" then visit words instead of re-reading every char of every sentence.
 */
public final class WordIndex {

    private final String lower;
    private final int[] starts;
    private final int[] ends;
    private final int[] hashes;
    private final int count;

    private WordIndex(String lower, int[] starts, int[] ends, int[] hashes, int count) {
        this.lower = lower;
        this.starts = starts;
        this.ends = ends;
        this.hashes = hashes;
        this.count = count;
    }

    /** @param lower {@link Lexicon#lower(String)} of the article text */
    public static WordIndex of(String lower) {
        return of(lower, lower.toCharArray());
    }

    /**
     * @param lowerChars the chars of {@code lower} (the scan reads an array: {@code String.charAt} on UTF-16 text
     *                   costs a coder test and a bounds check per char)
     */
    public static WordIndex of(String lower, char[] lowerChars) {
        int n = lowerChars.length;
        int cap = n / 4 + 8;
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int[] hashes = new int[cap];
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = lowerChars[i];
            if (!PhraseSet.isWordChar(c)) {
                i++;
                continue;
            }
            int s = i;
            int h = 0;
            while (i < n && PhraseSet.isWordChar(c = lowerChars[i])) {
                h = 31 * h + c;
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            starts[count] = s;
            ends[count] = i;
            hashes[count] = h;
            count++;
        }
        return new WordIndex(lower, starts, ends, hashes, count);
    }

    public String text() {
        return lower;
    }

    public int count() {
        return count;
    }

    public int start(int k) {
        return starts[k];
    }

    public int end(int k) {
        return ends[k];
    }

    public int hash(int k) {
        return hashes[k];
    }

    /** Index of the first word starting at or after {@code pos} ({@link #count()} when none). */
    public int firstAtOrAfter(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
