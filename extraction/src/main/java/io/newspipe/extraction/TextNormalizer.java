package io.newspipe.extraction;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts scraped Vietnamese text into the one form every later stage expects. Idempotent:
 * {@code normalize(normalize(x)).equals(normalize(x))}.
 *
 * <ul>
 *   <li>Unicode NFC.</li>
 *   <li>Look-alike letters: U+00D0 {@code Ð} / U+00F0 {@code ð} (Icelandic eth) become {@code Đ}/{@code đ}.</li>
 *   <li>Tone-mark placement, "new style": only an open syllable ending in the glide clusters {@code oa}, {@code oe}
 *       or {@code uy} (nothing after it, and {@code uy} not after {@code q}) carries the tone on the first vowel:
 *       {@code hoà→hòa}, {@code khoẻ→khỏe}, {@code thuỷ→thủy}, {@code uỷ→ủy}. Closed syllables ({@code hoàng},
 *       {@code thuyền}, {@code Huỳnh}), {@code qu}+{@code y} ({@code quý}) and triphthongs ({@code ngoài},
 *       {@code khuya}) are left alone: in those both styles agree.</li>
 *   <li>Spaces: NBSP, figure/thin/ideographic spaces become a plain space; zero-width characters, BOM and soft
 *       hyphens are removed; CRLF/CR and Unicode line/paragraph separators become LF; trailing spaces and tabs at
 *       the end of each line are trimmed.</li>
 *   <li>Quotes and dashes are kept as written, so entity surfaces stay verbatim substrings of the source.</li>
 * </ul>
 */
public final class TextNormalizer {

