package io.newspipe.extraction;

import java.util.Objects;

/**
 * One quantified mention of an indicator, target, result or ranking.
 *
 * @param metric    short description of what is measured
 * @param value     numeric value (Vietnamese format converted; lower bound of a range; numerator of a fraction), or null
 * @param unit      normalized unit ("%", "tỷ đồng", "chỉ tiêu", "hạng", "tốp", "bậc"), or null
 * @param total     denominator of a fraction or ranking, or null
 * @param rank      ordinal or top-N position for rankings, or null
 * @param qualifier approximation word dropped from the value ("gần", "hơn", "trên"), or null
 * @param period    time expression as written, or null
 * @param status    status word ("đạt", "vượt", "khó đạt"), or null
 * @param text      minimal verbatim span
 * @param start     start offset (inclusive)
 * @param end        end offset (exclusive)
 * @param confidence how sure the rules are that this is an indicator figure, 0–1 (see {@link Confidence})
 */
public record KpiMention(String metric, Double value, String unit, Double total, Integer rank, String qualifier,
        String period, String status, String text, int start, int end, double confidence) {
    public KpiMention {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(text, "text");
        Confidence.check(confidence);
    }
}
