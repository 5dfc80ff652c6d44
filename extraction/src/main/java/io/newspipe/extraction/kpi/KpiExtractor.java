package io.newspipe.extraction.kpi;

import io.newspipe.extraction.CharClass;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.KpiMention;
import io.newspipe.extraction.text.ParsedArticle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantified mentions of indicators, targets, results and rankings, one entry per mention.
 *
 * <p>Every number of every sentence is a candidate; what follows it (unit) and precedes it (ranking words, date
 * words) decides whether it is a figure, and curated cue lists decide whether it is an indicator: money needs an
 * indicator word nearby, counts need a KPI unit, and gifts, prices, attendee counts and sport results are ruled
 * out. Thread-safe: all state is built in the constructor.
 */
public final class KpiExtractor {

    private enum UnitClass { PERCENT, MONEY, COUNT, RESULT, MEASURE, RANK }

    /** Confidence of a figure with a unit that passed the indicator screens, before its support is read. */
    private static final double INDICATOR_FIGURE = 0.6;

    private record Unit(String normalized, UnitClass kind, int end) {
    }

    private static final Pattern PERCENT = Pattern.compile("\\s*(?:%|phần trăm)(/năm)?");
    private static final Pattern MONEY = Pattern.compile(
            "\\s*(?:(nghìn|ngàn|triệu|tỷ|tỉ)(?:\\s+(tỷ|tỉ))?(?:\\s+(đồng|usd|đô la mỹ|đô la|vnđ|vnd|euro))?"
                    + "|(đồng|usd|vnđ|vnd|đô la))(?![\\p{L}])(/người|/năm)?");
    /**
     * The field a rank is out of, written out after it: "xếp thứ 5 trong 13 tỉnh, thành phố", "đứng thứ 3 trên 63
     * tỉnh". Read only after ranking words; the slashed form ("xếp thứ 22/63") is FigureMatch's own.
     */
    private static final Pattern RANK_FIELD = Pattern.compile("\\s+(?:trong|trên)\\s+(?:tổng số\\s+)?(\\d+(?:[.,]\\d+)*)\\s+"
            + "(?:tỉnh|thành phố|địa phương|quốc gia|nền kinh tế|đơn vị|huyện|thị xã|quận|xã|phường|sở|ngành|bộ"
            + "|doanh nghiệp|trường|cơ quan)(?![\\p{L}])");
    private static final Pattern LEADING_YEAR = Pattern.compile("(?:năm\\s+)?(?:19|20)\\d{2}(?!\\p{N})(?![/.,]\\p{N})[,;:]?\\s+");
    private static final Pattern STEPS_AFTER = Pattern.compile("\\s*bậc(?![\\p{L}])");
    private static final Pattern STEPS_BEFORE = Pattern.compile("(?:tăng|giảm|lên|tụt|thăng|nâng)\\s+(?:\\S+\\s+){0,2}$");
    private static final Pattern ANAPHORA_AFTER = Pattern.compile("\\s*(?:\\S+\\s+){0,3}?(?:này|nói trên|kể trên)(?![\\p{L}])");
    /** "8.500 đồng/kg", "300.000 đồng/suất": money per physical unit is a price. */
    private static final Pattern PER_UNIT = Pattern.compile("/(?!người|năm|tháng)\\p{L}+");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}[,.;:)]*");
    // precompiled: String.replaceAll/replaceFirst compiled these on every call
    private static final Pattern METRIC_CHANGE_SUFFIX = Pattern.compile("\\s*\\((?:tăng|giảm|so với .*)\\)$");
    private static final Pattern LEADING_SO_VOI = Pattern.compile("^(?i)so với\\s+");
    private static final Pattern PARENTHESIZED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern TRAILING_OPENERS = Pattern.compile("[,;:(]+$");
    private static final PhraseSet TOP_WORDS = new PhraseSet(List.of("tốp", "top"));
    private static final PhraseSet RANK_WORDS = new PhraseSet(List.of("xếp thứ", "đứng thứ", "xếp hạng", "xếp hạng thứ",
            "vươn lên thứ", "lên thứ", "lên hạng", "tụt xuống thứ", "tụt xuống hạng", "giữ vị trí thứ", "vị trí thứ",
            "đạt hạng", "nằm ở vị trí thứ", "đứng ở vị trí thứ", "xếp vị trí thứ"));
    private static final PhraseSet NUMBER_ONE = new PhraseSet(List.of("số"));
    private static final PhraseSet ANAPHORA_BEFORE = new PhraseSet(List.of("trong", "trong số", "trong tổng số"));
    private static final PhraseSet SCOPE_PREPOSITIONS = new PhraseSet(List.of("tại", "trên", "của", "ở"));
    private static final PhraseSet PRICE_WORD = new PhraseSet(List.of("giá"));

    private final Map<String, String[]> units = new HashMap<>();
    private final PhraseSet unitWords;
    private final PhraseSet moneyCues;
    private final PhraseSet resultCues;
    private final PhraseSet measureCues;
    private final PhraseSet moneyExclusions;
    private final PhraseSet countExclusions;
    private final PhraseSet sentenceExclusions;
    private final PhraseSet clauseExclusions;
    private final PhraseSet statusWords;
    private final PhraseSet rankScopes;
    private final PhraseSet qualifiers;
    private final PhraseSet dateWords;
    private final PhraseSet periodTriggers;
    private final Pattern periods;

    public KpiExtractor() {
        List<String> unitSurfaces = new ArrayList<>();
        for (String[] row : Lexicon.rows("kpi-units.tsv")) {
            String k = Lexicon.lower(row[0]);
            units.put(PhraseSet.normalized(k, 0, k.length()), row);
            unitSurfaces.add(row[0]);
        }
        unitWords = new PhraseSet(unitSurfaces);
        moneyCues = new PhraseSet(Lexicon.lines("kpi-money-cues.txt"));
        resultCues = new PhraseSet(Lexicon.lines("kpi-result-cues.txt"));
        measureCues = new PhraseSet(Lexicon.lines("kpi-measure-cues.txt"));
        List<String> money = new ArrayList<>();
        List<String> count = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<String> clause = new ArrayList<>();
        for (String[] row : Lexicon.rows("kpi-exclusion-cues.tsv")) {
            switch (row[1]) {
                case "MONEY" -> money.add(row[0]);
                case "COUNT" -> count.add(row[0]);
                case "SENTENCE" -> sentence.add(row[0]);
                case "CLAUSE" -> clause.add(row[0]);
                default -> throw new IllegalStateException("kpi-exclusion-cues.tsv: unknown scope " + row[1]);
            }
        }
        moneyExclusions = new PhraseSet(money);
        countExclusions = new PhraseSet(count);
        sentenceExclusions = new PhraseSet(sentence);
        clauseExclusions = new PhraseSet(clause);
        statusWords = new PhraseSet(Lexicon.lines("kpi-status.txt"));
        rankScopes = new PhraseSet(Lexicon.lines("kpi-rank-scopes.txt"));
        qualifiers = new PhraseSet(Lexicon.lines("kpi-qualifiers.txt"));
        dateWords = new PhraseSet(Lexicon.lines("kpi-date-words.txt"));
        // Time expressions are tried only where the opening words of a line of kpi-periods.txt stand, as far as they
        // are literal words: "của", "trong" or "ba" alone are everywhere, "của năm", "trong năm", "ba tháng" are not
        // (digit openings: monthsAt)
        periodTriggers = new PhraseSet(List.of("tính đến", "đến nay", "đến hết", "đến cuối", "đến thời", "đến ngày",
                "đến tháng", "đến năm", "sáu tháng", "chín tháng", "ba tháng", "quý", "giai đoạn", "nhiệm kỳ", "sau đánh",
                "sau giữa", "giữa đánh", "giữa giữa", "trong năm", "cả năm", "hết năm", "của năm", "năm", "cùng kỳ"));
        periods = Pattern.compile("(?:" + String.join("|", Lexicon.lowered(Lexicon.lines("kpi-periods.txt")))
                + ")(?![\\p{L}\\p{N}])");
    }

    /** @param normalizedText text after {@code TextNormalizer.normalize}; offsets of the result refer to it */
    public List<KpiMention> extract(String normalizedText) {
        return extract(ParsedArticle.of(normalizedText));
    }

    /** As {@link #extract(String)}, on an article already parsed and split (shared with the other extractors). */
    public List<KpiMention> extract(ParsedArticle article) {
        List<KpiMention> out = new ArrayList<>();
        String text = article.text();
        String lower = article.lower();
        String lastPeriod = null;
        int scanned = 0;
        for (TextSpan sentence : article.sentences()) {
            // A period carries over within a paragraph only.
            int nl = text.indexOf('\n', scanned);
            if (nl >= 0 && nl < sentence.start()) {
                lastPeriod = null;
            }
            scanned = sentence.start();
            if (!hasDigit(article.chars(), sentence.start(), sentence.end())) {
                continue; // every figure is written in digits
            }
            if (sentenceExclusions.foundInRegion(article.words(), sentence.start(), sentence.end())) {
                continue;
            }
            String s = sentence.of(text);
            String l = lower.substring(sentence.start(), sentence.end());
            List<int[]> times = timeExpressions(l, article.words(), sentence.start());
            out.addAll(extractSentence(s, l, article.chars(), article.words(), sentence.start(), lastPeriod, times));
            // the period carried on is the sentence's last one, but not a comparison's ("so với cùng kỳ năm trước")
            for (int t = times.size() - 1; t >= 0; t--) {
                if (!isComparison(s, times.get(t))) {
                    lastPeriod = s.substring(times.get(t)[0], times.get(t)[1]).strip();
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Every time expression of the sentence, left to right, not overlapping; tried only at word starts where a
     * period line can open (visiting the article's indexed words, not the sentence's chars).
     *
     * @param l     the sentence, lower-cased: {@code words.text()} from {@code offset} on
     * @param words the article's word index
     */
    private List<int[]> timeExpressions(String l, WordIndex words, int offset) {
        int k = words.firstAtOrAfter(offset);
        // a sentence that starts inside a word: that word's tail is the sentence's first word
        int first = k > 0 && words.end(k - 1) > offset ? k - 1 : k;
        List<int[]> times = new ArrayList<>();
        Matcher pm = null;
        int end = offset + l.length();
        int from = 0; // relative offset where the next expression may start
        for (int w = first, n = words.count(); w < n; w++) {
            int i = w < k ? 0 : words.start(w) - offset;
            if (i >= l.length()) {
                break;
            }
            if (i < from) {
                continue; // inside the expression found last
            }
            boolean opens = CharClass.isDigit(l.charAt(i)) ? monthsAt(l, i)
                    : w < k ? periodTriggers.matchAt(l, 0) >= 0 : periodTriggers.matchAtWord(words, w, offset, end) >= 0;
            if (!opens) {
                continue;
            }
            if (pm == null) {
                pm = periods.matcher(l);
            }
            pm.region(i, l.length());
            if (pm.lookingAt()) {
                times.add(new int[] {i, pm.end()});
                from = pm.end();
            }
        }
        return times;
    }

    /**
     * Whether the digits at i can open a time expression: the only one of kpi-periods.txt that starts with a digit is
     * "\d{1,2} tháng ..." ("6 tháng đầu năm"). Skips the regex at every other number of the sentence.
     */
    private static boolean monthsAt(String l, int i) {
        int j = i + 1;
        if (j < l.length() && CharClass.isDigit(l.charAt(j))) {
            j++;
        }
        return l.startsWith(" tháng", j);
    }

    /** The next digit that starts a number: not glued to a letter, digit or separator before it ("C04", "1.5"). */
    private static int nextNumberStart(char[] chars, int offset, int length, int from) {
        for (int i = from; i < length; i++) {
            char c = chars[offset + i];
            if (c >= '0' && c <= '9') {
                if (i == 0) {
                    return i;
                }
                char p = chars[offset + i - 1];
                if (!CharClass.isLetterOrDigit(p) && p != '_' && p != '.' && p != ',' && p != '/') {
                    return i;
                }
                while (i + 1 < length && CharClass.isDigit(chars[offset + i + 1])) {
                    i++;
                }
            }
        }
        return -1;
    }

    private static boolean hasDigit(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CharClass.isDigit(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param s sentence as written (spans are cut from it)
     * @param l the same sentence lower-cased char by char (patterns run on it)
     * @param chars the article's chars ({@link ParsedArticle#chars()}), scanned for numbers; the sentence starts at
     *              offset
     * @param words the article's word index
     */
    private List<KpiMention> extractSentence(String s, String l, char[] chars, WordIndex words, int offset,
            String carriedPeriod, List<int[]> times) {
        List<KpiMention> out = new ArrayList<>();
        Sentence sentence = new Sentence(l, words, offset);
        FigureMatch m = new FigureMatch();
        int previousFigureEnd = 0;
        for (int at = nextNumberStart(chars, offset, s.length(), 0); at >= 0;
                at = nextNumberStart(chars, offset, s.length(), Math.max(at + 1, m.end()))) {
            if (!m.readAt(s, at)) {
                continue;
            }
            int ns = m.start();
            int ne = m.end();
            if (!standsAlone(s, ns, ne)) {
                continue;
            }
            // Ranking words come before date words: "xếp thứ 22/63" is a rank, "ngày 24/12" a date. The figures are
            // parsed only once a unit is known: most numbers in a sentence are dates, years or have no unit.
            Unit unit = null;
            Double value = null;
            Double fieldTotal = null; // "trong 13 tỉnh" after a rank
            int figureStart = ns;
            int[] top = TOP_WORDS.endingAt(l, ns, 1);
            int[] place = top == null ? RANK_WORDS.endingAt(l, ns, 5) : null;
            int[] numberOne = top == null && place == null ? NUMBER_ONE.endingAt(l, ns, 1) : null;
            if (top != null) {
                unit = new Unit("tốp", UnitClass.RANK, ne);
                figureStart = top[0];
            } else if (place != null) {
                unit = new Unit("hạng", UnitClass.RANK, ne);
                figureStart = place[0];
                Matcher field = m.group(2) == null ? RANK_FIELD.matcher(l).region(ne, l.length()) : null;
                if (field != null && field.lookingAt()) {
                    fieldTotal = VietnameseNumbers.parse(field.group(1));
                    unit = new Unit("hạng", UnitClass.RANK, field.end());
                }
            } else if (numberOne != null && m.group(2) == null && (value = VietnameseNumbers.parse(m.group(1))) != null
                    && value == 1.0 && rankScopeAt(l, ne)) {
                unit = new Unit("hạng", UnitClass.RANK, ne);
                figureStart = numberOne[0];
            }
            boolean rankWords = unit != null;
            if (unit == null) {
                char next = charAfterSpaces(l, ne);
                Matcher st = next == 'b' ? STEPS_AFTER.matcher(l).region(ne, l.length()) : null;
                if (st != null && st.lookingAt()
                        && STEPS_BEFORE.matcher(l).region(Math.max(0, ns - 40), ns).find()) {
                    unit = new Unit("bậc", UnitClass.RANK, st.end());
                }
            }
            if (unit == null) {
                if (dateWords.endingAt(l, ns, 3) != null) {
                    continue;
                }
                if (m.group(3) != null && isYear(m.group(1)) && isYear(m.group(3))) {
                    continue; // "2021 - 2030"
                }
                unit = unitAfter(l, ne);
                if (unit == null) {
                    continue;
                }
                if (m.group(2) != null && unit.kind() != UnitClass.COUNT && unit.kind() != UnitClass.RESULT) {
                    continue; // "6,7/2020" and other slashed codes
                }
            }
            if (value == null) {
                value = VietnameseNumbers.parse(m.group(1));
            }
            Double total = m.group(2) == null ? null : VietnameseNumbers.parse(m.group(2));
            if (value == null || (m.group(2) != null && total == null)) {
                continue;
            }
            if (fieldTotal != null && fieldTotal >= value) {
                total = fieldTotal;
            }
            Integer rank = rankWords ? value.intValue() : null;
            if (!isIndicator(sentence, ns, ne, unit)) {
                continue;
            }
            String qualifier = null;
            int[] qb = unit.kind() == UnitClass.RANK ? null : qualifiers.endingAt(l, figureStart, 2);
            if (qb != null) {
                qualifier = PhraseSet.normalized(l, qb[0], qb[1]);
                figureStart = qb[0];
            }
            int spanStart = spanStart(s, figureStart, previousFigureEnd);
            int spanEnd = spanEnd(s, unit.end());
            previousFigureEnd = unit.end();
            String spanText = s.substring(spanStart, spanEnd);
            String metric = metric(s, spanStart, figureStart, unit.end(), spanEnd, unit,
                    out.isEmpty() ? null : out.get(out.size() - 1).metric());
            String status = null;
            int[] sw = sentence.find(statusWords, spanStart, spanEnd);
            if (sw != null) {
                status = l.substring(sw[0], sw[1]);
            }
            String period = periodFor(s, times, ns, spanEnd, carriedPeriod);
            out.add(new KpiMention(metric, value, unit.normalized(), total, rank, qualifier, period, status, spanText,
                    offset + spanStart, offset + spanEnd, confidence(unit.kind(), period, status)));
        }
        return out;
    }

    /**
     * An indicator figure passed the cue and exclusion screens; it is surer when its unit is a measure of results
     * (a percentage, money, a rank) rather than a count or a physical quantity, and with a period and a status
     * word beside it.
     */
    private static double confidence(UnitClass unit, String period, String status) {
        boolean indicatorUnit = unit == UnitClass.PERCENT || unit == UnitClass.MONEY || unit == UnitClass.RANK;
        int support = (indicatorUnit ? 1 : 0) + (period != null ? 1 : 0) + (status != null ? 1 : 0);
        return Confidence.supported(INDICATOR_FIGURE, support, 3);
    }

    /** "số 1 Việt Nam", "số 1 tại thị trường": a number-one ranking needs its scope right after. */
    private boolean rankScopeAt(String l, int from) {
        int i = from;
        while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
            i++;
        }
        int prep = SCOPE_PREPOSITIONS.matchAt(l, i);
        if (prep > 0) {
            i = prep;
            while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
                i++;
            }
        }
        return rankScopes.matchAt(l, i) > 0;
    }

    private static boolean lookingAt(Pattern p, String l, int from) {
        Matcher m = p.matcher(l);
        m.region(from, Math.min(l.length(), from + 80));
        m.useTransparentBounds(true);
        return m.lookingAt();
    }

    /** Not glued to letters or codes: "Covid-19", "32-CT/TU", "2175/QĐ", "C04" are not figures. */
    private static boolean standsAlone(String s, int ns, int ne) {
        if (ns > 0) {
            char p = s.charAt(ns - 1);
            if (p == '-' && ns > 1 && CharClass.isLetterOrDigit(s.charAt(ns - 2))) {
                return false;
            }
        }
        if (ne < s.length()) {
            char n = s.charAt(ne);
            if (CharClass.isLetter(n)) {
                return false;
            }
            if ((n == '-' || n == '/' || n == '.') && ne + 1 < s.length() && CharClass.isLetterOrDigit(s.charAt(ne + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isYear(String digits) {
        return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
    }

    /**
     * The first char at or after i that is not whitespace, or 0. Patterns opening with {@code \s*} then a word are
     * tried only when this char can start the word (every {@code \s} char is whitespace and no word starts with one).
     */
    private static char charAfterSpaces(String s, int i) {
        while (i < s.length() && CharClass.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() ? s.charAt(i) : 0;
    }

    private Unit unitAfter(String s, int ne) {
        char next = charAfterSpaces(s, ne);
        Matcher p = next == '%' || next == 'p' ? PERCENT.matcher(s).region(ne, s.length()) : null;
        if (p != null && p.lookingAt()) {
            return new Unit(p.group(1) == null ? "%" : "%/năm", UnitClass.PERCENT, p.end());
        }
        // every alternative of MONEY opens with one of these (case-sensitive): nghìn ngàn triệu tỷ tỉ đồng đô usd vnđ
        Matcher mo = next == 'n' || next == 't' || next == 'đ' || next == 'u' || next == 'v'
                ? MONEY.matcher(s).region(ne, s.length()) : null;
        if (mo != null && mo.lookingAt()) {
            String scale = mo.group(1);
            String currency = mo.group(3) != null ? mo.group(3) : mo.group(4);
            if (scale != null && currency == null && mo.group(2) == null && !scale.equalsIgnoreCase("tỷ")
                    && !scale.equalsIgnoreCase("tỉ")) {
                // "42 nghìn viên", "1,5 triệu lượt khách": a scaled count, not money.
                Unit counted = countedUnitAt(s, mo.end(1));
                return counted == null ? null
                        : new Unit(normalizeScale(scale) + " " + counted.normalized(), counted.kind(), counted.end());
            }
            StringBuilder u = new StringBuilder();
            if (scale != null) {
                u.append(normalizeScale(scale));
                if (mo.group(2) != null) {
                    u.append(" tỷ");
                }
                u.append(' ');
            }
            u.append(normalizeCurrency(currency));
            if (mo.group(5) != null) {
                u.append(mo.group(5));
            }
            return new Unit(u.toString(), UnitClass.MONEY, mo.end());
        }
        return countedUnitAt(s, ne);
    }

    /** A unit from kpi-units.tsv right after {@code from} (spaces skipped), or null. */
    private Unit countedUnitAt(String l, int from) {
        int i = from;
        while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
            i++;
        }
        int end = unitWords.matchAt(l, i);
        if (end < 0) {
            return null;
        }
        String[] row = units.get(PhraseSet.normalized(l, i, end));
        return row == null ? null : new Unit(row[1], UnitClass.valueOf(row[2]), end);
    }

    private static String normalizeScale(String scale) {
        String l = scale.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "ngàn" -> "nghìn";
            case "tỉ" -> "tỷ";
            default -> l;
        };
    }

    private static String normalizeCurrency(String currency) {
        if (currency == null) {
            return "đồng";
        }
        String l = currency.toLowerCase(Locale.ROOT);
        if (l.startsWith("đô la") || l.equals("usd")) {
            return "USD";
        }
        if (l.equals("euro")) {
            return "EUR";
        }
        return "đồng";
    }

    /** Whether a figure with this unit, in this sentence, is an indicator rather than a price, gift or head count. */
    private boolean isIndicator(Sentence sentence, int ns, int ne, Unit unit) {
        String s = sentence.lower();
        int clauseStart = clauseStart(s, ns);
        if (sentence.has(clauseExclusions, clauseStart, ns)) {
            return false; // area, population, administrative mergers
        }
        if (ANAPHORA_BEFORE.endingAt(s, ns, 3) != null && lookingAt(ANAPHORA_AFTER, s, unit.end())) {
            return false; // "Trong tổng số 36 dự án này": a back-reference, counted where it was first stated
        }
        switch (unit.kind()) {
            case PERCENT, RANK -> {
                return !sentence.has(moneyExclusions, Math.max(clauseStart, ns - 30), ns) && !priceBefore(sentence, clauseStart, ns);
            }
            case MONEY -> {
                if (lookingAt(PER_UNIT, s, unit.end()) || priceBefore(sentence, clauseStart, ns)) {
                    return false;
                }
                int windowStart = Math.max(0, ns - 80);
                if (sentence.has(moneyExclusions, windowStart, Math.min(s.length(), unit.end() + 20))) {
                    return false;
                }
                return sentence.has(moneyCues, Math.max(0, ns - 250), Math.min(s.length(), unit.end() + 40));
            }
            case COUNT -> {
                return !sentence.has(countExclusions, Math.max(clauseStart, ns - 30), Math.min(s.length(), unit.end() + 25));
            }
            case RESULT -> {
                if (sentence.has(countExclusions, Math.max(clauseStart, ns - 30), Math.min(s.length(), unit.end() + 25))) {
                    return false;
                }
                return sentence.has(resultCues, unit.end(), clauseEnd(s, unit.end()))
                        || sentence.has(resultCues, Math.max(clauseStart, ns - 40), ns);
            }
            case MEASURE -> {
                return sentence.has(measureCues, Math.max(0, ns - 60), ns) && !sentence.has(moneyExclusions, Math.max(0, ns - 60), ns);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The lower-cased sentence with its place in the article's word index: phrase screens visit the indexed words
     * ({@link PhraseSet#findInSentence}) instead of the sentence's chars.
     */
    private record Sentence(String lower, WordIndex words, int offset) {
        int[] find(PhraseSet p, int from, int to) {
            return p.findInSentence(words, offset, lower.length(), from, to);
        }

        /** As {@code p.foundIn(lower, from, to)} with from and to clamped to the sentence. */
        boolean has(PhraseSet p, int from, int to) {
            int f = Math.max(0, from);
            int t = Math.min(lower.length(), to);
            return f < t && find(p, f, t) != null;
        }
    }

    /** "Giá lúa", "giá xăng" before the figure: a price; "trị giá", "giá trị" and "chỉ số giá" are indicators. */
    private static boolean priceBefore(Sentence sentence, int from, int to) {
        String l = sentence.lower();
        int at = Math.max(0, from);
        int[] hit;
        while ((hit = sentence.find(PRICE_WORD, at, to)) != null) {
            String before = l.substring(Math.max(0, hit[0] - 4), hit[0]);
            String after = l.substring(hit[1], Math.min(l.length(), hit[1] + 4));
            if (!before.endsWith("trị ") && !before.endsWith("số ") && !after.startsWith(" trị")) {
                return true;
            }
            at = hit[1];
        }
        return false;
    }

    private static boolean boundary(char c) {
        return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '“' || c == '”' || c == '"'
                || c == '[' || c == ']' || c == '•';
    }

    /** Clause scans stop after a few hundred characters so a sentence without punctuation stays linear. */
    private static final int CLAUSE_REACH = 300;

    private static int clauseStart(String s, int at) {
        for (int i = at - 1; i >= Math.max(0, at - CLAUSE_REACH); i--) {
            if (boundary(s.charAt(i))) {
                return i + 1;
            }
        }
        return Math.max(0, at - CLAUSE_REACH);
    }

    private static int clauseEnd(String s, int at) {
        for (int i = at; i < Math.min(s.length(), at + CLAUSE_REACH); i++) {
            char c = s.charAt(i);
            if (boundary(c) || c == '.' && (i + 1 == s.length() || CharClass.isWhitespace(s.charAt(i + 1)))) {
                return i;
            }
        }
        return Math.min(s.length(), at + CLAUSE_REACH);
    }

    /**
     * Back from the figure to the clause boundary, at most ten words (fourteen when that reaches the boundary), never
     * into the previous figure.
     */
    private static int spanStart(String s, int figureStart, int floor) {
        int start = figureStart;
        int tenWordStart = figureStart;
        int words = 0;
        int i = figureStart;
        while (i > floor) {
            int we = i;
            while (we > floor && CharClass.isWhitespace(s.charAt(we - 1))) {
                we--;
            }
            if (we <= floor) {
                break;
            }
            // "tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 7,8%": an indicator's abbreviation is part of its name
            int ws = s.charAt(we - 1) == ')' ? abbreviationStart(s, floor, we - 1) : -1;
            if (ws < 0) {
                if (boundary(s.charAt(we - 1)) || s.charAt(we - 1) == '.' || s.charAt(we - 1) == '–' || s.charAt(we - 1) == '-' && we - 1 > 0 && s.charAt(we - 2) == ' ') {
                    break;
                }
                ws = we;
                while (ws > floor && !CharClass.isWhitespace(s.charAt(ws - 1)) && !boundary(s.charAt(ws - 1))) {
                    ws--;
                }
                // compared in place: this runs for every word before every figure
                if (wordIs(s, ws, we, "và") || wordIs(s, ws, we, "nhưng") || wordIs(s, ws, we, "với")
                        || wordIs(s, ws, we, "song")) {
                    break;
                }
                if (hasDigitChar(s, ws, we) && !isTimeWord(s, ws, we)) {
                    break;
                }
            }
            start = ws;
            i = ws;
            if (++words == SPAN_WORDS) {
                tenWordStart = start;
            } else if (words >= SPAN_WORDS_TO_CLAUSE) {
                return tenWordStart; // no clause start near: the shorter span
            }
        }
        return start;
    }

    /** Whether s[from, to) is the given lower-case word in any case (as {@code toLowerCase(ROOT).equals}). */
    private static boolean wordIs(String s, int from, int to, String word) {
        // the first char (lower case in every word asked about) rejects almost every word before regionMatches
        return to - from == word.length() && Character.toLowerCase(s.charAt(from)) == word.charAt(0)
                && s.regionMatches(true, from, word, 0, word.length());
    }

    private static boolean hasDigitChar(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isDigit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Words a figure's span takes before it, ... */
    private static final int SPAN_WORDS = 10;
    /** ... or up to this many when that reaches the start of the clause (not "sách nhà nước ..." of "ngân sách"). */
    private static final int SPAN_WORDS_TO_CLAUSE = 14;

    /**
     * Start of "(GRDP)", "(PCI)", "(PAR Index)" when {@code close} is its ')': a parenthesized abbreviation (a capital
     * first, no digits first, at most 12 chars, at most two words) right after a word; else -1.
     */
    private static int abbreviationStart(String s, int floor, int close) {
        int open = s.lastIndexOf('(', close);
        if (open <= floor || close - open < 3 || close - open > 13 || !CharClass.isUpperCase(s.charAt(open + 1))) {
            return -1;
        }
        int spaces = 0;
        for (int k = open + 1; k < close; k++) {
            char c = s.charAt(k);
            if (c == ' ') {
                spaces++;
            } else if (!CharClass.isLetterOrDigit(c) && c != '-' && c != '&') {
                return -1;
            }
        }
        return spaces <= 1 && open - 1 > floor && s.charAt(open - 1) == ' ' ? open : -1;
    }

    /** "năm 2017", "quý I/2024", "6 tháng đầu năm": time words may sit inside a figure's span. */
    private static boolean isTimeWord(String s, int ws, int we) {
        String prev = previousWord(s, ws).toLowerCase(Locale.ROOT);
        if (prev.equals("năm") || prev.equals("quý") || prev.equals("tháng") || prev.equals("ngày")) {
            return true;
        }
        String rest = s.substring(we).stripLeading().toLowerCase(Locale.ROOT);
        return rest.startsWith("tháng") || rest.startsWith("năm") || rest.startsWith("quý");
    }

    private static String previousWord(String s, int ws) {
        int e = ws;
        while (e > 0 && CharClass.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && !CharClass.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(b, e);
    }

    /** Forward from the unit over its complement ("dự toán", "so với cùng kỳ năm 2019"), at most eight words. */
    private static int spanEnd(String s, int unitEnd) {
        int end = unitEnd;
        int words = 0;
        int i = unitEnd;
        String prev = "";
        while (i < s.length() && words < 8) {
            int ws = i;
            while (ws < s.length() && s.charAt(ws) == ' ') {
                ws++;
            }
            if (ws >= s.length() || ws == i && i != unitEnd) {
                break;
            }
            char c = s.charAt(ws);
            if (boundary(c) || c == '.' || c == '–' || c == '-' || c == '/' || c == '…') {
                break;
            }
            int we = ws;
            while (we < s.length() && !CharClass.isWhitespace(s.charAt(we)) && !boundary(s.charAt(we))) {
                we++;
            }
            String w = s.substring(ws, we);
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.equals("và") || lw.equals("nhưng") || lw.equals("còn") || lw.equals("song")
                    || lw.equals("với") && !prev.equals("so") || lw.equals("trong") || lw.equals("khi")) {
                break;
            }
            if (w.chars().anyMatch(Character::isDigit) && !(YEAR.matcher(w).matches() && prev.equals("năm"))) {
                break;
            }
            int trimmed = we;
            while (trimmed > ws && ".…!?".indexOf(s.charAt(trimmed - 1)) >= 0) {
                trimmed--;
            }
            if (trimmed == ws) {
                break;
            }
            end = trimmed;
            if (trimmed < we) {
                break;
            }
            prev = lw;
            i = we;
            words++;
        }
        return end;
    }

    private static final PhraseSet LEADING_NOISE = new PhraseSet(List.of("trong đó", "theo đó", "đồng thời", "riêng", "còn",
            "cụ thể", "tiếp đến là", "tiếp đến", "là", "với", "có", "mà nay", "mà"));
    private static final PhraseSet TRAILING_VERBS = new PhraseSet(List.of("đạt", "đạt được", "tăng", "giảm", "là", "có", "được",
            "lên", "lên tới", "lên đến", "tới", "chiếm", "chiếm tới", "nằm trong", "với", "ở mức", "mới chỉ", "chỉ", "thêm",
            "tăng thêm", "dẫn đầu với", "xếp", "đứng", "thứ", "khoảng", "trên", "hơn", "gần", "đã", "sẽ", "vượt", "thu đạt",
            "bằng", "mức", "còn", "giảm còn", "tương đương", "ước", "ước đạt"));

    /**
     * A short description: the words before the figure without verbs and connectors; for counts the counted noun
     * is added ("thu hút" + "dự án đầu tư mới"); a bare change ("tăng 12%") refers to the figure named before it.
     */
    private static String metric(String s, int spanStart, int figureStart, int unitEnd, int spanEnd, Unit unit,
            String previousMetric) {
        String raw = s.substring(spanStart, figureStart).strip();
        String head = trimWords(raw);
        String tail = s.substring(unitEnd, spanEnd).strip();
        boolean counted = unit.kind() == UnitClass.COUNT || unit.kind() == UnitClass.RESULT || unit.kind() == UnitClass.MEASURE;
        if (counted) {
            String noun = (unit.normalized() + " " + tail).strip();
            return head.isEmpty() ? noun : head + " (" + noun + ")";
        }
        if (!head.isEmpty()) {
            return head.length() > 80 ? head.substring(head.length() - 80).strip() : head;
        }
        if (previousMetric != null) {
            String change = raw.toLowerCase(Locale.ROOT);
            // the suffix needs one of these: most metrics have none, and the search would try every position
            boolean suffix = previousMetric.contains("(tăng)") || previousMetric.contains("(giảm)")
                    || previousMetric.contains("(so với ");
            String base = suffix ? METRIC_CHANGE_SUFFIX.matcher(previousMetric).replaceFirst("") : previousMetric;
            if (change.startsWith("tăng") || change.startsWith("giảm")) {
                return base + " (" + (change.startsWith("tăng") ? "tăng" : "giảm") + ")";
            }
            return tail.isEmpty() ? base : base + " (so với " + LEADING_SO_VOI.matcher(tail).replaceFirst("") + ")";
        }
        // "Chỉ số giá tiêu dùng (CPI) tăng 3,5%": the figure's subject sits before the clause boundary
        String earlier = trimWords(lastWords(PARENTHESIZED.matcher(s.substring(0, spanStart)).replaceAll(" "), 8));
        if (!earlier.isEmpty()) {
            return earlier;
        }
        return tail.isEmpty() ? unit.normalized() : tail;
    }

    private static String lastWords(String text, int n) {
        String t = TRAILING_OPENERS.matcher(text.strip()).replaceAll("").strip();
        int cut = t.length();
        for (int w = 0; w < n && cut > 0; w++) {
            int sp = t.lastIndexOf(' ', cut - 1);
            if (sp < 0) {
                return t;
            }
            if (",;:".indexOf(t.charAt(Math.max(0, sp - 1))) >= 0) {
                return t.substring(sp + 1);
            }
            cut = sp;
        }
        return t.substring(cut).strip();
    }

    /** Drops connectors and a year at the start and verbs at the end of the words before a figure. */
    private static String trimWords(String raw) {
        String l = Lexicon.lower(raw);
        int start = 0;
        int end = l.length();
        for (int guard = 0; guard < 5; guard++) {
            int e = LEADING_NOISE.matchAt(l, start, end);
            if (e < 0) {
                break;
            }
            start = e;
            while (start < end && CharClass.isWhitespace(l.charAt(start))) {
                start++;
            }
        }
        // a year the sentence opened with is the period, not the metric: "(Năm) 2023(,) tổng sản phẩm ..."
        Matcher year = LEADING_YEAR.matcher(l).region(start, end);
        if (year.lookingAt() && year.end() < end) {
            start = year.end();
        }
        for (int guard = 0; guard < 6 && end > start; guard++) {
            int[] v = TRAILING_VERBS.endingAt(l, end, 3);
            if (v == null || v[0] < start) {
                break;
            }
            end = v[0];
            while (end > start && CharClass.isWhitespace(l.charAt(end - 1))) {
                end--;
            }
        }
        return raw.substring(start, Math.max(start, end)).strip();
    }

    /** "(so với) cùng kỳ năm 2019", "so với năm trước": the time a figure is compared with, not its own. */
    private static boolean isComparison(String s, int[] time) {
        String t = Lexicon.lower(s.substring(time[0], time[1]).strip());
        String before = Lexicon.lower(s.substring(Math.max(0, time[0] - 8), time[0]));
        return t.startsWith("cùng kỳ") || before.contains("so với");
    }

    /**
     * The nearest time expression before the figure in its sentence, else one inside the figure's span after it
     * ("trong tốp 10 cả nước về thu hút FDI năm 2024"), else the paragraph's, else one after it.
     */
    private static String periodFor(String s, List<int[]> times, int at, int spanEnd, String carried) {
        // times are sorted and disjoint: binary search for the last one ending at or before the figure
        int lo = 0;
        int hi = times.size() - 1;
        int before = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid)[1] <= at) {
                before = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (before >= 0) {
            return s.substring(times.get(before)[0], times.get(before)[1]).strip();
        }
        if (!times.isEmpty() && times.get(0)[1] <= spanEnd && !isComparison(s, times.get(0))) {
            return s.substring(times.get(0)[0], times.get(0)[1]).strip(); // the first after the figure: none is before
        }
        if (carried != null) {
            return carried;
        }
        return times.isEmpty() ? null : s.substring(times.get(0)[0], times.get(0)[1]).strip();
    }
}
