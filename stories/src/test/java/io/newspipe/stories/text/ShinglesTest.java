package io.newspipe.stories.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.TextNormalizer;

class ShinglesTest {

    private static long[] shingles(String text, int n, ToneFolding f) {
        return Shingles.of(Words.of(TextNormalizer.normalize(text), f), n);
    }

    @Test
    void runsOfStopSyllablesMakeNoShingle() {
        // "của các" and "đã được" are stop syllables only; "giá lúa" and "lúa tăng" are not
        assertThat(shingles("của các", 2, ToneFolding.NONE)).isEmpty();
        assertThat(shingles("giá lúa tăng", 2, ToneFolding.NONE)).hasSize(2);
        assertThat(shingles("đã được giá lúa", 2, ToneFolding.NONE)).hasSize(2); // "được giá", "giá lúa"
    }

    @Test
    void caseAndPunctuationDoNotMatterAndShinglesAreDistinct() {
        assertThat(shingles("Giá lúa tăng.", 2, ToneFolding.NONE))
                .containsExactly(shingles("giá LÚA, tăng", 2, ToneFolding.NONE));
        assertThat(shingles("giá lúa giá lúa", 2, ToneFolding.NONE)).hasSize(2); // "giá lúa", "lúa giá"
    }

    @Test
    void toneFoldingDecidesWhetherMarksCount() {
        String a = "Ủy ban nhân dân huyện Hòa Vang";
        String b = "Uy ban nhan dan huyen Hoa Vang";
        assertThat(Shingles.jaccard(shingles(a, 2, ToneFolding.NONE), shingles(b, 2, ToneFolding.NONE))).isZero();
        assertThat(Shingles.jaccard(shingles(a, 2, ToneFolding.ALL), shingles(b, 2, ToneFolding.ALL))).isEqualTo(1.0);
        // TONES keeps vowel letters: "dân" and "dan" still differ ("â" is not a tone mark)
        double tones = Shingles.jaccard(shingles(a, 2, ToneFolding.TONES), shingles(b, 2, ToneFolding.TONES));
        assertThat(tones).isGreaterThan(0).isLessThan(1);
    }

    @Test
    void jaccardOfSortedSets() {
        assertThat(Shingles.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4})).isEqualTo(0.5);
        assertThat(Shingles.jaccard(new long[0], new long[0])).isZero();
    }
}
