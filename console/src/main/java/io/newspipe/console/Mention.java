package io.newspipe.console;

import java.util.Locale;

/**
 * One highlighted span of an article's text: what kind of mention, where (UTF-16 offsets, end exclusive, as the
 * Avro records carry them) and the tooltip that says what the extractor read there.
 *
 * @param id    stable within one rendering; every part of a split mark carries it
 * @param kind  one of {@link Kind}
 * @param label the {@code title} tooltip (role, value, unit, period...)
 */
public record Mention(int id, Kind kind, int start, int end, String label) {

    /** The kinds the console highlights; the lower-case name is the {@code data-kind} value and the CSS class. */
    public enum Kind {
        PERSON, ORGANIZATION, LOCATION, AWARD, KPI;

        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String legend() {
            return switch (this) {
                case PERSON -> "person";
                case ORGANIZATION -> "organization";
                case LOCATION -> "location";
                case AWARD -> "award";
                case KPI -> "KPI figure";
            };
        }
    }

    /** Whether the span lies inside a text of this length and is not empty. */
    public boolean fits(int textLength) {
        return start >= 0 && start < end && end <= textLength;
    }
}
