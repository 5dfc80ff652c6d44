package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

import java.util.Arrays;
import java.util.List;

/**
 * Splits text into words and single punctuation marks. A word is a run of letters and digits; '.', '&', '/', '-'
 * and '-' stay inside a word between two letters/digits ("KH&CN", "PGS.TS", "N.Linh", "Covid-19", "Hang-seo"); ','
 * only before a digit ("24,59"). A spaced dash ("Bà Rịa - Vũng Tàu") is its own token. Linear time.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    /**
     * A '.' between letters joins initials and abbreviations ("N.Linh", "TP.HCM", "PGS.TS"), numbers ("17.2") and
     * domains ("binhdinh.gov.vn"), but not a sentence glued to the next one ("dũng cảm.Sáng", "Tiền Giang.UBND").
     */
    private static boolean dotJoins(char[] text, int wordStart, int dot) {
        char next = text[dot + 1];
        if (CharClass.isDigit(next) || CharClass.isLowerCase(next)) {
            return true;
        }
        int segStart = dot;
        while (segStart > wordStart && text[segStart - 1] != '.') {
            segStart--;
        }
        int len = dot - segStart;
        int upper = 0;
        for (int k = segStart; k < dot; k++) {
            if (CharClass.isUpperCase(text[k])) {
                upper++;
            }
        }
        return len == 1 || upper >= 2 || upper == len;
    }

    static List<Token> tokenize(String text) {
        return tokenize(text, null);
    }

    /** @param surfaces known word forms whose strings and lexicon entries tokens may share, or null */
    static List<Token> tokenize(String text, Surfaces surfaces) {
        return tokenize(text, surfaces, null);
    }

    /** @param lower {@code EntityLexicon.lower(text)} when already computed (tokens cut their lower form from it), or null */
    static List<Token> tokenize(String text, Surfaces surfaces, String lower) {
        return tokenize(text, surfaces, lower, null);
    }

    /** @param cache words met before on this thread whose strings and entries tokens may share, or null */
    static List<Token> tokenize(String text, Surfaces surfaces, String lower, WordCache cache) {
        return tokenize(text, text.toCharArray(), surfaces, lower, cache);
    }

    /**
     * @param chars the chars of text: the scan reads an array ({@code String.charAt} on UTF-16 text costs a coder
     *              test and a bounds check per char)
     */
    static List<Token> tokenize(String text, char[] chars, Surfaces surfaces, String lower, WordCache cache) {
        return Arrays.asList(tokenizeToArray(text, chars, surfaces, lower, cache));
    }

    /**
     * As {@link #tokenize(String, char[], Surfaces, String, WordCache)}, as an array: the entity rules index tokens
     * tens of times per token, and an array index is cheaper than {@code List.get}.
     */
    static Token[] tokenizeToArray(String text, char[] chars, Surfaces surfaces, String lower, WordCache cache) {
        Token[] out = new Token[chars.length / 4 + 4];
        int count = 0;
        int n = chars.length;
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (CharClass.isWhitespace(c)) {
                i++;
                continue;
            }
            if (CharClass.isLetterDigitOrMark(c)) {
                int j = i + 1;
                int h = c; // String.hashCode of the word, for the surface lookup
                long head = c; // its first 4 chars, then the next 4, packed for the same lookup
                long tail = 0;
                while (j < n) {
                    char d = chars[j];
                    if (CharClass.isLetterDigitOrMark(d) || d == '\'') {
                        h = 31 * h + d;
                        j++;
                    } else if (d == '.' && j + 1 < n && CharClass.isLetterOrDigit(chars[j + 1])
                            && CharClass.isLetterOrDigit(chars[j - 1]) && dotJoins(chars, i, j)) {
                        h = 31 * h + d;
                        j++;
                    } else if ((d == '&' || d == '/') && j + 1 < n && CharClass.isLetterOrDigit(chars[j + 1])
                            && CharClass.isLetterOrDigit(chars[j - 1])) {
                        h = 31 * h + d;
                        j++;
                    } else if ((d == ',' || d == '-') && j + 1 < n && CharClass.isDigit(chars[j + 1])
                            && CharClass.isLetterOrDigit(chars[j - 1])) {
                        h = 31 * h + d;
                        j++;
                    } else if (d == '-' && j + 1 < n && CharClass.isLetter(chars[j + 1])
                            && CharClass.isLetter(chars[j - 1])
                            && !(CharClass.isLowerCase(chars[j - 1]) && CharClass.isUpperCase(chars[j + 1]))) {
                        // "Hang-seo", "LĐ-TB&XH": a hyphen without spaces joins; not between two capitalized words
                        // ("Lê Xuân Hòa-Giám đốc", "Huế-Tứ Hạ": a dash written without its spaces)
                        h = 31 * h + d;
                        j++;
                    } else {
                        break;
                    }
                    int at = j - 1 - i; // index in the word of the char just taken
                    if (at < 4) {
                        head = head << 16 | d;
                    } else if (at < 8) {
                        tail = tail << 16 | d;
                    }
                }
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = new Token(text, i, j, surfaces, lower, h, cache, head, tail);
                i = j;
            } else {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = new Token(text, i, i + 1, surfaces, lower, c, cache, c, 0);
                i++;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }
}
