package io.newspipe.extraction.reference;

/** What the 1 July 2025 reorganization did to a unit of the 63-province map. */
public enum AdminChange {
    /** Its territory is one unit of the new map, made of nothing else (same unit, possibly another name or code). */
    KEPT,
    /** Merged whole with others into one new unit. */
    MERGED,
    /** Divided among several new units. */
    SPLIT,
    /** A district: the level was abolished; its successor is the new province it lies in (or the special zone). */
    ABOLISHED
}
