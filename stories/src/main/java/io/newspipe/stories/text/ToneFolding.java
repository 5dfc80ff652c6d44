package io.newspipe.stories.text;

import java.text.Normalizer;

/**
 * How much of Vietnamese diacritics a comparison ignores. Scraped text sometimes loses or misplaces marks; folding
 * makes such copies match, at the price of conflating words that differ only in marks ("bàn"/"bán").
 */
public enum ToneFolding {
    /** Words compared as written (lower-cased). */
    NONE,
    /** The five tone marks dropped, vowel letters kept: "hòa" = "hoa", but "hoa" != "hơa". */
    TONES,
    /** Every diacritic dropped and đ as d: plain ASCII letters. */
    ALL;

    private static final int TABLE = 0x1F00;
    private static final char[] WITHOUT_TONES = new char[TABLE];
    private static final char[] ASCII = new char[TABLE];

    static {
        for (char c = 0; c < TABLE; c++) {
            WITHOUT_TONES[c] = c;
            ASCII[c] = c;
            if (c < 0xC0) {
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder noTone = new StringBuilder(2);
            StringBuilder base = new StringBuilder(1);
            for (int k = 0; k < d.length(); k++) {
                char m = d.charAt(k);
                boolean tone = m == '\u0300' || m == '\u0301' || m == '\u0303' || m == '\u0309' || m == '\u0323';
                if (!tone) {
                    noTone.append(m);
                }
                if (Character.getType(m) != Character.NON_SPACING_MARK) {
                    base.append(m);
                }
            }
            String nt = Normalizer.normalize(noTone, Normalizer.Form.NFC);
            if (nt.length() == 1) {
                WITHOUT_TONES[c] = nt.charAt(0);
            }
            if (base.length() == 1) {
                ASCII[c] = base.charAt(0);
            }
        }
        ASCII['đ'] = 'd';
        ASCII['Đ'] = 'D';
    }

    /** c (already lower-cased) with this folding applied. */
    public char fold(char c) {
        if (this == NONE || c >= TABLE) {
            return c;
        }
        return this == TONES ? WITHOUT_TONES[c] : ASCII[c];
    }

    /** s lower-cased and folded, char by char. */
    public String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(io.newspipe.extraction.CharClass.toLowerCase(s.charAt(i)));
        }
        return new String(out);
    }
}
