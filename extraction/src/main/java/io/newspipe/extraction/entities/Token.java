package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

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
    /** The first token of a line: no name runs across a line break (a caption or heading ends there). */
    boolean lineStart;
    /**
     * Answers of {@link PhraseDict#match} starting at this token, by dictionary slot; set once masks are final
     * (tokens of the text being scanned are only ever matched against one lexicon).
     */
    Object[] dictMemo;
    /** Bit {@code 2 * slot + relaxFirst} set: that dictionary was asked and has no match here. */
    int dictNoMatch;
    /** What the lexicon knows about this word, looked up once per token; null when not looked up. */
    Lexicon.Known known;
    /**
     * {@code known.firstSlots}, set with {@link #known}: which dictionaries have an entry opening with this word, read
     * here so that most dictionary questions are answered without loading the entry.
     */
    int firstSlots;

    private static final String[] ONE_CHAR = new String[0x3000];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c).intern();
        }
    }

    /** A token looked up nowhere (its lexicon entry is attached later, if at all). */
    Token(String source, int start, int end) {
        this(source, start, end, null, null, 0, null, 0, 0);
    }

    /**
     * @param surfaces    known word forms whose strings, lexicon entry and flags a token of that spelling shares, or
     *                    null
     * @param lowerSource {@code Lexicon.lower(source)} (char-by-char lower case, same offsets) or null: the lower
     *                    form is cut from it instead of lower-casing the token again
     * @param hash        String.hashCode of source[start, end), computed while tokenizing
     * @param cache       words met before on this thread (searched after the lexicon surfaces), or null
     * @param head        {@link Surfaces#pack} of the first 4 chars, tail of the next 4, packed while tokenizing
     */
    Token(String source, int start, int end, Surfaces surfaces, String lowerSource, int hash, WordCache cache,
            long head, long tail) {
        this.start = start;
        this.end = end;
        char c0 = source.charAt(start);
        Surfaces.Entry surface;
        if (end - start == 1) {
            surface = cache == null ? null : cache.oneChar(c0);
        } else {
            // the thread's cache first: it also keeps the lexicon forms met before, so one table answers nearly
            // every token and the large shared one is read only for words new to this thread
            surface = cache == null ? null : cache.find(source, start, end, hash, head, tail);
            if (surface == null && surfaces != null) {
                surface = surfaces.find(source, start, end, hash, head, tail);
                if (surface != null && cache != null) {
                    cache.remember(surface);
                }
            }
        }
        if (surface != null) {
            // a known spelling: strings, entry and flags are all functions of the spelling, computed before
            this.text = surface.text;
            this.known = surface.known;
            this.firstSlots = surface.firstSlots;
            this.lower = surface.lower;
            int f = surface.flags;
            this.word = (f & WORD) != 0;
            this.number = (f & NUMBER) != 0;
            this.cap = (f & CAP) != 0;
            this.allCaps = (f & ALL_CAPS) != 0;
            this.nameLike = (f & NAME_LIKE) != 0;
            return;
        }
        this.text = end - start == 1 && c0 < ONE_CHAR.length ? ONE_CHAR[c0] : source.substring(start, end);
        // one pass over the characters for every flag
        boolean digits = true;
        int letters = 0;
        int upperLetters = 0;
        boolean restLower = true;
        boolean onlyLetters = true;
        boolean specialCase = false;
        for (int k = start; k < end; k++) {
            char c = source.charAt(k);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') {
                    letters++;
                    digits = false;
                    continue;
                }
                if (c >= 'A' && c <= 'Z') {
                    letters++;
                    upperLetters++;
                    digits = false;
                    if (k > start) {
                        restLower = false;
                    }
                    continue;
                }
            }
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) {
                specialCase = true; // lowerCase takes the JDK path for these
            }
            if (CharClass.isLetter(c)) {
                letters++;
                digits = false;
                if (CharClass.isUpperCase(c)) {
                    upperLetters++;
                    if (k > start) {
                        restLower = false;
                    }
                }
            } else if ((c == '-' || c == '\'') && k > start && k + 1 < end && CharClass.isLetter(source.charAt(k + 1))) {
                // "Hang-seo", "H'Hen": still a name syllable
            } else {
                onlyLetters = false;
                if (!CharClass.isDigit(c) && c != '.' && c != ',') {
                    digits = false;
                }
            }
        }
        this.lower = upperLetters == 0 ? text
                : lowerSource != null && !specialCase ? lowerSource.substring(start, end) : lowerCase(text);
        this.word = CharClass.isLetterOrDigit(c0);
        this.number = word && digits && CharClass.isDigit(c0);
        this.cap = CharClass.isUpperCase(c0);
        this.allCaps = letters >= 2 && upperLetters == letters;
        this.nameLike = cap && onlyLetters && restLower;
    }

    static final int WORD = 1;
    static final int NUMBER = 2;
    static final int CAP = 4;
    static final int ALL_CAPS = 8;
    static final int NAME_LIKE = 16;

    /** The spelling-derived flags as bits, for {@link Surfaces.Entry} and {@link WordCache}. */
    int flagBits() {
        return (word ? WORD : 0) | (number ? NUMBER : 0) | (cap ? CAP : 0) | (allCaps ? ALL_CAPS : 0)
                | (nameLike ? NAME_LIKE : 0);
    }

    /**
     * {@code s.toLowerCase(Locale.ROOT)}, char by char: the same result whenever no char needs String's special
     * casing (U+0130 "İ" and final-sigma context of U+03A3) or is a surrogate; those take the JDK path.
     */
    static String lowerCase(String s) {
        int n = s.length();
        char[] cs = new char[n];
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) {
                return s.toLowerCase(java.util.Locale.ROOT);
            }
            cs[k] = CharClass.toLowerCase(c);
        }
        return new String(cs);
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
