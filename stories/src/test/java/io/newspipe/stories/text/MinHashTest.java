package io.newspipe.stories.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MinHashTest {

    private static long[] set(long from, int size) {
        long[] s = new long[size];
        for (int i = 0; i < size; i++) {
            s[i] = Hashing.mix64(from + i);
        }
        return s;
    }

    @Test
    void identicalSetsAgreeEverywhereAndDisjointSetsAlmostNowhere() {
        MinHash mh = new MinHash(128);
        assertThat(MinHash.similarity(mh.signature(set(0, 500)), mh.signature(set(0, 500)))).isEqualTo(1.0);
        assertThat(MinHash.similarity(mh.signature(set(0, 500)), mh.signature(set(10_000, 500)))).isLessThan(0.05);
    }

    @Test
    void estimatesTheJaccardSimilarityWithinFourStandardErrors() {
        MinHash mh = new MinHash(256);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int size = 200 + rnd.nextInt(800);
            int shared = rnd.nextInt(size);
            long[] a = set(0, size);
            long[] b = set(size - shared, size); // overlaps a in `shared` elements
            double truth = (double) shared / (2 * size - shared);
            double est = MinHash.similarity(mh.signature(a), mh.signature(b));
            double se = Math.sqrt(truth * (1 - truth) / 256);
            assertThat(Math.abs(est - truth)).as("size %d shared %d", size, shared).isLessThanOrEqualTo(4 * se + 1e-9);
        }
    }

    @Test
    void signaturesAreTheSameInEveryInstance() {
        long[] s = set(42, 300);
        assertThat(new MinHash(64).signature(s)).containsExactly(new MinHash(64).signature(s));
    }

    @Test
    void rejectsSignaturesOfDifferentLengthsAndNoFunctions() {
        assertThatThrownBy(() -> MinHash.similarity(new int[3], new int[4])).hasMessageContaining("different lengths");
        assertThatThrownBy(() -> new MinHash(0)).hasMessageContaining("at least one");
    }
}
