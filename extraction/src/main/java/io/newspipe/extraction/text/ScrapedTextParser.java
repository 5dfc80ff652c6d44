package io.newspipe.extraction.text;

import io.newspipe.extraction.CharClass;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the scraped-article structure (body, captions, credits, outlet tag, byline, source URL) in normalized text.
 * Line-based and linear: every pattern is anchored and applied to one line, so there is no backtracking blow-up.
 */
public final class ScrapedTextParser {

    /** "(BĐ) - ", "(HDDTVN)-", "(binhdinh.gov.vn) – " at the start of the first body line. */
    private static final Pattern OUTLET_TAG = Pattern.compile("^\\(([^()\\n]{1,40})\\)(\\s*[-–—]\\s*|\\s+|$)");
    private static final Pattern URL_LINE = Pattern.compile("^(?:https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMG_LINE = Pattern.compile("^\\[(?:img|image|ảnh|photo)\\]$", Pattern.CASE_INSENSITIVE);
    /** A credit at the end of a line: "Ảnh: X", "Ảnh X", "(Ảnh: X)", "Ảnh minh họa: X", "Nguồn ảnh: X". */
    private static final Pattern CREDIT = Pattern.compile(
            "^(\\(?)((?:Ảnh|ẢNH|Nguồn ảnh|Nguồn)(?: minh họa)?(?:\\s*:\\s*|\\s+))([^\\n()]{1,60}?)(\\)?)\\.?$");
    /**
     * The outlets an article was taken from, closing its last line: "… nghỉ hưu theo chế độ.Theo TTXVN, Cổng TTĐT
     * Chính phủ, VOV", "Theo baochinhphu.vn". Each source opens with a capital or is a domain; the tag follows a
     * sentence end or opens the line, so "Theo ông A, …" (a clause goes on) is no tag.
     */
    private static final Pattern SOURCE_TAG = Pattern.compile(
            "(?:^|(?<=[.!?…”\"»)]))\\s*Theo\\s+((?:\\p{Lu}[^\\n,;:.!?]{0,40}|[\\w-]+(?:\\.[\\w-]+)+)"
            + "(?:\\s*,\\s*(?:\\p{Lu}[^\\n,;:.!?]{0,40}|[\\w-]+(?:\\.[\\w-]+)+)){0,4})\\.?$");
    private static final Pattern INITIALS_OR_NAME = Pattern.compile("^\\p{Lu}[\\p{L}.&]*(?:[ .-]+\\p{Lu}[\\p{L}.&]*){0,4}$");

    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ScrapedTextParser() {
    }

    public static ScrapedText parse(String text) {
        return parse(text, text.toCharArray());
    }

    /** As {@link #parse(String)}, scanning {@code chars} (the chars of text) where it reads every char. */
    public static ScrapedText parse(String text, char[] chars) {
        List<int[]> lines = splitLines(text);
        List<Segment> paragraphs = new ArrayList<>();
        List<Segment> captions = new ArrayList<>();
        List<Segment> credits = new ArrayList<>();
        List<Segment> excluded = new ArrayList<>();
        Segment outletTag = null;
        Segment byline = null;
        Segment url = null;

        int lastIdx = lastNonBlank(text, lines, lines.size() - 1);
        int urlIdx = -1;
        if (lastIdx >= 0 && URL_LINE.matcher(lineText(text, lines.get(lastIdx))).matches()) {
            urlIdx = lastIdx;
            url = trimmed(text, lines.get(lastIdx)[0], lines.get(lastIdx)[1]);
            excluded.add(url);
        }
        int bylineIdx = -1;
        int candidate = lastNonBlank(text, lines, (urlIdx >= 0 ? urlIdx : lines.size()) - 1);
        if (candidate >= 0) {
            String t = lineText(text, lines.get(candidate)).strip();
            int prev = lastNonBlank(text, lines, candidate - 1);
            boolean afterImg = prev >= 0 && IMG_LINE.matcher(lineText(text, lines.get(prev)).strip()).matches();
            if (!afterImg && prev >= 0 && isByline(t)) {
                bylineIdx = candidate;
                byline = trimmed(text, lines.get(candidate)[0], lines.get(candidate)[1]);
                excluded.add(byline);
            }
        }

        int lastBodyIdx = lastNonBlank(text, lines, (bylineIdx >= 0 ? bylineIdx : urlIdx >= 0 ? urlIdx : lines.size()) - 1);
        int bodyLinesLeft = 2; // the tag opens the lead, which a headline may stand above
        boolean nextIsCaption = false;
        for (int i = 0; i < lines.size(); i++) {
            if (i == urlIdx || i == bylineIdx) {
                continue;
            }
            int ls = lines.get(i)[0];
            int le = lines.get(i)[1];
            Segment line = trimmed(text, ls, le);
            if (line.isEmpty()) {
                continue;
            }
            // a placeholder is bracketed: the pattern (and the line's copy) only for such lines
            if (text.charAt(line.start()) == '[' && text.charAt(line.end() - 1) == ']'
                    && IMG_LINE.matcher(line.text()).matches()) {
                excluded.add(line);
                nextIsCaption = true;
                continue;
            }
            int bodyStart = line.start();
            boolean captionLine = nextIsCaption || text.charAt(line.end() - 1) == '|';
            if (bodyLinesLeft > 0 && outletTag == null && !captionLine) {
                // the tag opens the first or second body line (after a headline); captions may come before it
                bodyLinesLeft--;
                Matcher m = OUTLET_TAG.matcher(line.text());
                if (m.find() && looksLikeTag(m.group(1), m.group(2))) {
                    outletTag = new Segment(text, line.start(), line.start() + m.end(1) + 1);
                    excluded.add(new Segment(text, line.start(), line.start() + m.end()));
                    bodyStart = line.start() + m.end();
                }
            }
            int bodyEnd = line.end();
            boolean caption = nextIsCaption;
            nextIsCaption = false;
            if (text.charAt(bodyEnd - 1) == '|') {
                caption = true;
                bodyEnd = skipSpacesBack(text, bodyStart, bodyEnd - 1);
            }
            int creditAt = creditCandidate(text, chars, bodyStart, bodyEnd);
            Matcher cm = creditAt < 0 ? null : CREDIT.matcher(text.substring(creditAt, bodyEnd));
            if (cm != null && cm.matches()) {
                String who = cm.group(3).strip();
                boolean colon = cm.group(2).contains(":");
                if (!who.isEmpty() && (colon || INITIALS_OR_NAME.matcher(who).matches())) {
                    int creditStart = creditAt + cm.start();
                    int whoStart = creditAt + cm.start(3);
                    int whoEnd = whoStart + cm.group(3).stripTrailing().length();
                    if (whoEnd > whoStart && text.charAt(whoEnd - 1) == '.') {
                        whoEnd--;
                    }
                    credits.add(new Segment(text, whoStart, whoEnd));
                    excluded.add(new Segment(text, creditStart, bodyEnd));
                    caption = true;
                    bodyEnd = skipSpacesBack(text, bodyStart, creditStart);
                }
            }
            if (i == lastBodyIdx) {
                Matcher tag = SOURCE_TAG.matcher(text).region(bodyStart, bodyEnd).useTransparentBounds(true);
                int tagAt = sourceTagCandidate(text, bodyStart, bodyEnd);
                if (tagAt >= 0 && tag.region(tagAt, bodyEnd).lookingAt()) {
                    excluded.add(new Segment(text, tagAt, bodyEnd));
                    bodyEnd = skipSpacesBack(text, bodyStart, tagAt);
                }
            }
            if (bodyEnd <= bodyStart) {
                continue;
            }
            Segment body = new Segment(text, bodyStart, bodyEnd);
            (caption ? captions : paragraphs).add(body);
        }
        excluded.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new ScrapedText(text, paragraphs, captions, credits, outletTag, byline, url, excluded);
    }

    /** Start of the last "Ảnh"/"Nguồn" word of the line (or its opening parenthesis), or -1. */
    private static int creditCandidate(String text, char[] chars, int from, int to) {
        int best = -1;
        // one backward scan for the first letter of "Ảnh"/"ẢNH"/"Nguồn" (String.lastIndexOf is slow on UTF-16 text)
        for (int k = to - 3; k >= from && best < 0; k--) {
            char c = chars[k];
            if ((c == 'Ả' && (text.startsWith("Ảnh", k) || text.startsWith("ẢNH", k)))
                    || (c == 'N' && text.startsWith("Nguồn", k))) {
                if (k == from || " \t.(".indexOf(chars[k - 1]) >= 0) {
                    best = k;
                }
            }
        }
        if (best > from && text.charAt(best - 1) == '(') {
            best--;
        }
        return best;
    }

    /** Start of the last "Theo" of the line that opens it or follows a sentence end (spaces before it kept), or -1. */
    private static int sourceTagCandidate(String text, int from, int to) {
        int k = text.lastIndexOf("Theo ", to - 5);
        if (k < from) {
            return -1;
        }
        int s = k;
        while (s > from && CharClass.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        return s == from || ".!?…”\"»)".indexOf(text.charAt(s - 1)) >= 0 ? s : -1;
    }

    /** Tags are short source names: an all-caps abbreviation or a domain; a spaced name only when a dash follows. */
    private static boolean looksLikeTag(String inner, String after) {
        boolean dash = after.indexOf('-') >= 0 || after.indexOf('–') >= 0 || after.indexOf('—') >= 0;
        if (inner.contains(".") && !inner.contains(" ")) {
            return true; // binhdinh.gov.vn, Chinhphu.vn
        }
        boolean upper = inner.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (upper && !inner.contains(" ")) {
            return inner.codePoints().anyMatch(Character::isLetter);
        }
        return dash && inner.split(" ").length <= 4 && CharClass.isUpperCase(inner.charAt(0));
    }

    /**
     * A byline is a short author line: at most six words, all capitalized (initials such as "T.SỸ", "P.V", names
     * such as "Thu Dịu"), no digits, optionally with a parenthetical note ("(Thực hiện)").
     */
    static boolean isByline(String line) {
        String t = (line.indexOf('(') < 0 ? line : PARENTHETICAL.matcher(line).replaceAll(" ")).strip();
        if (t.isEmpty() || line.length() > 50 || t.length() > 40) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == '|' || last == ':' || last == ',' || last == ';' || last == '!' || last == '?') {
            return false;
        }
        String[] words = SPACES.split(t);
        if (words.length > 6) {
            return false;
        }
        if (last == '.' && words.length > 3) {
            return false;
        }
        for (String w : words) {
            if (w.equals("-") || w.equals("–") || w.equals("&") || w.equals("và") || w.equals("/")) {
                continue;
            }
            if (!CharClass.isUpperCase(w.charAt(0))) {
                return false;
            }
            for (int k = 0; k < w.length(); k++) {
                if (CharClass.isDigit(w.charAt(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int skipSpacesBack(String text, int floor, int end) {
        while (end > floor && CharClass.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static List<int[]> splitLines(String text) {
        List<int[]> lines = new ArrayList<>();
        int s = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', s)) {
            lines.add(new int[] {s, i});
            s = i + 1;
        }
        if (s < text.length()) {
            lines.add(new int[] {s, text.length()});
        }
        return lines;
    }

    private static String lineText(String text, int[] line) {
        return text.substring(line[0], line[1]);
    }

    private static int lastNonBlank(String text, List<int[]> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (!isBlank(text, lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(String text, int[] line) {
        for (int k = line[0]; k < line[1]; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static Segment trimmed(String text, int s, int e) {
        while (s < e && CharClass.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && CharClass.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Segment(text, s, e);
    }
}
