package io.newspipe.extraction.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.newspipe.extraction.text.Lexicon;
import org.junit.jupiter.api.Test;

/** The words a period pattern is tried at come from kpi-periods.txt itself. */
class PeriodTriggersTest {

    @Test
    void givenThePeriodLexicon_whenTriggersAreDerived_thenEachLineOpensWithOne() {
        List<String> lines = Lexicon.lowered(Lexicon.lines("kpi-periods.txt"));

        List<String> triggers = KpiExtractor.periodTriggers(lines);

        assertThat(triggers).contains("tính đến", "đến thời", "sáu tháng", "quý", "giữa đánh", "của năm", "năm", "cùng kỳ");
        for (String line : lines) {
            assertThat(KpiExtractor.periodTriggers(List.of(line))).as(line).isNotEmpty();
        }
    }

    @Test
    void givenANewLineOpeningWithAWord_whenTriggersAreDerived_thenItsOpeningIsTried() {
        assertThat(KpiExtractor.periodTriggers(List.of("(?:mùa|vụ) (?:đông|hè) \\d{4}")))
                .containsExactly("mùa đông", "mùa hè", "vụ đông", "vụ hè");
    }

    @Test
    void givenALineOpeningWithANonLiteralPart_whenTriggersAreDerived_thenItIsRefusedByName() {
        assertThatThrownBy(() -> KpiExtractor.periodTriggers(List.of("[0-9]+ ngày")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[0-9]+ ngày");
    }
}
