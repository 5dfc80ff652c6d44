package io.newspipe.extraction.reference;

/** The tier of an administrative unit. Districts exist only on the 63-province map (until 30 June 2025). */
public enum AdminLevel {
    /** Tỉnh or thành phố trực thuộc trung ương. */
    PROVINCE('P'),
    /** Quận, huyện, thị xã or thành phố thuộc tỉnh. */
    DISTRICT('D'),
    /** Xã, phường, thị trấn, or (from 1 July 2025) đặc khu. */
    COMMUNE('C');

    private final char letter;

    AdminLevel(char letter) {
        this.letter = letter;
    }

    static AdminLevel ofLetter(String s) {
        for (AdminLevel l : values()) {
            if (s.length() == 1 && s.charAt(0) == l.letter) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + s + "' (P, D or C)");
    }
}
