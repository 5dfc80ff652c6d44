package io.newspipe.stories.text;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.newspipe.extraction.CharClass;

/**
 * The words (Vietnamese syllables: runs of letters, digits and combining marks) of a text as 64-bit hashes of
 * their lower-cased, {@link ToneFolding folded} form, each flagged when it is a {@link #STOPWORDS_RESOURCE stop
 * syllable}. Only hashes are kept: nothing downstream needs the words themselves.
 */
public final class Words {

    /** The stop syllables, one a line. */
    public static final String STOPWORDS_RESOURCE = "/io/newspipe/stories/stopwords.txt";

    private static final Map<ToneFolding, LongSet> STOP = new EnumMap<>(ToneFolding.class);

    static {
        List<String> words = ResourceLines.read(STOPWORDS_RESOURCE);
        for (ToneFolding f : ToneFolding.values()) {
            long[] hs = new long[words.size()];
            for (int i = 0; i < hs.length; i++) {
                hs[i] = hashWord(words.get(i), 0, words.get(i).length(), f);
            }
            STOP.put(f, new LongSet(hs));
        }
    }

    private final long[] hashes;
    private final boolean[] stop;
    private final int count;

    private Words(long[] hashes, boolean[] stop, int count) {
        this.hashes = hashes;
        this.stop = stop;
        this.count = count;
    }

    /** The words of text (any case; best already normalized with the extraction module's TextNormalizer). */
    public static Words of(String text, ToneFolding folding) {
        int n = text.length();
        long[] hs = new long[Math.max(8, n / 4)];
        int c = 0;
        int i = 0;
        LongSet stopSet = STOP.get(folding);
        while (i < n) {
            while (i < n && !CharClass.isLetterDigitOrMark(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && CharClass.isLetterDigitOrMark(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (c == hs.length) {
                    hs = Arrays.copyOf(hs, c * 2);
                }
                hs[c++] = hashWord(text, start, i, folding);
            }
        }
        boolean[] st = new boolean[c];
        for (int k = 0; k < c; k++) {
            st[k] = stopSet.contains(hs[k]);
        }
        return new Words(hs, st, c);
    }

    static long hashWord(CharSequence s, int from, int to, ToneFolding folding) {
        long h = 0xcbf29ce484222325L;
        for (int k = from; k < to; k++) {
            h = (h ^ folding.fold(CharClass.toLowerCase(s.charAt(k)))) * 0x100000001b3L;
        }
        return Hashing.mix64(h);
    }

    public int count() {
        return count;
    }

    public long hash(int i) {
        return hashes[i];
    }

    public boolean isStop(int i) {
        return stop[i];
    }

    /** The distinct hashes of the words that are not stop syllables, sorted. */
    public long[] contentSet() {
        long[] out = new long[count];
        int c = 0;
        for (int i = 0; i < count; i++) {
            if (!stop[i]) {
                out[c++] = hashes[i];
            }
        }
        return Shingles.sortedDistinct(out, c);
    }
}
