package io.newspipe.extraction.reference;

import java.time.LocalDate;

/**
 * Narrows {@link AdminUnits#find(CharSequence, AdminQuery)}: by level, map, a date the unit is in force on, and an
 * enclosing unit. Immutable; each method returns a narrower query.
 *
 * <pre>
 * units.find("Phú Mỹ", AdminQuery.any().level(AdminLevel.COMMUNE).on(LocalDate.of(2024, 5, 1)))
 * </pre>
 */
public final class AdminQuery {

    private static final AdminQuery ANY = new AdminQuery(null, null, null, null);

    private final AdminLevel level;
    private final AdminMap map;
    private final LocalDate on;
    private final AdminUnit within;

    private AdminQuery(AdminLevel level, AdminMap map, LocalDate on, AdminUnit within) {
        this.level = level;
        this.map = map;
        this.on = on;
        this.within = within;
    }

    /** Every unit. */
    public static AdminQuery any() {
        return ANY;
    }

    public AdminQuery level(AdminLevel l) {
        return new AdminQuery(l, map, on, within);
    }

    public AdminQuery map(AdminMap m) {
        return new AdminQuery(level, m, on, within);
    }

    /** Units in force on that day. */
    public AdminQuery on(LocalDate date) {
        return new AdminQuery(level, map, date, within);
    }

    /** Units inside area (a province or a district, of the same map), not area itself. */
    public AdminQuery within(AdminUnit area) {
        return new AdminQuery(level, map, on, area);
    }

    boolean test(AdminUnit u) {
        if (level != null && u.level() != level || map != null && u.map() != map || on != null && !u.validOn(on)) {
            return false;
        }
        if (within == null) {
            return true;
        }
        if (within.map() != u.map() || within.equals(u)) {
            return false;
        }
        return switch (within.level()) {
            case PROVINCE -> u.provinceCode().equals(within.code());
            case DISTRICT -> u.parentCode().equals(within.code());
            case COMMUNE -> false;
        };
    }
}
