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
}
