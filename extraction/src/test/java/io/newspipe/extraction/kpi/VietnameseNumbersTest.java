package io.newspipe.extraction.kpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "42; 42",
            "3.471,73; 3471.73",
            "1.000; 1000",
            "842,238; 842.238",
            "20,630; 20.63",
            "676.708,39; 676708.39",
            "1.234.567; 1234567",
            "1,000,000; 1000000",
            "1,234.56; 1234.56",
            "1.5; 1.5",
            "23.60; 23.6",
            "0.125; 0.125"})
    void givenVietnameseOrEnglishDigits_whenParsed_thenTheValueIsRead(String written, double expected) {
        assertThat(VietnameseNumbers.parse(written)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.2.2025", "1.23.456", "12a", "", "3,5,7", "1.2,3,4"})
    void givenDatesOrCodes_whenParsed_thenNull(String written) {
        assertThat(VietnameseNumbers.parse(written)).isNull();
    }

    @Test
    void givenNumberWords_whenParsed_thenSmallValues() {
        assertThat(VietnameseNumbers.parseWord("một")).isEqualTo(1);
        assertThat(VietnameseNumbers.parseWord("Mười")).isEqualTo(10);
        assertThat(VietnameseNumbers.parseWord("nhất")).isEqualTo(1);
        assertThat(VietnameseNumbers.parseWord("tỷ")).isNull();
    }
}
