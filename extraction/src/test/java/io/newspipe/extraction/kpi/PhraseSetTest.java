package io.newspipe.extraction.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PhraseSetTest {

    private static final PhraseSet PHRASES = new PhraseSet(List.of("chỉ tiêu", "tiêu chí", "tăng", "tăng trưởng kinh tế",
            "doanh thu", "so với"));

    /** A text looked at once is scanned; looked at again it is read from the shared segmentation: same answers. */
    @Test
    void givenRandomTexts_whenLookedUpOnceAndRepeatedly_thenScanningAndSegmentationAgree() {
        String[] words = {"chỉ", "tiêu", "chí", "tăng", "trưởng", "kinh", "tế", "doanh", "thu", "so", "với", "12,5"};
        String[] gaps = {" ", "  ", ", ", "; ", " (", ") ", ". ", " - ", ":"};
        Random random = new Random(7);
        int found = 0;
        for (int round = 0; round < 2_000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int w = 0; w < n; w++) {
                b.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
            }
            String text = b.toString();
            int from = random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            int at = random.nextInt(text.length());
            int limit = at + random.nextInt(text.length() - at + 1);
            int end = random.nextInt(text.length() + 1);

            String once = new String(text); // a fresh instance per call: always the scanning path
            int[] scannedFind = PHRASES.find(new String(once), from, to);
            int scannedMatch = PHRASES.matchAt(new String(once), at, limit);
            int[] scannedEnding = PHRASES.endingAt(new String(once), end, 4);

            String shared = new String(text);
            PHRASES.find(shared, 0, 0); // first look: remembered, so the next ones segment it
            assertThat(PHRASES.find(shared, from, to)).as(text).isEqualTo(scannedFind);
            assertThat(PHRASES.matchAt(shared, at, limit)).as(text).isEqualTo(scannedMatch);
            assertThat(PHRASES.endingAt(shared, end, 4)).as(text).isEqualTo(scannedEnding);
            found += scannedFind != null ? 1 : 0;
        }
        assertThat(found).as("texts with a phrase found").isGreaterThan(100);
    }

    @Test
    void givenPunctuationBetweenWords_whenFound_thenPhraseNotMatchedAcrossIt() {
        String text = "chỉ tiêu, tiêu chí và chỉ  tiêu";
        PHRASES.find(text, 0, 0);
        assertThat(Arrays.toString(PHRASES.find(text, 4, text.length()))).isEqualTo("[10, 18]");
        assertThat(PHRASES.find(text, 0, 5)).isNull();
    }
}
