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

    Token(String source, int start, int end) {
        this.start = start;
        this.end = end;
        this.text = source.substring(start, end);
        this.lower = text.toLowerCase(java.util.Locale.ROOT);
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
