package io.newspipe.extraction.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegexOpeningsTest {

    private static List<String> texts(String regex) {
        return RegexOpenings.of(regex).stream().map(RegexOpenings.Opening::text).toList();
    }

    @Test
    void givenAlternativesAndOptionalGroups_whenOpeningsAreRead_thenEveryLiteralPathIsListed() {
        assertThat(texts("(?:tính )?đến (?:nay|hết)")).containsExactlyInAnyOrder("tính đến nay", "tính đến hết", "đến nay", "đến hết");
    }

    @Test
    void givenANonLiteralPart_whenOpeningsAreRead_thenTheOpeningIsCutBeforeIt() {
        List<RegexOpenings.Opening> openings = RegexOpenings.of("quý (?:I{1,3}|IV|\\d)");

        // I{1,3}: at least one "I", then not known; \d: not known
        assertThat(openings).containsExactly(new RegexOpenings.Opening("quý I", false),
                new RegexOpenings.Opening("quý IV", true), new RegexOpenings.Opening("quý ", false));
    }

    @Test
    void givenLookAroundsQuotesAndNamedGroups_whenOpeningsAreRead_thenZeroWidthPartsArePassedOver() {
        assertThat(texts("(?<![\\p{L}])(?:(?<form>Bằng khen)|\\QCờ\\E\\s+\\Qthi\\E|Cờ(?=\\s*[“\"]))(?![\\p{L}])"))
                .containsExactly("Bằng khen", "Cờ", "Cờ");
        assertThat(RegexOpenings.of("Cờ(?=\\s*[“\"])").get(0).ended()).isTrue();
    }

    @Test
    void givenOpenings_whenWholeWordsAreTaken_thenAWordCutInTheMiddleIsLeftOut() {
        assertThat(RegexOpenings.of("năm (?:19|20)\\d{2}").get(0).wholeWords(2)).isEqualTo("năm");
        assertThat(RegexOpenings.of("(?:sau|giữa) (?:đánh giá )?giữa")).extracting(o -> o.wholeWords(2))
                .containsExactly("sau giữa", "sau đánh", "giữa giữa", "giữa đánh");
        assertThat(RegexOpenings.of("cùng kỳ(?: năm)?").get(0).wholeWords(2)).isEqualTo("cùng kỳ");
        assertThat(RegexOpenings.of("[0-9]+ ngày").get(0).wholeWords(2)).isEmpty();
    }
}
