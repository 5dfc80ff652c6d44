package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateHistoryTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void givenEndOffsetsEveryFiveSeconds_whenAskedForTheSeries_thenRatesAreDeltasOverTime() {
        RateHistory h = new RateHistory(10);
        h.add(new RateHistory.Sample(T0, Map.of("raw", 100L)));
        h.add(new RateHistory.Sample(T0.plusSeconds(5), Map.of("raw", 150L, "dlq", 0L)));
        h.add(new RateHistory.Sample(T0.plusSeconds(10), Map.of("raw", 150L, "dlq", 4L)));

        assertThat(h.series("raw")).extracting(RateHistory.Point::perSecond).containsExactly(10.0, 0.0);
        assertThat(h.series("dlq")).extracting(RateHistory.Point::perSecond).containsExactly(0.8);
        assertThat(h.latest("raw")).isZero();
        assertThat(h.topics()).containsExactly("raw", "dlq");
    }

    @Test
    void givenMoreSamplesThanCapacity_whenAdded_thenOnlyTheNewestAreKept() {
        RateHistory h = new RateHistory(3);
        for (int i = 0; i < 10; i++) {
            h.add(new RateHistory.Sample(T0.plusSeconds(i), Map.of("t", i * 2L)));
        }
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.series("t")).hasSize(2).allSatisfy(p -> assertThat(p.perSecond()).isEqualTo(2.0));
    }

    @Test
    void givenARecreatedTopicAndAClockStepBack_whenAdded_thenNoNegativeRateAppears() {
        RateHistory h = new RateHistory(5);
        h.add(new RateHistory.Sample(T0, Map.of("t", 50L)));
        h.add(new RateHistory.Sample(T0.minusSeconds(1), Map.of("t", 0L))); // ignored
        h.add(new RateHistory.Sample(T0.plusSeconds(5), Map.of("t", 10L)));

        assertThat(h.size()).isEqualTo(2);
        assertThat(h.series("t")).extracting(RateHistory.Point::perSecond).containsExactly(0.0);
    }

    @Test
    void givenSamples_whenDrawn_thenOnePolylinePerTopicWithAnAccessibleTitle() {
        RateHistory h = new RateHistory(5);
        h.add(new RateHistory.Sample(T0, Map.of("news.raw.v1", 0L, "news.dlq.v1", 0L)));
        h.add(new RateHistory.Sample(T0.plusSeconds(5), Map.of("news.raw.v1", 35L, "news.dlq.v1", 0L)));

        String svg = RateChart.svg(h, Duration.ofMinutes(1), T0.plusSeconds(5));

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("<title id=\"rate-chart-title\">")
                .contains("data-topic=\"news.raw.v1\"").contains("data-topic=\"news.dlq.v1\"")
                .contains(">10</text>"); // the peak of 7/s rounds up to a 10/s axis
        assertThat(RateChart.niceCeiling(7)).isEqualTo(10);
        assertThat(RateChart.niceCeiling(130)).isEqualTo(200);
    }
}
