package io.newspipe.extraction.reference;

import java.time.LocalDate;
import java.util.Locale;

/**
 * An administrative unit of one {@link AdminMap}: official code (General Statistics Office: 2 digits for a province,
 * 3 for a district, 5 for a commune), level, the prefix written before its name and the name. Immutable.
 */
public final class AdminUnit {

    private final AdminMap map;
    private final String code;
    private final AdminLevel level;
    private final String prefix;
    private final String name;
    private final String parentCode;
    private final String provinceCode;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final String id;

    AdminUnit(AdminMap map, String code, AdminLevel level, String prefix, String name, String parentCode,
            String provinceCode, LocalDate validFrom, LocalDate validTo) {
        this.map = map;
        this.code = code;
        this.level = level;
        this.prefix = prefix;
        this.name = name;
        this.parentCode = parentCode;
        this.provinceCode = provinceCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.id = map.tag() + ":" + code;
    }

    /** Unique across maps: {@code vn63:412} (thành phố Vinh), {@code vn34:40} (tỉnh Nghệ An). */
    public String id() {
        return id;
    }

    public AdminMap map() {
        return map;
    }

    /** The official code, unique within the map. */
    public String code() {
        return code;
    }

    public AdminLevel level() {
        return level;
    }

    /** As written before the name, lower case: tỉnh, thành phố, quận, huyện, thị xã, xã, phường, thị trấn, đặc khu. */
    public String prefix() {
        return prefix;
    }

    /** Without the prefix: "Nghệ An", "Vinh", "Bà Rịa - Vũng Tàu". */
    public String name() {
        return name;
    }

    /** Prefix and name as a title: "Thành phố Vinh". */
    public String fullName() {
        return prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1) + " " + name;
    }

    /** The code of the enclosing unit in the same map; empty for a province. */
    public String parentCode() {
        return parentCode;
    }

    /** The code of the province it lies in (its own code for a province). */
    public String provinceCode() {
        return provinceCode;
    }

    /** First day in force; null when not recorded (units of {@link AdminMap#VN63}). */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** Last day in force; null while in force. */
    public LocalDate validTo() {
        return validTo;
    }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminUnit u && u.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + " " + fullName();
    }
}