    private static final char GRAVE = '\u0300';
    private static final char ACUTE = '\u0301';
    private static final char TILDE = '\u0303';
    private static final char HOOK = '\u0309';
    private static final char DOT_BELOW = '\u0323';

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw == null ? "" : raw;
        }
        // a char array rather than a StringBuilder: no per-append checks or coder switches (a third of the time)
        char[] buf = new char[raw.length()];
        // most text is all chars that are NFC whatever surrounds them: cleaned in one pass, without the NFC check
        // that cost as much as the cleaning (the ranges are proved in TextNormalizerTest)
        int len = clean(raw, buf, true);
        if (len < 0) {
            String nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
            if (nfc.length() != buf.length) {
                buf = new char[nfc.length()];
            }
            len = clean(nfc, buf, false);
        }
        moveTones(buf, len);
        // most stored and scraped text is already normalized: then the input is the answer, and no second copy of
        // the text is made (a comparison costs less than the copy and the cache lines it takes)
        return sameChars(raw, buf, len) ? raw : new String(buf, 0, len);
    }

    private static boolean sameChars(String s, char[] buf, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether c is NFC in any context: not changed by NFC alone, and never the second char of a canonical
     * composition, so a string of such chars is already NFC. Latin up to U+02FF, the precomposed Vietnamese letters
     * (U+1E00-U+1EFF) and general punctuation from U+2002 (U+2000/U+2001 decompose to U+2002/U+2003).
     */
    static boolean alwaysNfc(char c) {
        return c < 0x300 || c >= 0x1E00 && c <= 0x1EFF || c >= 0x2002 && c <= 0x206F;
    }

    /**
     * The cleaning of {@link #normalize} (everything but NFC and tones) of nfc into buf.
     *
     * @return the length written, or -1 when {@code checkNfc} and the text holds a char that is not
     *         {@link #alwaysNfc} (the caller then runs NFC first)
     */
    private static int clean(String nfc, char[] buf, boolean checkNfc) {
        int n = nfc.length();
        // cleaned in place: one bulk copy, then array reads; the write index never passes the read index
        nfc.getChars(0, n, buf, 0);
        int w = 0;
        // trailing spaces and tabs of each line are dropped on the way (same as a second pass over the output)
        int pendingFrom = -1;
        for (int i = 0; i < n; i++) {
            char c = buf[i];
            // one table read sorts a char: plain and blank chars (nearly all) take no further branch on their value
            byte kind = KIND[c];
            if (kind != OTHER) {
                // written so that the JIT can use conditional moves: blanks follow letters at random
                int blankFrom = pendingFrom < 0 ? w : pendingFrom;
                pendingFrom = kind == PLAIN ? -1 : blankFrom;
                buf[w++] = MAPPED[c];
                continue;
            }
            if (checkNfc && !alwaysNfc(c)) {
                return -1;
            }
            char o;
            if (c == '\r') {
                o = '\n';
                if (i + 1 < n && buf[i + 1] == '\n') {
                    i++;
                }
            } else if (isDropped(c)) {
                continue; // invisible: dropped
            } else {
                o = MAPPED[c];
            }
            if (o == ' ' || o == '\t') {
                if (pendingFrom < 0) {
                    pendingFrom = w;
                }
            } else {
                if (o == '\n' && pendingFrom >= 0) {
                    w = pendingFrom;
                }
                pendingFrom = -1;
            }
            buf[w++] = o;
        }
        return pendingFrom >= 0 ? pendingFrom : w;
    }

    /** Zero-width characters, BOM and soft hyphen: removed. */
    private static boolean isDropped(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static final byte PLAIN = 0;
    private static final byte BLANK = 1;
    private static final byte OTHER = 2;
    /** How {@link #clean} treats a char: PLAIN (written as {@link #MAPPED}), BLANK (space or tab), OTHER. */
    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
    /** The char written for a char: Ð/ð as Đ/đ, odd spaces as a space, line separators as LF, others as they are. */
    private static final char[] MAPPED = new char[Character.MAX_VALUE + 1];

    static {
        for (int k = 0; k <= Character.MAX_VALUE; k++) {
            char c = (char) k;
            char o = c;
            if (c == '\u00D0') {
                o = '\u0110';
            } else if (c == '\u00F0') {
                o = '\u0111';
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                o = '\n';
            } else if (c == '\u00A0' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000') {
                o = ' ';
            }
            MAPPED[k] = o;
            if (c == '\r' || o == '\n' || isDropped(c) || !alwaysNfc(c)) {
                KIND[k] = OTHER; // line ends, dropped chars, and chars the NFC fast path must see
            } else if (o == ' ' || o == '\t') {
                KIND[k] = BLANK;
            } else {
                KIND[k] = PLAIN;
            }
        }
    }

    /**
     * A comparison key: normalized, lower-cased, runs of whitespace collapsed to one space and trimmed. Two strings
     * that differ only in case, tone placement, look-alike Đ or spacing get the same key.
     */
    public static String canonicalKey(String s) {
        String t = normalize(s);
        String key = collapsed(t, true);
        return key != null ? key : collapsed(t.toLowerCase(Locale.ROOT), false);
    }

    /**
     * t with whitespace runs as one space and trimmed, lower-cased char by char when {@code lower} (one pass over
     * one array). Null when lowering and t holds a char that String's toLowerCase treats specially (U+0130, a capital
     * sigma in final-sigma context, surrogates): the caller lowers the whole string first instead.
     */
    private static String collapsed(String t, boolean lower) {
        char[] out = new char[t.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (lower && (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c))) {
                return null;
            }
            if (CharClass.isWhitespace(c)) {
                space = n > 0;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = lower ? CharClass.toLowerCase(c) : c;
            }
        }
        return new String(out, 0, n);
    }

    /** The tone-placement step of {@link #normalize} alone (for tests). */
    static String moveTones(String s) {
        char[] cs = s.toCharArray();
        moveTones(cs, cs.length);
        return new String(cs);
    }

    private static void moveTones(char[] sb, int n) {
        // only a toned a/e/y ending a syllable of two letters or more can need a move: look for those chars
        // (one table read per char) instead of walking every syllable
        for (int i = 1; i < n; i++) {
            char c2 = sb[i];
            if (!GLIDE_END[c2]) { // one predictable branch: these are a few chars in a hundred
                continue;
            }
            if (i + 1 < n && CharClass.isLetter(sb[i + 1]) || !CharClass.isLetter(sb[i - 1])) {
                continue; // not the last letter of the syllable, or a one-letter syllable
            }
            char c1 = sb[i - 1];
            char b1 = CharClass.toLowerCase(c1);
            if (b1 != 'o' && b1 != 'u') {
                continue; // "và", "đã", "nhà": most toned a/e/y follow a consonant
            }
            char tone = toneOf(c2);
            char b2 = CharClass.toLowerCase(stripTone(c2));
            boolean glide = (b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y');
            if (!glide) {
                continue;
            }
            if (i >= 2 && CharClass.isLetter(sb[i - 2])) {
                char before = CharClass.toLowerCase(stripTone(sb[i - 2]));
                if (isVowel(before) || (b1 == 'u' && before == 'q')) {
                    continue;
                }
            }
            char moved1 = addTone(c1, tone);
            if (moved1 == 0) {
                continue;
            }
            sb[i - 1] = moved1;
            sb[i] = stripTone(c2);
        }
    }

    private static boolean isVowel(char c) {
        return "aăâeêioôơuưy".indexOf(c) >= 0;
    }

    // Tables for the Latin range up to U+1EFF: the tone mark of a precomposed letter, the letter without it, and
    // the letter with a given tone added. Built once, so the per-character work is an array lookup.
    private static final int TABLE = 0x1F00;
    private static final char[] TONE = new char[TABLE];
    private static final char[] BASE = new char[TABLE];
    private static final String TONES = "" + GRAVE + ACUTE + TILDE + HOOK + DOT_BELOW;
    private static final char[][] WITH_TONE = new char[TABLE][];
    /** A toned letter whose base is a, e or y: the only possible last letter of a syllable whose tone moves. */
    private static final boolean[] GLIDE_END = new boolean[Character.MAX_VALUE + 1];

    static {
        for (char c = 0; c < TABLE; c++) {
            BASE[c] = c;
            if (c < 0x00C0) {
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder keep = new StringBuilder(2);
            char tone = 0;
            int marks = 0;
            for (int k = 0; k < d.length(); k++) {
                char m = d.charAt(k);
                if (TONES.indexOf(m) >= 0) {
                    tone = m;
                    marks++;
                } else {
                    keep.append(m);
                }
            }
            // a Vietnamese letter carries one tone mark; U+1E4D "ṍ" (o, tilde, acute) is not "ó" with a tone, and
            // taking it for one made "hoá" -> "hṍa"
            if (marks == 1) {
                String r = Normalizer.normalize(keep, Normalizer.Form.NFC);
                if (r.length() == 1) {
                    TONE[c] = tone;
                    BASE[c] = r.charAt(0);
                }
            }
        }
        for (char c = 0; c < TABLE; c++) {
            char b = Character.toLowerCase(BASE[c]);
            GLIDE_END[c] = TONE[c] != 0 && (b == 'a' || b == 'e' || b == 'y');
        }
        for (char c = 0; c < TABLE; c++) {
            if (TONE[c] != 0 && BASE[c] < TABLE) {
                char b = BASE[c];
                if (WITH_TONE[b] == null) {
                    WITH_TONE[b] = new char[TONES.length()];
                }
                WITH_TONE[b][TONES.indexOf(TONE[c])] = c;
            }
        }
    }

    private static char toneOf(char c) {
        return c < TABLE ? TONE[c] : 0;
    }

    /** The letter without its tone mark, keeping the vowel-quality marks (ă â ê ô ơ ư). */
    static char stripTone(char c) {
        return c < TABLE ? BASE[c] : c;
    }

    private static char addTone(char base, char tone) {
        if (base >= TABLE || WITH_TONE[base] == null) {
            return 0;
        }
        return WITH_TONE[base][TONES.indexOf(tone)];
    }
}
