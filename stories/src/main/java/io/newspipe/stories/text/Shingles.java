package io.newspipe.stories.text;

import java.util.Arrays;

/**
 * Word n-gram shingles: the hash of every run of n consecutive words, skipping runs made only of stop syllables.
 * Two reports of one event share names, figures and phrases; shingles of two or three syllables catch those while
 * single words match any two articles on one subject.
 */
public final class Shingles {

    private Shingles() {
    }

    /** The distinct shingle hashes of words, sorted; a text shorter than n words gives its content words. */
    public static long[] of(Words words, int n) {
        int count = words.count();
        if (count < n) {
            return words.contentSet();
        }
        long[] out = new long[count - n + 1];
        int c = 0;
        for (int i = 0; i + n <= count; i++) {
            boolean allStop = true;
            long h = n;
            for (int k = i; k < i + n; k++) {
                allStop &= words.isStop(k);
                h = Hashing.combine(h, words.hash(k));
            }
            if (!allStop) {
                out[c++] = h;
            }
        }
        return sortedDistinct(out, c);
    }

    /** The first n values of a (reordered in place), sorted and without repeats. */
    public static long[] sortedDistinct(long[] a, int n) {
        Arrays.sort(a, 0, n);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (w == 0 || a[i] != a[w - 1]) {
                a[w++] = a[i];
            }
        }
        return Arrays.copyOf(a, w);
    }

    /** |a ∩ b| / |a ∪ b| of two sorted distinct arrays; 0 when both are empty. */
    public static double jaccard(long[] a, long[] b) {
        return jaccard(intersection(a, b), a.length, b.length);
    }

    /** The Jaccard similarity of two sets of sizes a and b sharing {@code shared} elements; 0 when both are empty. */
    public static double jaccard(int shared, int a, int b) {
        int union = a + b - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** |a ∩ b| of two sorted distinct arrays. */
    public static int intersection(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int inter = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                inter++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return inter;
    }
}
