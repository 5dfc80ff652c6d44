package io.newspipe.extraction.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A scanner's hand-written screens are refused when the pattern has an alternative they would skip. */
class StartScannerScreensTest {

    private static final Pattern FORMS = Pattern.compile("(?<![\\p{L}])(?:Bằng khen|Giấy khen|Cờ thi đua)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void givenScreensCoveringEveryAlternative_whenScannerIsBuilt_thenItFindsTheForms() {
        StartScanner scanner = new StartScanner(FORMS, List.of('b', 'g', 'c'), List.of("bằng khen", "giấy", "Cờ"));
        String s = "được tặng Cờ thi đua";

        assertThat(scanner.find(scanner.matcher(s), s, 0)).isTrue();
    }

    @Test
    void givenAFirstLetterMissing_whenScannerIsBuilt_thenTheUnscreenedAlternativeIsNamed() {
        assertThatThrownBy(() -> new StartScanner(FORMS, List.of('b', 'c')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Giấy khen'");
    }

    @Test
    void givenALeadingPhraseMissing_whenScannerIsBuilt_thenTheUnscreenedAlternativeIsNamed() {
        assertThatThrownBy(() -> new StartScanner(FORMS, List.of('b', 'g', 'c'), List.of("bằng khen", "giấy khen", "cờ đỏ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Cờ thi đua'");
    }

    @Test
    void givenAnAlternativeOpeningWithAClass_whenScannerIsBuilt_thenItIsRefused() {
        Pattern digits = Pattern.compile("(?<![\\p{L}])(?:năm|[0-9]+ tuổi)");

        assertThatThrownBy(() -> new StartScanner(digits, List.of('n'))).hasMessageContaining("non-literal");
    }
}
