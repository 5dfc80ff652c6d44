package io.newspipe.extraction.kpi;

import io.newspipe.extraction.CharClass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of lower-case word phrases matched at word boundaries by hashing the first word: linear in the text and
 * independent of the number of phrases, unlike a regex alternation that tries every phrase at every position.
 * Words are runs of letters and digits; between the words of a phrase the text may have any separator except
 * sentence punctuation (",", ";", ":", ".", "(", ")"), so "chỉ tiêu, tiêu chí" never matches "tiêu tiêu".
 */
public final class PhraseSet {

    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();
    /**
     * Bit {@code c & 63} set for the first char c of every first word: most words are rejected by one test of a
     * field (a per-set table of all chars took cache lines of its own in every one of the sets).
     */
    private long firstChars;
    private int longestFirstWord;
    /** Open-addressing table over byFirstWord, probed with a region of the text so lookups build no strings. */
    private final String[] slotKeys;
    private final List<String[]>[] slotValues;
    private final int slotMask;

    public PhraseSet(Collection<String> phrases) {
        for (String p : phrases) {
            String[] words = words(Lexicon.lower(p));
            if (words.length > 0) {
                byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
                firstChars |= 1L << words[0].charAt(0);
                longestFirstWord = Math.max(longestFirstWord, words[0].length());
            }
        }
        for (List<String[]> list : byFirstWord.values()) {
            for (String[] words : list) {
                int bit = filterBit(words[words.length - 1].hashCode());
                lastWordBits[bit >>> 6] |= 1L << bit;
            }
            list.sort(Comparator.comparingInt((String[] w) -> w.length).reversed());
        }
        int cap = Integer.highestOneBit(Math.max(4, byFirstWord.size() * 4 - 1)) << 1;
        slotKeys = new String[cap];
        @SuppressWarnings("unchecked")
        List<String[]>[] values = new List[cap];
        slotValues = values;
        slotMask = cap - 1;
        for (Map.Entry<String, List<String[]>> e : byFirstWord.entrySet()) {
            int slot = spread(e.getKey().hashCode()) & slotMask;
            while (slotKeys[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            slotKeys[slot] = e.getKey();
            slotValues[slot] = e.getValue();
            int bit = filterBit(e.getKey().hashCode());
            firstWordBits[bit >>> 6] |= 1L << bit;
        }
    }

    /** 4,096 hash bits of the last words of the phrases: {@link #endingAt} gives up at once on any other word. */
    private final long[] lastWordBits = new long[64];

    /** 4,096 hash bits of the first words: most words are rejected here, in cache, without probing the table. */
    private final long[] firstWordBits = new long[64];

    private static int filterBit(int h) {
        return (h ^ (h >>> 12)) & 4095;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** False when no first word starts with c (true may be a false alarm: the table probe then decides). */
    private boolean mayStartWith(char c) {
        return (firstChars & (1L << c)) != 0; // the shift takes c mod 64
    }

    /**
     * False when no phrase opens with a word of hash h: one bit of a 512-byte filter, read before any char of the
     * word (an indexed word's hash is at hand).
     */
    private boolean mayOpen(int h) {
        int bit = filterBit(h);
        return (firstWordBits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The phrases whose first word is exactly text[from, to) with hash h, or null; same as byFirstWord.get(substring). */
    private List<String[]> candidates(String text, int from, int to, int h) {
        int bit = filterBit(h);
        if ((firstWordBits[bit >>> 6] & (1L << bit)) == 0) {
            return null;
        }
        int len = to - from;
        for (int slot = spread(h) & slotMask; ; slot = (slot + 1) & slotMask) {
            String key = slotKeys[slot];
            if (key == null) {
                return null;
            }
            if (key.length() == len && text.regionMatches(from, key, 0, len)) {
                return slotValues[slot];
            }
        }
    }

    /** End offset of the longest phrase starting at word start {@code at} of lower-cased text, or -1. */
    public int matchAt(String lower, int at) {
        return matchAt(lower, at, lower.length());
    }

    public int matchAt(String lower, int at, int limit) {
        return matchAt(lower, 0, at, limit);
    }

    /**
     * As {@link #matchAt(String, int)}, but {@code at} counts as a word start whatever stands before it: a unit glued
     * to its number ("117kg", "38km").
     */
    public int matchGluedAt(String lower, int at) {
        return matchAt(lower, at, at, lower.length());
    }

    /**
     * As {@link #matchAt(String, int, int)} inside the region [floor, limit) of lower: the region's start counts as
     * a word boundary whatever stands before it (as if the region had been cut out with substring, without the copy).
     */
    private int matchAt(String lower, int floor, int at, int limit) {
        if (at >= limit || !mayStartWith(lower.charAt(at)) || at > floor && isWordChar(lower.charAt(at - 1))) {
            return -1;
        }
        // one pass finds the end of the first word and hashes it (String.hashCode of that word)
        int maxEnd = at + longestFirstWord;
        int h = 0;
        int firstEnd = at;
        while (firstEnd < limit) {
            char c = lower.charAt(firstEnd);
            if (!isWordChar(c)) {
                break;
            }
            if (firstEnd == maxEnd) {
                return -1; // longer than any first word
            }
            h = 31 * h + c;
            firstEnd++;
        }
        return matchRest(lower, firstEnd, h, at, limit);
    }

    /**
     * The rest of {@link #matchAt(String, int, int, int)}: the first word is lower[at, firstEnd) with hash h, no
     * longer than any first word; the longest phrase that starts with it and ends by limit.
     */
    private int matchRest(String lower, int firstEnd, int h, int at, int limit) {
        List<String[]> candidates = candidates(lower, at, firstEnd, h);
        if (candidates == null) {
            return -1;
        }
        for (String[] phrase : candidates) {
            int pos = firstEnd;
            boolean ok = true;
            for (int i = 1; i < phrase.length && ok; i++) {
                int ws = pos;
                while (ws < limit && !isWordChar(lower.charAt(ws))) {
                    if (",;:.()".indexOf(lower.charAt(ws)) >= 0) {
                        ok = false;
                        break;
                    }
                    ws++;
                }
                if (!ok || ws == pos || ws >= limit) {
                    ok = false;
                    break;
                }
                int we = wordEnd(lower, ws, limit);
                ok = lower.regionMatches(ws, phrase[i], 0, phrase[i].length()) && we - ws == phrase[i].length();
                pos = we;
            }
            if (ok) {
                return pos;
            }
        }
        return -1;
    }

    /**
     * {@link #matchAt(String, int, int, int)} at word k of the indexed text, with its end and hash from the index:
     * the same answer for {@code matchAt(words.text(), floor, words.start(k), limit)} when the word starts at or
     * after floor.
     */
    public int matchAtWord(WordIndex words, int k, int floor, int limit) {
        String lower = words.text();
        int s = words.start(k);
        if (s >= limit) {
            return -1;
        }
        int e = words.end(k);
        if (e > limit) {
            return matchAt(lower, floor, s, limit); // the region ends inside this word
        }
        return e - s > longestFirstWord || !mayOpen(words.hash(k)) ? -1 : matchRest(lower, e, words.hash(k), s, limit);
    }

    /** The first phrase inside [from, to) as {start, end}, or null. */
    public int[] find(String lower, int from, int to) {
        return find(lower, 0, from, to);
    }

    /**
     * The first phrase inside [from, to) of the region [floor, to) of lower, as {start, end}, or null: the same
     * answer as {@code find(lower.substring(floor, to), from - floor, to - floor)} shifted by floor, without copying.
     */
    public int[] find(String lower, int floor, int from, int to) {
        int end = Math.min(to, lower.length());
        for (int i = Math.max(floor, from); i < end; i++) {
            char c = lower.charAt(i);
            if (isWordChar(c) && (i == floor || !isWordChar(lower.charAt(i - 1)))) {
                if (mayStartWith(c)) {
                    int e = matchAt(lower, floor, i, end);
                    if (e >= 0) {
                        return new int[] {i, e};
                    }
                }
                while (i + 1 < end && isWordChar(lower.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return null;
    }

    /**
     * {@link #find(String, int, int)} on a sentence of the indexed text, visiting the index's words instead of the
     * sentence's chars: the same answer as {@code find(sentence, from, to)} where sentence is
     * {@code words.text().substring(offset, offset + length)}, relative to it. The sentence's start is a word start
     * even inside a word of the text, and a word cut by {@code to} is tried as cut, as the plain scan does.
     */
    public int[] findInSentence(WordIndex words, int offset, int length, int from, int to) {
        String lower = words.text();
        int lo = offset + Math.max(0, from);
        int hi = offset + Math.min(to, length);
        if (lo >= hi) {
            return null;
        }
        int k = words.firstAtOrAfter(lo);
        if (lo == offset && k > 0 && words.end(k - 1) > lo) {
            int e = matchAt(lower, offset, lo, hi); // the sentence opens inside a word: its tail is a word here
            if (e >= 0) {
                return new int[] {0, e - offset};
            }
        }
        for (int n = words.count(); k < n && words.start(k) < hi; k++) {
            int m = matchAtWord(words, k, offset, hi);
            if (m >= 0) {
                return new int[] {words.start(k) - offset, m - offset};
            }
        }
        return null;
    }

    public boolean foundIn(String lower, int from, int to) {
        return from < to && find(lower, from, to) != null;
    }

    /**
     * {@link #foundInRegion(String, int, int)} on the indexed text, visiting its words instead of its chars: the same
     * answer (a word cut by the region's start or end is tried char by char, as the plain scan would).
     */
    public boolean foundInRegion(WordIndex words, int from, int to) {
        if (from >= to) {
            return false;
        }
        String lower = words.text();
        int k = words.firstAtOrAfter(from);
        if (k > 0 && words.end(k - 1) > from && matchAt(lower, from, from, to) >= 0) {
            return true; // the region starts inside a word: that word's tail counts as a word of the region
        }
        for (int n = words.count(); k < n && words.start(k) < to; k++) {
            if (matchAtWord(words, k, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase stands in lower[from, to) taken on its own, as if cut out with substring (no copy made). */
    public boolean foundInRegion(String lower, int from, int to) {
        return from < to && find(lower, from, from, to) != null;
    }

    /**
     * The longest phrase that ends at the last word before {@code end} (only spaces between), looking back at most
     * {@code reach} words and never across sentence punctuation; {start, end} or null.
     */
    public int[] endingAt(String lower, int end, int reach) {
        int e = end;
        while (e > 0 && CharClass.isWhitespace(lower.charAt(e - 1))) {
            e--;
        }
        if (e == 0 || !isWordChar(lower.charAt(e - 1))) {
            return null;
        }
        int wb = e;
        while (wb > 0 && isWordChar(lower.charAt(wb - 1))) {
            wb--;
        }
        // a phrase ending at e ends with this word: when no phrase ends with it, there is nothing to walk back for
        int h = 0;
        for (int k = wb; k < e; k++) {
            h = 31 * h + lower.charAt(k);
        }
        int bit = filterBit(h);
        if ((lastWordBits[bit >>> 6] & (1L << bit)) == 0) {
            return null;
        }
        int[] best = null;
        for (int w = 0; w < reach; w++) {
            if (matchAt(lower, wb, e) == e) {
                best = new int[] {wb, e};
            }
            int ws = wb;
            while (ws > 0 && !isWordChar(lower.charAt(ws - 1))) {
                if (",;:.()".indexOf(lower.charAt(ws - 1)) >= 0) {
                    return best;
                }
                ws--;
            }
            if (ws == 0) {
                return best;
            }
            int nb = ws;
            while (nb > 0 && isWordChar(lower.charAt(nb - 1))) {
                nb--;
            }
            wb = nb;
        }
        return best;
    }

    /** The phrase text between two offsets of lower-cased text, separators collapsed to one space. */
    public static String normalized(String lower, int start, int end) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = start; i < end; i++) {
            char c = lower.charAt(i);
            if (isWordChar(c)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** Character.isLetterOrDigit, from the table every other char test reads (one table in cache, not two). */
    static boolean isWordChar(char c) {
        return CharClass.isLetterOrDigit(c);
    }

    private static int wordEnd(String s, int from, int limit) {
        int i = from;
        while (i < limit && isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String[] words(String phrase) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < phrase.length()) {
            while (i < phrase.length() && !isWordChar(phrase.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < phrase.length() && isWordChar(phrase.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(phrase.substring(s, i));
            }
        }
        return out.toArray(new String[0]);
    }
}
