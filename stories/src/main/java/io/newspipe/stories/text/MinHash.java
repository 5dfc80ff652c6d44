package io.newspipe.stories.text;

/**
 * MinHash signatures (Broder 1997): for each of k hash functions, the least hash over a set's elements. The share of
 * positions where two signatures agree estimates the Jaccard similarity of the sets (standard error
 * sqrt(J(1-J)/k)), from k ints per article whatever its length.
 *
 * <p>The k functions are multiply-shift hashes {@code (a_i * x + b_i) >>> 32} of the (already mixed) 64-bit element
 * hash, with a_i odd; a_i and b_i come from a fixed splitmix64 sequence, so signatures are the same in every JVM.
 * One multiply and add per element and function: cheap enough to hash every shingle of an article k times.
 */
public final class MinHash {

    private static final long SEED = 0x6e65777370697065L; // "newspipe"

    private final long[] a;
    private final long[] b;

    public MinHash(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a MinHash needs at least one hash function, got " + k);
        }
        a = new long[k];
        b = new long[k];
        long s = SEED;
        for (int i = 0; i < k; i++) {
            s += 0x9e3779b97f4a7c15L;
            a[i] = Hashing.mix64(s) | 1;
            s += 0x9e3779b97f4a7c15L;
            b[i] = Hashing.mix64(s);
        }
    }

    public int size() {
        return a.length;
    }

    /** The signature of a set of element hashes; every position is Integer.MAX_VALUE for an empty set. */
    public int[] signature(long[] elements) {
        int k = a.length;
        int[] sig = new int[k];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (long x : elements) {
            for (int i = 0; i < k; i++) {
                int h = (int) ((a[i] * x + b[i]) >>> 32);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** The share of positions where the two signatures agree: the Jaccard estimate. */
    public static double similarity(int[] s, int[] t) {
        if (s.length != t.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + s.length + " and " + t.length);
        }
        int same = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == t[i]) {
                same++;
            }
        }
        return (double) same / s.length;
    }
}
