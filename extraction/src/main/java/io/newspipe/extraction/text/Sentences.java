package io.newspipe.extraction.text;

import io.newspipe.extraction.CharClass;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts normalized article text into sentences, leaving out everything that must not be annotated (outlet tag,
 * photo credits, byline, URL, image placeholders). Shared by the award and KPI extractors. Linear scan.
 */
public final class Sentences {

    /** A credit glued to the next sentence by the scraper: "Ảnh: Hoàng NamTại buổi lễ" ends after "Nam". */
    private static final Pattern GLUED_CREDIT = Pattern.compile("Ảnh\\s*:\\s*\\p{Lu}[^\\n:]{0,40}?\\p{Ll}(?=\\p{Lu})");
    private static final List<String> URL_PREFIXES = List.of("http://", "https://", "www.");

    private Sentences() {
    }

    /** Sentences in text order; each is trimmed and never crosses a line or an excluded span. */
    public static List<TextSpan> split(String text) {
        return split(text, ScrapedTextParser.parse(text));
    }

    /** As {@link #split(String)}, with the structure already parsed from the same text. */
    public static List<TextSpan> split(String text, ScrapedText scraped) {
        return split(text, text.toCharArray(), scraped);
    }

    /** As {@link #split(String, ScrapedText)}, scanning {@code chars} (the chars of text) instead of the string. */
    public static List<TextSpan> split(String text, char[] chars, ScrapedText scraped) {
        List<TextSpan> excluded = excludedSpans(text, scraped);
        List<TextSpan> pieces = new ArrayList<>();
        int from = 0;
        for (TextSpan ex : excluded) {
            if (ex.start() > from) {
                pieces.add(new TextSpan(from, ex.start()));
            }
            from = Math.max(from, ex.end());
        }
        if (from < text.length()) {
            pieces.add(new TextSpan(from, text.length()));
        }
        List<TextSpan> out = new ArrayList<>();
        for (TextSpan piece : pieces) {
            splitPiece(chars, text, piece.start(), piece.end(), out);
        }
        return out;
    }

    /** Spans never to annotate: the structure parser's, plus credits glued to the following sentence and URLs. */
    public static List<TextSpan> excludedSpans(String text) {
        return excludedSpans(text, ScrapedTextParser.parse(text));
    }

    static List<TextSpan> excludedSpans(String text, ScrapedText scraped) {
        List<TextSpan> spans = new ArrayList<>();
        for (Segment s : scraped.excludedSpans()) {
            spans.add(new TextSpan(s.start(), s.end()));
        }
        for (int at = text.indexOf("Ảnh"); at >= 0; at = text.indexOf("Ảnh", at + 3)) {
            Matcher m = GLUED_CREDIT.matcher(text);
            m.region(at, Math.min(text.length(), at + 60));
            if (m.lookingAt()) {
                spans.add(new TextSpan(m.start(), m.end()));
            }
        }
        for (String prefix : URL_PREFIXES) {
            for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
                int end = at;
                while (end < text.length() && !CharClass.isWhitespace(text.charAt(end))) {
                    end++;
                }
                spans.add(new TextSpan(at, end));
            }
        }
        spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return spans;
    }

    private static void splitPiece(char[] chars, String text, int start, int end, List<TextSpan> out) {
        int s = start;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            boolean cut = false;
            int cutEnd = i;
            if (c == '\n' || c == '|') {
                cut = true;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                if (endsSentence(chars, text, i, end)) {
                    cut = true;
                    cutEnd = i + 1;
                }
            }
            if (cut) {
                add(chars, s, cutEnd, out);
                s = i + 1;
            }
        }
        add(chars, s, end, out);
    }

    private static boolean endsSentence(char[] chars, String text, int i, int end) {
        int j = i + 1;
        // "…" or "..." runs: cut after the last dot.
        if (j < end && (chars[j] == '.' || chars[j] == '…')) {
            return false;
        }
        if (j >= end) {
            return true;
        }
        char next = chars[j];
        if (next == '”' || next == '"' || next == ')') {
            return false; // the closing mark belongs to this sentence; the cut comes at the next boundary
        }
        char prev = i > 0 ? chars[i - 1] : ' ';
        if (CharClass.isWhitespace(next)) {
            int k = j;
            while (k < end && CharClass.isWhitespace(chars[k]) && chars[k] != '\n') {
                k++;
            }
            if (k >= end) {
                return true;
            }
            char after = chars[k];
            if (!(CharClass.isUpperCase(after) || CharClass.isDigit(after) || after == '“' || after == '"'
                    || after == '(' || after == '-' || after == '–' || after == '•')) {
                return false;
            }
            return !abbreviationBefore(text, i);
        }
        // Glued sentences ("dũng cảm.Sáng 17/2"): a lowercase letter, the dot, then an uppercase letter.
        return CharClass.isUpperCase(next) && CharClass.isLowerCase(prev);
    }

    /** "TP. Hồ Chí Minh", "N. Linh", "TS. Hà": a short all-caps word or an initial before the dot. */
    private static boolean abbreviationBefore(String text, int dot) {
        int k = dot;
        while (k > 0 && CharClass.isLetter(text.charAt(k - 1))) {
            k--;
        }
        String word = text.substring(k, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() <= 3 && word.chars().allMatch(Character::isUpperCase)) {
            return true;
        }
        return word.equals("ThS") || word.equals("Th") || word.equals("PGS") || word.equals("GS");
    }

    private static void add(char[] chars, int s, int e, List<TextSpan> out) {
        while (s < e && (CharClass.isWhitespace(chars[s]))) {
            s++;
        }
        while (e > s && CharClass.isWhitespace(chars[e - 1])) {
            e--;
        }
        if (e > s) {
            out.add(new TextSpan(s, e));
        }
    }
}
