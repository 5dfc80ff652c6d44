package io.newspipe.extraction.text;

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
            String lower = randomText(random, pieces, 30);
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

    @Test
    void givenRandomSentencesOfAText_whenFoundThroughWordIndex_thenSameAnswerAsScanningTheCutSentence() {
        // sentences may open or close inside a word of the text (a credit glued to the next sentence)
        String[] pieces = {"chỉ", "tiêu", "tăng", "trưởng", "kinh", "tế", "doanh", "thu", "so", "với", "và", "x",
            "tăngtrưởng", " ", "  ", ", ", ". ", "\n", "(", "-", "đ"};
        java.util.Random random = new java.util.Random(20261128);
        int found = 0;
        int insideWord = 0;
        for (int t = 0; t < 2000; t++) {
            String lower = randomText(random, pieces, 30);
            WordIndex words = WordIndex.of(lower);
            for (int r = 0; r < 20; r++) {
                int offset = random.nextInt(lower.length() + 1);
                int length = random.nextInt(lower.length() - offset + 1);
                String sentence = lower.substring(offset, offset + length);
                int from = random.nextInt(length + 1);
                int to = from + random.nextInt(length - from + 1);
                int[] scanned = PHRASES.find(sentence, from, to);
                assertThat(PHRASES.findInSentence(words, offset, length, from, to))
                        .as("'%s' of '%s' [%d, %d)", sentence, lower, from, to).isEqualTo(scanned);
                found += scanned != null ? 1 : 0;
                insideWord += offset > 0 && length > 0 && Character.isLetter(lower.charAt(offset - 1))
                        && Character.isLetter(lower.charAt(offset)) ? 1 : 0;
            }
        }
        assertThat(found).as("regions with a phrase among the 40,000 tried").isGreaterThan(150);
        assertThat(insideWord).as("sentences opening inside a word").isGreaterThan(1000);
    }

    @Test
    void givenRandomText_whenLookingBackForAPhrase_thenSameAnswerAsTryingEveryWordBack() {
        String[] pieces = {"chỉ", "tiêu", "tăng", "trưởng", "kinh", "tế", "doanh", "thu", "so", "với", "và", "x",
            " ", "  ", ", ", ". ", "(", "-", "đ", "12"};
        java.util.Random random = new java.util.Random(20261129);
        int found = 0;
        for (int t = 0; t < 3000; t++) {
            String lower = randomText(random, pieces, 20);
            for (int end = 0; end <= lower.length(); end++) {
                int reach = 1 + random.nextInt(5);
                int[] expected = endingAtByEveryWord(lower, end, reach);
                assertThat(PHRASES.endingAt(lower, end, reach)).as("'%s' before %d, %d words", lower, end, reach)
                        .isEqualTo(expected);
                found += expected != null ? 1 : 0;
            }
        }
        assertThat(found).as("phrases found looking back").isGreaterThan(400);
    }

    /** endingAt's definition, walked without its last-word screen: each of up to reach words back is tried. */
    private static int[] endingAtByEveryWord(String lower, int end, int reach) {
        int e = end;
        while (e > 0 && Character.isWhitespace(lower.charAt(e - 1))) {
            e--;
        }
        if (e == 0 || !Character.isLetterOrDigit(lower.charAt(e - 1))) {
            return null;
        }
        int wb = e;
        while (wb > 0 && Character.isLetterOrDigit(lower.charAt(wb - 1))) {
            wb--;
        }
        int[] best = null;
        for (int w = 0; w < reach; w++) {
            if (PHRASES.matchAt(lower, wb, e) == e) {
                best = new int[] {wb, e};
            }
            int ws = wb;
            while (ws > 0 && !Character.isLetterOrDigit(lower.charAt(ws - 1))) {
                if (",;:.()".indexOf(lower.charAt(ws - 1)) >= 0) {
                    return best;
                }
                ws--;
            }
            if (ws == 0) {
                return best;
            }
            while (ws > 0 && Character.isLetterOrDigit(lower.charAt(ws - 1))) {
                ws--;
            }
            wb = ws;
        }
        return best;
    }

    /** One to {@code maxPieces} pieces drawn at random and joined. */
    private static String randomText(java.util.Random random, String[] pieces, int maxPieces) {
        StringBuilder b = new StringBuilder();
        for (int w = random.nextInt(maxPieces); w >= 0; w--) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
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
