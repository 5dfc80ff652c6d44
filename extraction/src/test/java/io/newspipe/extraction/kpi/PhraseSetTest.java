package io.newspipe.extraction.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseSetTest {

    private static final PhraseSet PHRASES = new PhraseSet(List.of("chỉ tiêu", "tiêu chí", "tăng", "tăng trưởng kinh tế",
            "doanh thu", "so với"));

    @Test
    void givenPunctuationBetweenWords_whenFound_thenPhraseNotMatchedAcrossIt() {
        String text = "chỉ tiêu, tiêu chí và chỉ  tiêu";
        assertThat(Arrays.toString(PHRASES.find(text, 4, text.length()))).isEqualTo("[10, 18]");
        assertThat(PHRASES.find(text, 0, 5)).isNull();
    }

    @Test
    void givenRandomRegions_whenScreenedThroughWordIndex_thenSameAnswerAsScanningTheRegion() {
        String[] pieces = {"chỉ", "tiêu", "tăng", "trưởng", "kinh", "tế", "doanh", "thu", "so", "với", "và", "năm",
            "2024", "tăngtrưởng", " ", "  ", ", ", ". ", "\n", "(", ")", "-", "x", "đ"};
        java.util.Random random = new java.util.Random(20261127);
        int found = 0;
        int matched = 0;
        for (int t = 0; t < 2000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = random.nextInt(30); w >= 0; w--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String lower = b.toString();
            WordIndex words = WordIndex.of(lower);
            for (int r = 0; r < 20; r++) {
                int from = random.nextInt(lower.length() + 1);
                int to = from + random.nextInt(lower.length() - from + 1);
                int k = words.firstAtOrAfter(from);
                if (k < words.count()) {
                    int expected = matchAtInRegion(lower, from, words.start(k), to);
                    assertThat(PHRASES.matchAtWord(words, k, from, to))
                            .as("word %d of '%s' in [%d, %d)", k, lower, from, to).isEqualTo(expected);
                    matched += expected >= 0 ? 1 : 0;
                }
                boolean scanned = PHRASES.foundInRegion(lower, from, to);
                assertThat(PHRASES.foundInRegion(words, from, to))
                        .as("'%s' [%d, %d)", lower, from, to).isEqualTo(scanned);
                if (scanned) {
                    found++;
                }
            }
        }
        assertThat(found).as("regions with a phrase among the 40,000 tried").isGreaterThan(500);
        assertThat(matched).as("words opening a phrase").isGreaterThan(200);
    }

    /** matchAt on the region cut out with substring, shifted back: the plain reading matchAtWord must equal. */
    private static int matchAtInRegion(String lower, int from, int at, int to) {
        if (at >= to) {
            return -1;
        }
        int e = PHRASES.matchAt(lower.substring(from, to), at - from);
        return e < 0 ? -1 : e + from;
    }
}
