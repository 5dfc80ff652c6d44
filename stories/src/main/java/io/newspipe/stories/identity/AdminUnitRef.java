package io.newspipe.stories.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrative unit as entity identity needs it.
 *
 * @param id           unique across maps, e.g. {@code vn63:412} (thành phố Vinh before July 2025), {@code vn34:40}
 * @param code         the official code (General Statistics Office: 2 digits province, 3 district, 5 commune)
 * @param level        province, district or commune
 * @param prefix       as written before the name, lower case ("tỉnh", "thành phố", "huyện", "xã", ...)
 * @param name         without the prefix
 * @param provinceCode the code of the province it lies in (its own for a province), same map
 * @param validFrom    first day in force, null when not recorded
 * @param validTo      last day in force, null while in force
 */
public record AdminUnitRef(String id, String code, Level level, String prefix, String name, String provinceCode,
        LocalDate validFrom, LocalDate validTo) {

    /** The tier of a unit; districts exist only before 1 July 2025. */
    public enum Level {
        PROVINCE, DISTRICT, COMMUNE
    }

    public AdminUnitRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
    }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** "tỉnh Nghệ An", "huyện Nam Đàn". */
    public String fullName() {
        return prefix == null || prefix.isEmpty() ? name : prefix + " " + name;
    }
}
