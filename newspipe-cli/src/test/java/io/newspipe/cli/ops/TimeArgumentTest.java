package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimeArgumentTest {

    private static final Instant NOW = Instant.parse("2024-01-12T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private static Instant parse(String text) {
        return TimeArgument.parse(text, CLOCK, HANOI);
    }

    @Test
    void givenNowAndRelativeTimes_whenParsed_thenCountedBackFromTheClock() {
        assertThat(parse("now")).isEqualTo(NOW);
        assertThat(parse("-30s")).isEqualTo(NOW.minusSeconds(30));
        assertThat(parse("-15m")).isEqualTo(NOW.minusSeconds(15 * 60));
        assertThat(parse("-2h")).isEqualTo(NOW.minusSeconds(2 * 3600));
        assertThat(parse("-1d")).isEqualTo(NOW.minusSeconds(86400));
        assertThat(parse("-1w")).isEqualTo(NOW.minusSeconds(7 * 86400));
    }

    @Test
    void givenIsoInstantsAndOffsets_whenParsed_thenThatInstant() {
        assertThat(parse("2024-01-12T00:00:00Z")).isEqualTo(Instant.parse("2024-01-12T00:00:00Z"));
        assertThat(parse("2024-01-12T07:00:00+07:00")).isEqualTo(Instant.parse("2024-01-12T00:00:00Z"));
    }

    @Test
    void givenLocalDateTimeOrDate_whenParsed_thenReadInTheGivenZone() {
        assertThat(parse("2024-01-12T07:00")).isEqualTo(Instant.parse("2024-01-12T00:00:00Z"));
        assertThat(parse("2024-01-12")).isEqualTo(Instant.parse("2024-01-11T17:00:00Z"));
    }

    @Test
    void givenUnknownFormat_whenParsed_thenErrorNamesTheTextAndTheFormats() {
        assertThatThrownBy(() -> parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'").hasMessageContaining("-2h").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> parse("2h")).isInstanceOf(IllegalArgumentException.class);
    }
}
