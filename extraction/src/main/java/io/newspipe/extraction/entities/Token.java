package io.newspipe.extraction.entities;

/** One word or punctuation mark of the analysed text. */
final class Token {
    final int start;
    final int end;
    final String text;
    final String lower;
    final boolean word;
    final boolean number;
    /** First character is an upper-case letter. */
    final boolean cap;
    /** At least two letters, all upper case ("UBND", "PC04", "KH&CN"). */
    final boolean allCaps;
    /** Letters only, capitalized, rest lower case: a possible name syllable ("Thanh", "Hùng"). */
    final boolean nameLike;
    boolean masked;

    private static final String[] ONE_CHAR = new String[0x3000];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c).intern();
        }
    }

    Token(String source, int start, int end) {
        this.start = start;
        this.end = end;
        char first = source.charAt(start);
        if (end - start == 1 && first < ONE_CHAR.length) {
            this.text = ONE_CHAR[first]; // punctuation and single letters: no allocation
        } else {
            this.text = source.substring(start, end);
        }
        boolean hasUpper = false;
        for (int k = start; k < end && !hasUpper; k++) {
            hasUpper = Character.isUpperCase(source.charAt(k));
        }
        this.lower = hasUpper ? text.toLowerCase(java.util.Locale.ROOT) : text;
        char c0 = text.charAt(0);
        this.word = Character.isLetterOrDigit(c0);
        boolean digits = true;
        int letters = 0;
        int upperLetters = 0;
        boolean restLower = true;
        boolean onlyLetters = true;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                digits = false;
                if (Character.isUpperCase(c)) {
                    upperLetters++;
                    if (k > 0) {
                        restLower = false;
                    }
                }
            } else if ((c == '-' || c == '\'') && k > 0 && k + 1 < text.length() && Character.isLetter(text.charAt(k + 1))) {
                // "Hang-seo", "H'Hen": still a name syllable
            } else {
                onlyLetters = false;
                if (!Character.isDigit(c) && c != '.' && c != ',') {
                    digits = false;
                }
            }
        }
        this.number = word && digits && Character.isDigit(c0);
        this.cap = Character.isUpperCase(c0);
        this.allCaps = letters >= 2 && upperLetters == letters;
        this.nameLike = cap && onlyLetters && restLower;
    }

    boolean is(String s) {
        return text.equals(s);
    }

    boolean isDash() {
        return text.equals("-") || text.equals("–") || text.equals("—");
    }

    @Override
    public String toString() {
        return text;
    }
}
