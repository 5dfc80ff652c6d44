package io.newspipe.extraction.reference;

import java.time.LocalDate;

/**
 * One map of Vietnam's administrative units: the set of units in force over a period. A code is unique within a map,
 * not across maps (a new commune often keeps the code of one of the communes merged into it), so a unit's
 * {@link AdminUnit#id() id} carries its map.
 */
public enum AdminMap {
    /** 63 provinces, ~700 districts, ~10,000 communes; in force until 30 June 2025 (as listed on 1 March 2025). */
    VN63("vn63", "admin-units-vn63.tsv"),
    /** 34 provinces and ~3,300 communes, no districts; in force from 1 July 2025. */
    VN34("vn34", "admin-units-vn34.tsv");

    private final String tag;
    private final String file;

    AdminMap(String tag, String file) {
        this.tag = tag;
        this.file = file;
    }

    /** The prefix of ids: {@code vn63}, {@code vn34}. */
    public String tag() {
        return tag;
    }

    String file() {
        return file;
    }

    /** The day the reorganization into 34 provinces took effect. */
    public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    static AdminMap ofTag(String tag) {
        for (AdminMap m : values()) {
            if (m.tag.equals(tag)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown map '" + tag + "' (vn63 or vn34)");
    }
}
