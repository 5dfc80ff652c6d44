package io.newspipe.cli.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as operators type it on the command line:
 * <ul>
 * <li>{@code now};</li>
 * <li>relative to now: {@code -30s}, {@code -15m}, {@code -2h}, {@code -1d}, {@code -1w};</li>
 * <li>an ISO-8601 instant or offset date-time: {@code 2024-01-12T00:00:00Z}, {@code 2024-01-12T07:00:00+07:00};</li>
 * <li>a local date-time or date in the given zone (the machine's by default): {@code 2024-01-12T07:00},
 * {@code 2024-01-12} (start of that day).</li>
 * </ul>
 * No Kafka.
 */
public final class TimeArgument {

    /** What {@code --help} says about TIME. */
    public static final String FORMATS = "TIME is 'now', relative (-30s, -15m, -2h, -1d, -1w), an ISO-8601 instant "
            + "(2024-01-12T00:00:00Z, 2024-01-12T07:00:00+07:00) or a local date-time/date in the machine's zone "
            + "(2024-01-12T07:00, 2024-01-12)";

    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)([smhdw])");

    private TimeArgument() {
    }

    /**
     * @throws IllegalArgumentException naming the text and the accepted formats
     */
    public static Instant parse(String text, Clock clock, ZoneId zone) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        Matcher relative = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return clock.instant().minus(unit.multipliedBy(n));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException("cannot read time '" + text + "': " + FORMATS);
    }
}
