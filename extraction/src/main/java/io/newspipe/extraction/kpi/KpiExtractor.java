package io.newspipe.extraction.kpi;

import io.newspipe.extraction.CharClass;
import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.KpiMention;
import io.newspipe.extraction.text.Lexicon;
import io.newspipe.extraction.text.ParsedArticle;
import io.newspipe.extraction.text.PhraseSet;
import io.newspipe.extraction.text.RegexOpenings;
import io.newspipe.extraction.text.TextSpan;
import io.newspipe.extraction.text.WordIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /** SHARE: a fraction of a whole ("2/3 quãng đường"); MULTIPLE: growth as a multiple ("tăng 750 lần"). */
    private enum UnitClass { PERCENT, MONEY, COUNT, RESULT, MEASURE, EXTENT, ATTRIBUTE, OPERATION, CASUALTY, NONE, RANK,
        SHARE, MULTIPLE, RATE }

    /**
     * Evidence classes of a figure that passed the indicator screens, before its support (period, status) is read: a
     * unit that is itself a measure of results (%, rank, share, multiple, rate per population) or money with its
     * indicator word beside it; a count or quantity with its cue beside it; a figure taken on weaker grounds (a count
     * unit alone, a cue far away, the list or breakdown it continues, a completed action, a band after it).
     */
    private static final double RESULT_UNIT = 0.7;
    private static final double CUED = 0.65;
    private static final double CONTEXT_ONLY = 0.5;

    private record Unit(String normalized, UnitClass kind, int end) {
    }

    private static final Pattern PERCENT = Pattern.compile("\\s*(?:%|phần trăm)(/năm)?");
    private static final Pattern MONEY = Pattern.compile(
            "\\s*(?:(nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?:\\s+(tỷ|tỉ))?(?:\\s+(đồng|usd|đô la mỹ|đô la|đô|vnđ|vnd|euro))?"
                    + "|(đồng|usd|vnđ|vnd|đô la))(?![\\p{L}])(/người|/năm|/ha(?![\\p{L}]))?");
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
    /** "/ 10.000 dân", "/vạn dân", "/1.000 dân số": the base of a rate per population. */
    private static final Pattern PER_POPULATION = Pattern.compile(
            "/\\s?(?:(\\d{1,3}(?:\\.\\d{3})*)\\s|(vạn|nghìn|ngàn)\\s)?(?:người\\s)?dân(?:\\s+số)?(?![\\p{L}])");
    /**
     * "8.500 đồng/kg", "300.000 đồng/suất": money per physical unit is a price (per person, year or hectare is part of
     * the unit, MONEY: "96 triệu đồng/ha" of farm output is a yield).
     */
    private static final Pattern PER_UNIT = Pattern.compile("/(?!người|năm|tháng)\\p{L}+");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}[,.;:)]*");
    // precompiled: String.replaceAll/replaceFirst compiled these on every call
    private static final Pattern METRIC_CHANGE_SUFFIX = Pattern.compile("\\s*\\((?:tăng|giảm|so với .*)\\)$");
    private static final Pattern LEADING_SO_VOI = Pattern.compile("^(?i)so(?: với)?\\s+(?!sánh)");
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
    private static final PhraseSet VALUE_WORDS = new PhraseSet(List.of("trị giá", "có giá trị", "giá trị"));
    private static final PhraseSet RATIO_WORDS = new PhraseSet(List.of("tỷ lệ", "tỉ lệ", "bằng"));
    private static final PhraseSet RATE_WORDS = new PhraseSet(List.of("tỷ lệ", "tỉ lệ"));
    private static final PhraseSet BAND_VERBS = new PhraseSet(List.of("có", "đạt", "là"));
    private static final PhraseSet BAND_BOUNDS = new PhraseSet(List.of("có", "trên", "dưới", "từ", "hơn", "chưa tới",
            "chưa đến", "không quá", "cao từ", "thấp dưới"));
    private static final PhraseSet DONE = new PhraseSet(List.of("đã", "hoàn thành"));
    private static final PhraseSet SEIZURE = new PhraseSet(List.of("thu giữ", "tịch thu", "tạm giữ"));
    private static final PhraseSet OF = new PhraseSet(List.of("của"));
    private static final PhraseSet DONE_PASSIVE = new PhraseSet(List.of("đã được"));
    private static final PhraseSet HONOUREES = new PhraseSet(List.of("tập thể", "cá nhân"));
    private static final PhraseSet NUMBER_OF = new PhraseSet(List.of("số", "tổng số"));
    private static final PhraseSet REACHES = new PhraseSet(List.of("đạt", "ước đạt", "đạt được"));
    private static final PhraseSet STATED_AS = new PhraseSet(List.of("là", "đạt", "ước đạt", "ước"));
    /** Sentence openings that break down the figures of the sentence before ("Trong đó, nông sản đạt ..."). */
    private static final PhraseSet BREAKDOWN_OPENERS = new PhraseSet(List.of("trong đó", "cụ thể", "riêng", "bao gồm",
            "gồm"));
    /** Verbs of growth as a multiple, right before the figure (a qualifier may stand between). */
    private static final PhraseSet MULTIPLIERS = new PhraseSet(List.of("tăng", "gấp", "tăng gấp", "tăng trưởng",
            "cao gấp", "lớn gấp", "nhiều gấp", "tăng tới", "tăng lên", "gấp tới", "tăng gần", "gấp gần", "giảm"));
    /** Verbs of a share of a whole, right before the fraction. */
    private static final PhraseSet SHARE_VERBS = new PhraseSet(List.of("chiếm", "chiếm tới", "đi được", "được", "đạt",
            "bằng", "còn", "hoàn thành", "thực hiện được"));

    private final Map<String, String[]> units = new HashMap<>();
    private final PhraseSet unitWords;
    private final PhraseSet moneyCues;
    private final PhraseSet resultCues;
    private final PhraseSet measureCues;
    private final PhraseSet operationCues;
    private final PhraseSet orgHeads;
    private final PhraseSet moneyExclusions;
    private final PhraseSet countExclusions;
    private final PhraseSet sentenceExclusions;
    private final PhraseSet clauseExclusions;
    private final PhraseSet shareExclusions;
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
        operationCues = new PhraseSet(Lexicon.lines("kpi-operation-cues.txt"));
        orgHeads = new PhraseSet(Lexicon.rows("org-heads.txt").stream().map(r -> r[0]).toList());
        List<String> money = new ArrayList<>();
        List<String> count = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<String> clause = new ArrayList<>();
        List<String> shareOf = new ArrayList<>();
        for (String[] row : Lexicon.rows("kpi-exclusion-cues.tsv")) {
            switch (row[1]) {
                case "MONEY" -> money.add(row[0]);
                case "COUNT" -> count.add(row[0]);
                case "SENTENCE" -> sentence.add(row[0]);
                case "CLAUSE" -> clause.add(row[0]);
                case "SHARE_OF" -> shareOf.add(row[0]);
                default -> throw new IllegalStateException("kpi-exclusion-cues.tsv: unknown scope " + row[1]);
            }
        }
        moneyExclusions = new PhraseSet(money);
        countExclusions = new PhraseSet(count);
        sentenceExclusions = new PhraseSet(sentence);
        clauseExclusions = new PhraseSet(clause);
        shareExclusions = new PhraseSet(shareOf);
        statusWords = new PhraseSet(Lexicon.lines("kpi-status.txt"));
        rankScopes = new PhraseSet(Lexicon.lines("kpi-rank-scopes.txt"));
        qualifiers = new PhraseSet(Lexicon.lines("kpi-qualifiers.txt"));
        dateWords = new PhraseSet(Lexicon.lines("kpi-date-words.txt"));
        // Time expressions are tried only where the opening words of a line of kpi-periods.txt stand, as far as they
        // are literal words: "của", "trong" or "ba" alone are everywhere, "của năm", "trong năm", "ba tháng" are not
        // (digit openings: monthsAt)
        List<String> periodLines = Lexicon.lowered(Lexicon.lines("kpi-periods.txt"));
        periodTriggers = new PhraseSet(periodTriggers(periodLines));
        periods = Pattern.compile("(?:" + String.join("|", periodLines)
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
        List<String> lastUnits = List.of(); // of the sentence before, in the same paragraph
        TextSpan previousInParagraph = null;
        int nl = text.indexOf('\n');
        for (TextSpan sentence : article.sentences()) {
            // A period carries over within a paragraph only.
            if (nl >= 0 && nl < sentence.start()) {
                nl = text.indexOf('\n', sentence.start()); // the next paragraph's end (searched once per paragraph)
                lastPeriod = null; // (a breakdown opener may still refer to the paragraph before: lastUnits stays)
                previousInParagraph = null;
            }
            if (!hasDigit(article.chars(), sentence.start(), sentence.end())) {
                lastUnits = List.of();
                previousInParagraph = sentence;
                continue; // every figure is written in digits
            }
            if (sentenceExclusions.foundInRegion(article.words(), sentence.start(), sentence.end())) {
                lastUnits = List.of();
                previousInParagraph = sentence;
                continue;
            }
            String s = sentence.of(text);
            String l = lower.substring(sentence.start(), sentence.end());
            List<int[]> times = timeExpressions(l, article.words(), sentence.start());
            List<String> brokenDown = BREAKDOWN_OPENERS.matchAt(l, skipSpaces(l, 0)) >= 0 ? lastUnits : List.of();
            List<KpiMention> found = extractSentence(s, l, article.chars(), article.words(), sentence.start(), lastPeriod,
                    times, brokenDown, new CaseNames(text, sentence, previousInParagraph));
            previousInParagraph = sentence;
            out.addAll(found);
            lastUnits = unitsOf(found);
            // the period carried on is the sentence's last one, but not a comparison's ("so với cùng kỳ năm trước")
            for (int t = times.size() - 1; t >= 0; t--) {
                if (!isComparison(l, times.get(t))) {
                    lastPeriod = s.substring(times.get(t)[0], times.get(t)[1]).strip();
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether a sentence or the one before it in its paragraph names one case by its code ("chuyên án EM620", "vụ án
     * 468L"); asked only of sentences with an enforcement count, so read only then.
     */
    private static final class CaseNames {
        private final String text;
        private final TextSpan sentence;
        private final TextSpan before;
        private Boolean named;

        CaseNames(String text, TextSpan sentence, TextSpan before) {
            this.text = text;
            this.sentence = sentence;
            this.before = before;
        }

        boolean named() {
            if (named == null) {
                named = names(sentence) || before != null && names(before);
            }
            return named;
        }

        private boolean names(TextSpan span) {
            return NAMED_CASE.matcher(text).region(span.start(), span.end()).find();
        }
    }

    private static final Pattern NAMED_CASE = Pattern.compile("(?:chuyên án|vụ án)\\s+(?:[A-Z]{1,4}\\s?\\d|\\d{2,}\\s?[A-Z])");

    private static List<String> unitsOf(List<KpiMention> mentions) {
        if (mentions.isEmpty()) {
            return List.of();
        }
        List<String> units = new ArrayList<>(mentions.size());
        for (KpiMention k : mentions) {
            units.add(k.unit());
        }
        return units;
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
     * The first two whole literal words of every opening of the period patterns: where a time expression can start.
     * Only a pattern opening with a digit alternative ("\\d{1,2} tháng") may have an opening without a word; those
     * are found by {@link #monthsAt}.
     */
    static List<String> periodTriggers(List<String> periodPatterns) {
        List<String> triggers = new ArrayList<>();
        for (String pattern : periodPatterns) {
            for (RegexOpenings.Opening opening : RegexOpenings.of(pattern)) {
                String words = opening.wholeWords(2);
                if (!words.isEmpty()) {
                    triggers.add(words);
                } else if (!pattern.startsWith("(?:\\d")) {
                    throw new IllegalStateException("kpi-periods.txt: '" + pattern + "' can open with '" + opening.text()
                            + "', not a whole literal word, so no trigger can be derived for it");
                }
            }
        }
        return triggers.stream().distinct().toList();
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
            String carriedPeriod, List<int[]> times, List<String> brokenDown, CaseNames caseNames) {
        List<KpiMention> out = new ArrayList<>();
        Sentence sentence = new Sentence(l, words, offset);
        FigureMatch m = new FigureMatch();
        SentenceFacts facts = new SentenceFacts(l, times, carriedPeriod, brokenDown, caseNames);
        int previousFigureEnd = 0;
        int countEnd = -1; // end of the last count taken: a band after it is no figure of its own
        boolean afterPrice = false; // a price was passed over since the last figure with a subject of its own
        int thisNumberStart = -1;
        int thisNumberEnd = 0;
        int slashFigure = -1;
        int afterSlash = -1; // "33 vụ/380 đối tượng": a number right after a unit's slash is the next figure
        for (int at = nextNumberStart(chars, offset, s.length(), 0); at >= 0;
                at = afterSlash >= 0 ? afterSlash : nextNumberStart(chars, offset, s.length(), Math.max(at + 1, m.end()))) {
            slashFigure = afterSlash;
            afterSlash = -1;
            if (!m.readAt(s, at)) {
                continue;
            }
            int ns = m.start();
            int ne = m.end();
            facts.lastNumberStart = thisNumberStart;
            facts.lastNumberEnd = thisNumberEnd;
            thisNumberStart = ns;
            thisNumberEnd = ne;
            if (gluedBefore(s, ns) || gluedAfter(s, ne) && !(CharClass.isLetter(s.charAt(ne)) && unitAfter(l, ne) != null)) {
                continue; // glued to letters or codes, unless the letters are a unit ("117kg heroin", "128,5tỷ đồng")
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
                    && value == 1.0 && rankScopeAt(l, ne) && !designation(s, l, numberOne[0])) {
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
                // a decimal comma is no date or article number: "điều 1,55 tỷ USD" (cashew nuts) is a figure
                if (dateWords.endingAt(l, ns, 3) != null && !hasDecimalComma(l, ns, ne)) {
                    continue;
                }
                if (m.group(3) != null && isYear(m.group(1)) && isYear(m.group(3))) {
                    continue; // "2021 - 2030"
                }
                unit = unitAfter(l, ne);
                if (unit == null) {
                    unit = m.group(2) == null ? multipleAt(l, ns, ne) : shareAt(l, ns, ne, m);
                }
                if (unit != null && unit.kind() == UnitClass.RESULT && unit.normalized().equals("người")
                        && CASUALTY_BEFORE.endingAt(l, qualifiedStart(l, ns), 2) != null) {
                    unit = new Unit(unit.normalized(), UnitClass.CASUALTY, unit.end()); // "làm chết 97 người"
                }
                if (unit == null) {
                    continue;
                }
                if (m.group(2) != null && unit.kind() != UnitClass.COUNT && unit.kind() != UnitClass.RESULT
                        && unit.kind() != UnitClass.SHARE && !fractionOfAmount(unit, m)) {
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
            if ((unit.kind() == UnitClass.PERCENT || unit.kind() == UnitClass.MONEY) && countEnd >= 0
                    && bandCriterion(sentence, countEnd, ns)) {
                continue;
            }
            if (unit.kind() == UnitClass.MONEY && isPrice(sentence, ns, unit)) {
                afterPrice = true;
                continue;
            }
            if (!isIndicator(sentence, ns, ne, unit, total != null, facts)) {
                continue;
            }
            if (unit.kind() == UnitClass.COUNT || unit.kind() == UnitClass.RESULT) {
                countEnd = unit.end();
            }
            if (unit.kind() == UnitClass.COUNT && CASE_UNITS.contains(unit.normalized())) {
                facts.cases = value;
            }
            facts.accepted(unit);
            if (unit.end() + 1 < s.length() && s.charAt(unit.end()) == '/' && CharClass.isDigit(s.charAt(unit.end() + 1))) {
                // "393 tỷ/932 tỷ đồng", "593.803 ha/617.708 ha": the whole after the part; "33 vụ/380 đối tượng": the
                // next figure
                Unit whole = total == null ? wholeAt(s, l, unit.end() + 1, m, unit) : null;
                if (whole != null && VietnameseNumbers.parse(m.group(1)) > value) {
                    total = VietnameseNumbers.parse(m.group(1));
                    unit = whole;
                } else {
                    afterSlash = unit.end() + 1;
                }
            }
            String qualifier = null;
            int[] qb = unit.kind() == UnitClass.RANK ? null : qualifiers.endingAt(l, figureStart, 2);
            if (qb != null) {
                qualifier = PhraseSet.normalized(l, qb[0], qb[1]);
                figureStart = qb[0];
            }
            // after "33 vụ/" the span starts at the number, not at the slash
            int spanStart = spanStart(s, figureStart, at == slashFigure ? figureStart : previousFigureEnd);
            while (spanStart < figureStart && BULLETS.indexOf(s.charAt(spanStart)) >= 0) {
                spanStart++; // "- Diện tích gieo cấy lúa xuân đạt 9.923 ha": a list's bullet is no part of the span
            }
            if (afterPrice) {
                boolean ownSubject = !trimWords(s.substring(spanStart, figureStart)).isEmpty();
                if (!ownSubject && unit.kind() == UnitClass.PERCENT) {
                    continue; // "giá gạo 638 USD/tấn, tăng 20,5%": a bare change after a price is the price's
                }
                afterPrice = !ownSubject;
            }
            int spanEnd = spanEnd(s, bandEnd(sentence, s, unit));
            previousFigureEnd = unit.end();
            String spanText = s.substring(spanStart, spanEnd);
            String period = periodFor(s, l, times, ns, spanEnd, carriedPeriod);
            String metric = metric(s, spanStart, figureStart, unit.end(), spanEnd, unit,
                    out.isEmpty() ? null : out.get(out.size() - 1).metric(), period);
            String status = null;
            int[] sw = sentence.find(statusWords, spanStart, spanEnd);
            if (sw != null) {
                status = l.substring(sw[0], sw[1]);
            }

            out.add(new KpiMention(metric, value, unit.normalized(), total, rank, qualifier, period, status, spanText,
                    offset + spanStart, offset + spanEnd, confidence(facts.evidence, period, status)));
        }
        return out;
    }

    /** A figure's evidence class ({@link #RESULT_UNIT}, ...), supported by a period and a status word beside it. */
    private static double confidence(double evidence, String period, String status) {
        int support = (period != null ? 1 : 0) + (status != null ? 1 : 0);
        return Confidence.supported(evidence, support, 3);
    }

    /**
     * "tăng 750 lần", "gấp 3,5 lần", "tăng gấp 2 lần": growth as a multiple needs its verb right before the figure
     * ("4 lần được tặng Cờ thi đua" counts occasions, "lần thứ 2" is an ordinal).
     */
    private Unit multipleAt(String l, int ns, int ne) {
        int i = ne;
        while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
            i++;
        }
        if (!wordAt(l, i, "lần") || wordAt(l, skipSpaces(l, i + 3), "thứ")) {
            return null;
        }
        return MULTIPLIERS.endingAt(l, qualifiedStart(l, ns), 3) == null ? null : new Unit("lần", UnitClass.MULTIPLE, i + 3);
    }

    /**
     * "đi được 2/3 quãng đường", "chiếm 1/5 ngân sách": a fraction with a small denominator, its verb before it and a
     * noun after it, is a share of a whole (unit "phần"). Dates have a date word before them ("ngày 2/3") and no verb.
     */
    private Unit shareAt(String l, int ns, int ne, FigureMatch m) {
        if (m.group(3) != null || m.group(1).length() > 2 || m.group(2).length() > 2) {
            return null;
        }
        int part = Integer.parseInt(m.group(1));
        int whole = Integer.parseInt(m.group(2));
        if (part < 1 || part >= whole || whole > 10 || ne >= l.length() || l.charAt(ne) != ' '
                || ne + 1 >= l.length() || !CharClass.isLetter(l.charAt(ne + 1))) {
            return null;
        }
        return SHARE_VERBS.endingAt(l, qualifiedStart(l, ns), 3) == null ? null : new Unit("phần", UnitClass.SHARE, ne);
    }

    /**
     * The unit of a whole read at {@code at} into m (its number) when it measures what the part measures (money, or the
     * same physical unit), or null.
     */
    private Unit wholeAt(String s, String l, int at, FigureMatch m, Unit part) {
        boolean amount = part.kind() == UnitClass.MONEY || part.kind() == UnitClass.MEASURE || part.kind() == UnitClass.EXTENT;
        if (!amount || !m.readAt(s, at) || m.group(2) != null || m.group(3) != null || gluedAfter(s, m.end())) {
            return null;
        }
        Unit u = unitAfter(l, m.end());
        return u != null && u.kind() == part.kind() && (u.kind() == UnitClass.MONEY || u.normalized().equals(part.normalized()))
                ? u : null;
    }

    /**
     * "3.711/18.195 tỷ đồng": part of an amount out of the whole, the whole the larger; "9.481/9.440 ha", "673/550 ha":
     * an area reached against its plan, either may be larger (no date or code is written with an area's unit).
     */
    private static boolean fractionOfAmount(Unit unit, FigureMatch m) {
        Double part = VietnameseNumbers.parse(m.group(1));
        Double whole = VietnameseNumbers.parse(m.group(2));
        if (part == null || whole == null) {
            return false;
        }
        return unit.kind() == UnitClass.MONEY ? part < whole
                : (unit.kind() == UnitClass.EXTENT || unit.kind() == UnitClass.MEASURE) && whole > 0;
    }

    private static boolean wordAt(String l, int i, String word) {
        int e = i + word.length();
        return l.startsWith(word, i) && (e == l.length() || !CharClass.isLetterOrDigit(l.charAt(e)));
    }

    private static int skipSpaces(String l, int i) {
        while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * "Đội Công binh số 1 của Việt Nam": "số 1" after a capitalized institution head (org-heads.txt) a few words back
     * is the unit's number, not a ranking.
     */
    private boolean designation(String s, String l, int so) {
        int i = so;
        for (int w = 0; w < 4; w++) {
            i = wordStartBefore(s, i);
            if (i < 0) {
                return false; // punctuation: the name, if any, is behind it
            }
            if (CharClass.isUpperCase(s.charAt(i)) && orgHeads.matchAt(l, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Start of the word before {@code end} (spaces between), or -1 when punctuation or the text's start comes first. */
    private static int wordStartBefore(String s, int end) {
        int e = end;
        while (e > 0 && CharClass.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && CharClass.isLetterOrDigit(s.charAt(b - 1))) {
            b--;
        }
        return b == e ? -1 : b;
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

    /** Glued to a code before it: "Covid-19", "QĐ-19" are not figures. */
    private static boolean gluedBefore(String s, int ns) {
        return ns > 1 && s.charAt(ns - 1) == '-' && CharClass.isLetterOrDigit(s.charAt(ns - 2));
    }

    /** Glued to letters or a code after it: "32-CT/TU", "2175/QĐ", "4G" are not figures. */
    private static boolean gluedAfter(String s, int ne) {
        if (ne >= s.length()) {
            return false;
        }
        char n = s.charAt(ne);
        return CharClass.isLetter(n)
                || (n == '-' || n == '/' || n == '.') && ne + 1 < s.length() && CharClass.isLetterOrDigit(s.charAt(ne + 1));
    }

    private static boolean hasDecimalComma(String l, int from, int to) {
        for (int i = from; i < to; i++) {
            if (l.charAt(i) == ',') {
                return true;
            }
        }
        return false;
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
            if (scale != null && currency == null && mo.group(2) == null) {
                // "42 nghìn viên", "1,5 triệu lượt khách", "22,3 tỷ kWh": a scaled count, not money ("5 tỷ" alone is)
                Unit counted = countedUnitAt(s, mo.end(1));
                if (counted != null) {
                    return new Unit(normalizeScale(scale) + " " + counted.normalized(), counted.kind(), counted.end());
                }
                if (!scale.equalsIgnoreCase("tỷ") && !scale.equalsIgnoreCase("tỉ")) {
                    return null;
                }
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
        Unit counted = countedUnitAt(s, ne);
        return counted != null ? counted : rateAt(s, ne);
    }

    /**
     * "15 bác sỹ/ 10.000 dân", "34,5 giường bệnh/vạn dân": a count per population, one to three words then a slash,
     * an optional base and "dân".
     */
    private static Unit rateAt(String l, int ne) {
        int slashAt = ne;
        int reach = Math.min(l.length(), ne + 40);
        while (slashAt < reach && l.charAt(slashAt) != '/') {
            slashAt++;
        }
        if (slashAt == reach) {
            return null; // most numbers: no slash near
        }
        int i = skipSpaces(l, ne);
        int slash = -1;
        for (int w = 0; w < 3 && i < l.length() && CharClass.isLetter(l.charAt(i)); w++) {
            while (i < l.length() && CharClass.isLetter(l.charAt(i))) {
                i++;
            }
            if (i < l.length() && l.charAt(i) == '/') {
                slash = i;
                break;
            }
            i = skipSpaces(l, i);
        }
        if (slash < 0) {
            return null;
        }
        Matcher base = PER_POPULATION.matcher(l).region(slash, l.length());
        if (!base.lookingAt()) {
            return null;
        }
        String noun = l.substring(skipSpaces(l, ne), slash);
        String per = base.group(1) != null ? base.group(1) + " " : base.group(2) != null ? base.group(2) + " " : "";
        return new Unit(noun + "/" + per + "dân", UnitClass.RATE, base.end());
    }

    /** A unit from kpi-units.tsv right after {@code from} (spaces skipped), or null. */
    private Unit countedUnitAt(String l, int from) {
        int i = from;
        while (i < l.length() && CharClass.isWhitespace(l.charAt(i))) {
            i++;
        }
        int end = unitWords.matchGluedAt(l, i); // "117kg": a unit may be glued to its number
        if (end < 0) {
            return null;
        }
        String[] row = units.get(PhraseSet.normalized(l, i, end));
        if (row == null || row[2].equals("NONE")) {
            return null;
        }
        UnitClass kind = UnitClass.valueOf(row[2]);
        if (kind != UnitClass.COUNT && kind != UnitClass.RESULT) {
            return new Unit(row[1], kind, end);
        }
        // "155 xã, phường, thị trấn", "13 Bộ, cơ quan trung ương": one number counts the coordinated units
        StringBuilder name = new StringBuilder(row[1]);
        while (end + 1 < l.length() && l.charAt(end) == ',') {
            int next = skipSpaces(l, end + 1);
            int nextEnd = unitWords.matchAt(l, next);
            String[] more = nextEnd < 0 ? null : units.get(PhraseSet.normalized(l, next, nextEnd));
            if (more == null || !more[2].equals("COUNT") && !more[2].equals("RESULT")) {
                break;
            }
            name.append(", ").append(more[1]);
            end = nextEnd;
        }
        return new Unit(name.toString(), kind, end);
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
        if (l.startsWith("đô") || l.equals("usd")) { // "tỷ đô": dollars
            return "USD";
        }
        if (l.equals("euro")) {
            return "EUR";
        }
        return "đồng";
    }

    /** Whether a figure with this unit, in this sentence, is an indicator rather than a price, gift or head count. */
    private boolean isIndicator(Sentence sentence, int ns, int ne, Unit unit, boolean ofTotal, SentenceFacts facts) {
        String s = sentence.lower();
        int clauseStart = clauseStart(s, ns);
        if (ANAPHORA_BEFORE.endingAt(s, ns, 3) != null && lookingAt(ANAPHORA_AFTER, s, unit.end())) {
            return false; // "Trong tổng số 36 dự án này": a back-reference, counted where it was first stated
        }
        if (unit.kind() == UnitClass.MEASURE || unit.kind() == UnitClass.EXTENT) {
            return measureIsIndicator(sentence, ns, unit, clauseStart, facts);
        }
        if (unit.kind() == UnitClass.ATTRIBUTE) {
            facts.evidence = CUED;
            return sentence.has(measureCues, Math.max(0, ns - 60), ns); // "tuổi thọ trung bình ... 74,8 tuổi"
        }
        if (sentence.has(clauseExclusions, clauseStart, ns)) {
            return false; // area, population, administrative mergers
        }
        switch (unit.kind()) {
            case PERCENT, RANK, SHARE, MULTIPLE, RATE -> {
                facts.evidence = RESULT_UNIT;
                return !sentence.has(moneyExclusions, Math.max(clauseStart, ns - 30), ns) && !priceBefore(sentence, clauseStart, ns)
                        && !sentence.has(shareExclusions, unit.end(), Math.min(s.length(), unit.end() + 20));
            }
            case MONEY -> { // prices were ruled out before (extractSentence)
                if (sentence.has(SEIZURE, Math.max(0, ns - 80), ns)) {
                    facts.evidence = CONTEXT_ONLY;
                    return operationalTotal(sentence, ns, facts); // seized cash: a total only over a period
                }
                // from 80 chars before (or the number before, when farther: "trao 155 suất quà ..., với tổng trị giá gần
                // 50 triệu đồng") to 40 after (not past the next number: "cho các hoạt động xã hội, từ thiện")
                int windowStart = facts.lastNumberStart >= 0 ? Math.min(ns - 80, facts.lastNumberStart) : ns - 80;
                int windowEnd = nextDigit(s, unit.end(), Math.min(s.length(), unit.end() + 40));
                if (sentence.has(moneyExclusions, Math.max(0, windowStart), windowEnd)) {
                    return false;
                }
                if (sentence.has(moneyCues, Math.max(0, ns - 80), Math.min(s.length(), unit.end() + 20))) {
                    facts.evidence = RESULT_UNIT;
                    return true;
                }
                facts.evidence = CONTEXT_ONLY; // an indicator word farther away, or the list it continues
                return sentence.has(moneyCues, Math.max(0, ns - 250), Math.min(s.length(), unit.end() + 40))
                        || facts.continues(unit)
                        // "xảy ra 4.067 vụ án, …, thiệt hại tài sản 135 tỷ đồng", "phá 26 vụ, …, với tổng số tiền
                        // 792 tỷ đồng": the damage or the sum of a period's cases
                        || sentence.has(DAMAGE, Math.max(0, ns - 40), ns) && periodTotal(facts)
                        || operationalTotal(sentence, ns, facts);
            }
            case COUNT -> {
                if (countExcluded(sentence, clauseStart, ns, unit, facts) || scopeOfAnother(s, ns, unit.end())) {
                    return false;
                }
                facts.evidence = sentence.has(resultCues, Math.max(clauseStart, ns - 40), clauseEnd(s, unit.end()))
                        || sentence.has(operationCues, Math.max(clauseStart, ns - 40), ns) ? CUED : CONTEXT_ONLY;
                return true;
            }
            case RESULT -> {
                if (countExcluded(sentence, clauseStart, ns, unit, facts) || scopeOfAnother(s, ns, unit.end())) {
                    return false;
                }
                int clauseEnd = clauseEnd(s, unit.end());
                int cueStart = outerClauseStart(s, clauseStart);
                facts.evidence = CUED;
                if (sentence.has(resultCues, unit.end(), clauseEnd)
                        || sentence.has(resultCues, Math.max(cueStart, ns - 40), ns)
                        || ofTotal) { // "được 95/155 xã": progress out of a whole
                    return true;
                }
                facts.evidence = CONTEXT_ONLY;
                return completedAction(sentence, clauseStart, ns, -1)
                        || bandFollows(sentence, unit.end(), clauseEnd)
                        || countStatement(s, clauseStart, ns)
                        || facts.continues(unit)
                        || operationalTotal(sentence, ns, facts); // "trong tuần, … xử phạt 392 trường hợp"
            }
            case OPERATION -> {
                facts.evidence = facts.hasPeriod() && facts.severalCases() ? CUED : CONTEXT_ONLY;
                return operationalTotal(sentence, ns, facts);
            }
            case CASUALTY -> {
                // "xảy ra 176 vụ tai nạn giao thông, làm 54 người chết": a period's toll, never one accident's
                facts.evidence = facts.hasPeriod() && facts.severalCases() ? CUED : CONTEXT_ONLY;
                return periodTotal(facts);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A physical quantity is an indicator with a production or trade cue before it ("sản lượng", "xuất khẩu", "mua"),
     * an area or length as a completed programme's extent ("565.339 ha đã được đo đạc", "diện tích đã cấp giấy là
     * 1.149.641 ha"; a quantity "đã thu giữ" on one day is an incident, so tonnage has no such rule), as
     * the breakdown of a total ("Trong đó, ... gần 5.179 ha") or as seizures over a period; then an area is no longer
     * a physical fact ("sản xuất lúa giống diện tích 100 ha"). A ratio of units is none ("với tỷ lệ 1 kg lúa giống
     * bằng 1,3 kg lúa thịt").
     */
    private boolean measureIsIndicator(Sentence sentence, int ns, Unit unit, int clauseStart, SentenceFacts facts) {
        String s = sentence.lower();
        int qualified = qualifiedStart(s, ns);
        if (perOne(s, ns, unit)) {
            return false; // "giá trị sản xuất trên 1 ha", "mỗi 1 tấn": the base of a rate
        }
        if (RATIO_WORDS.endingAt(s, qualified, 2) != null
                || sentence.has(moneyExclusions, Math.max(0, ns - 60), ns)) {
            return false;
        }
        facts.evidence = CUED;
        if (sentence.has(measureCues, Math.max(0, ns - 60), ns)) {
            return true;
        }
        // an area that reaches a figure is a result, not a physical fact: "diện tích dồn điền đổi thửa ... đạt trên 6.336 ha"
        if (unit.kind() == UnitClass.EXTENT && REACHES.endingAt(s, qualified, 2) != null) {
            return true;
        }
        facts.evidence = CONTEXT_ONLY;
        if (facts.continues(unit)
                || unit.kind() == UnitClass.EXTENT && completedAction(sentence, outerClauseStart(s, clauseStart), ns, unit.end())) {
            return true;
        }
        return !sentence.has(clauseExclusions, clauseStart, ns) && operationalTotal(sentence, ns, facts);
    }

    /**
     * A figure in parentheses restates the clause before them: "đã vượt đỉnh (1.170 điểm)", "Sở đã cấp 490 giấy chứng
     * nhận cho tổ chức (1.005,75 ha)": its cues are read from there.
     */
    private static int outerClauseStart(String s, int clauseStart) {
        return clauseStart > 0 && s.charAt(clauseStart - 1) == '(' ? clauseStart(s, clauseStart - 1) : clauseStart;
    }

    /** One unit after "trên", "mỗi" or "/": the base of a rate, not a quantity. */
    private static boolean perOne(String s, int ns, Unit unit) {
        if (s.charAt(ns) != '1' || ns + 1 < s.length() && (CharClass.isDigit(s.charAt(ns + 1))
                || (s.charAt(ns + 1) == '.' || s.charAt(ns + 1) == ',') && ns + 2 < s.length() && CharClass.isDigit(s.charAt(ns + 2)))) {
            return false; // not the number 1 ("1.960 ha")
        }
        return wordBefore(s, ns, "trên", 1) || wordBefore(s, ns, "mỗi", 1) || ns > 0 && s.charAt(ns - 1) == '/';
    }

    /**
     * A completed action in the figure's clause: "đã" or "hoàn thành" before it (not "đã có", "đã là": possession is no
     * result) or
     * "đã được" after it (unless unitEnd is -1: a count of places "đã được" visited is no result of theirs).
     */
    private static boolean completedAction(Sentence sentence, int clauseStart, int ns, int unitEnd) {
        String s = sentence.lower();
        int[] done = sentence.find(DONE, clauseStart, ns);
        while (done != null) {
            int next = skipSpaces(s, done[1]);
            if (!wordAt(s, next, "có") && !wordAt(s, next, "là")) {
                return true;
            }
            done = sentence.find(DONE, done[1], ns);
        }
        return unitEnd >= 0 && sentence.has(DONE_PASSIVE, unitEnd, clauseEnd(s, unitEnd));
    }

    /**
     * Attendees, members, honourees: an exclusion cue near the count, but not one that belongs to a subject before
     * the count's predicate ("hơn 15.000 thí sinh dự thi có 265 thí sinh đỗ tốt nghiệp": "dự thi" is the first
     * count's; "có sự tham dự của 200 đại biểu" still excludes).
     */
    private boolean countExcluded(Sentence sentence, int clauseStart, int ns, Unit unit, SentenceFacts facts) {
        String s = sentence.lower();
        int from = Math.max(clauseStart, ns - 30);
        if (facts.lastNumberEnd > from) {
            for (int[] p = sentence.find(BAND_VERBS, facts.lastNumberEnd, ns); p != null; p = sentence.find(BAND_VERBS, p[1], ns)) {
                from = p[1];
            }
        }
        return sentence.has(countExclusions, from, Math.min(s.length(), unit.end() + 25)) || honourees(s, unit.end());
    }

    /**
     * "Số vốn đã giải ngân của 11 dự án thành phần ... đạt 77,85%": a count after "của" with another figure later in
     * its clause is the scope of that figure, not a result of its own.
     */
    private static boolean scopeOfAnother(String s, int ns, int unitEnd) {
        if (OF.endingAt(s, ns, 1) == null) {
            return false;
        }
        int clauseEnd = clauseEnd(s, unitEnd);
        return nextDigit(s, unitEnd, clauseEnd) < clauseEnd;
    }

    /** "lượt tập thể, cá nhân được ... khen thưởng": honoured collectives and persons are no result. */
    private static boolean honourees(String s, int unitEnd) {
        return HONOUREES.matchAt(s, skipSpaces(s, unitEnd)) >= 0;
    }

    /**
     * "Số lao động được giải quyết việc làm ... là 15.360 lao động": a clause that names a count ("số", "tổng số")
     * and states it ("là", "đạt").
     */
    private boolean countStatement(String s, int clauseStart, int ns) {
        if (NUMBER_OF.matchAt(s, skipSpaces(s, clauseStart)) < 0) {
            return false;
        }
        return STATED_AS.endingAt(s, qualifiedStart(s, ns), 2) != null;
    }

    /**
     * Whether the figure at {@code figureStart} is the band a count before it in the same clause is defined by: "13
     * Bộ ... có tỷ lệ giải ngân đạt trên 70%", "18 trường có 100% số học sinh ... tốt nghiệp", "3 thị trường đạt kim
     * ngạch trên 1 tỷ USD". The members have or reach it ("có", "đạt"), and it is a rate ("tỷ lệ") or a bound
     * ("trên", "dưới", "từ", "có"). The count is the indicator; its band is not one of its own.
     */
    private static boolean bandCriterion(Sentence sentence, int countEnd, int figureStart) {
        String s = sentence.lower();
        for (int i = countEnd; i < figureStart; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = s.indexOf(')', i);
                if (close > 0 && close < figureStart) {
                    i = close; // "1 địa phương (tỉnh Đồng Nai) có tỷ lệ ...": an aside
                    continue;
                }
            }
            if (boundary(c)) {
                return false;
            }
        }
        return sentence.has(BAND_VERBS, countEnd, figureStart)
                && (sentence.has(RATE_WORDS, countEnd, figureStart) || BAND_BOUNDS.endingAt(s, figureStart, 2) != null);
    }

    /**
     * Where a figure's span may end from: after the band of a count ("Có 7 trường đạt tỷ lệ đỗ tốt nghiệp 100%"),
     * else after its unit.
     */
    private int bandEnd(Sentence sentence, String s, Unit unit) {
        if (unit.kind() != UnitClass.COUNT && unit.kind() != UnitClass.RESULT) {
            return unit.end();
        }
        String l = sentence.lower();
        int clauseEnd = clauseEnd(l, unit.end());
        int band = nextDigit(l, unit.end(), clauseEnd);
        if (band >= clauseEnd || !bandCriterion(sentence, unit.end(), band)) {
            return unit.end();
        }
        FigureMatch figure = new FigureMatch();
        Unit bandUnit = figure.readAt(s, band) ? unitAfter(l, figure.end()) : null;
        return bandUnit == null ? unit.end() : bandUnit.end();
    }

    /** Whether the first number after a count in its clause is the band of the count ({@link #bandCriterion}). */
    private static boolean bandFollows(Sentence sentence, int countEnd, int clauseEnd) {
        String s = sentence.lower();
        int band = nextDigit(s, countEnd, clauseEnd);
        return band < clauseEnd && bandCriterion(sentence, countEnd, band);
    }

    /**
     * A count of persons or goods of law enforcement ("bắt giữ 477 đối tượng", "thu giữ 1.084 bánh heroin") is an
     * operational result when an enforcement verb precedes it and the sentence reports a total over a period: it names
     * a period (or its paragraph did) or counts several cases before it ("464 vụ ..., 477 đối tượng"), and it dates
     * no single day ("Ngày 12/1/2021, ... thu giữ 31 kg ma túy" is one incident) nor names one case, here or in the
     * sentence before ("phá thành công chuyên án EM620. Bắt giữ 3 đối tượng").
     */
    private boolean operationalTotal(Sentence sentence, int ns, SentenceFacts facts) {
        return periodTotal(facts) && (sentence.has(operationCues, Math.max(0, ns - OPERATION_REACH), ns)
                || passiveOperationAfter(sentence, ns));
    }

    /**
     * The enforcement verb after the figures, in the passive: "4.067 vụ án, gần 3.100 đối tượng … bị triệt phá",
     * "25 vụ lừa đảo … với 43 đối tượng … cũng đã được bóc gỡ".
     */
    private boolean passiveOperationAfter(Sentence sentence, int ns) {
        String s = sentence.lower();
        Matcher passive = PASSIVE_MARK.matcher(s).region(ns, s.length());
        while (passive.find()) {
            if (sentence.has(operationCues, passive.end(), Math.min(s.length(), passive.end() + 16))) {
                return true;
            }
        }
        return false;
    }

    /** Where a figure's qualifier ("hơn", "gần", "khoảng") starts, or the figure itself when it has none. */
    private int qualifiedStart(String l, int ns) {
        int[] q = qualifiers.endingAt(l, ns, 2);
        return q == null ? ns : q[0];
    }

    private static final Pattern PASSIVE_MARK = Pattern.compile("(?<![\\p{L}])(?:bị|được)\\s+");
    /** A casualty predicate before a count of persons: "làm chết 97 người", "bị thương 1.202 người". */
    private static final PhraseSet CASUALTY_BEFORE = new PhraseSet(List.of("chết", "bị chết", "bị thương", "tử vong",
            "thiệt mạng", "làm bị thương"));
    /** Damage caused, the money counterpart of casualties: counted only as a period's toll. */
    private static final PhraseSet DAMAGE = new PhraseSet(List.of("thiệt hại", "thiệt hại tài sản", "thiệt hại về tài sản",
            "chiếm đoạt", "gây thiệt hại"));

    /**
     * A sentence that reports a period's total: a period or several cases, and no single case (one counted just before:
     * "(1 vụ ... làm 6 người bị thương)"), no single day, no case named by its code.
     */
    private static boolean periodTotal(SentenceFacts facts) {
        return (facts.severalCases() || facts.hasPeriod() && facts.cases != 1) && !facts.datesADay() && !facts.caseNames.named();
    }

    /** How far before a count its enforcement verb may stand: the verb heads a list of seizures. */
    private static final int OPERATION_REACH = 200;
    /** Units of cases: several of them make the persons and goods counted after them a period's total. */
    private static final Set<String> CASE_UNITS = Set.of("vụ", "vụ việc", "vụ án", "chuyên án");
    /** A day's date outside a time expression: "Ngày 12/1/2021", "sáng 29/1", "chiều 14-8". */
    private static final Pattern DAY_DATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:ngày|sáng|chiều|tối|đêm|trưa|hôm)\\s+\\d{1,2}[/.-]\\d{1,2}(?!\\p{N})");

    /** What a sentence says about its figures as a whole, read once and only when a rule asks. */
    private static final class SentenceFacts {
        private final String lower;
        private final List<int[]> times;
        private final String carriedPeriod;
        /** The number of cases counted last in the sentence ("464 vụ"), or -1. */
        double cases = -1;
        /** The evidence class of the figure isIndicator accepted last. */
        double evidence;
        boolean severalCases() {
            return cases >= 2;
        }

        /** Whether the sentence, or the one before it in the paragraph, names one case by its code. */
        final CaseNames caseNames;
        /** Where the number before the current one starts and ends (-1 and 0 for the sentence's first). */
        int lastNumberStart = -1;
        int lastNumberEnd;
        private Boolean datesADay;
        /** Units of the figures accepted so far in this sentence and, after a breakdown opener, in the one before. */
        private List<String> acceptedUnits;

        SentenceFacts(String lower, List<int[]> times, String carriedPeriod, List<String> brokenDown, CaseNames caseNames) {
            this.caseNames = caseNames;
            this.lower = lower;
            this.times = times;
            this.carriedPeriod = carriedPeriod;
            acceptedUnits = brokenDown.isEmpty() ? null : new ArrayList<>(brokenDown);
        }

        void accepted(Unit unit) {
            if (acceptedUnits == null) {
                acceptedUnits = new ArrayList<>(4);
            }
            acceptedUnits.add(unit.normalized());
        }

        /**
         * A figure in the unit of one already taken in the sentence, or in the sentence it breaks down, continues that
         * list: "Cụ thể, Văn phòng Trung ương Đảng 52 tỷ đồng, ..." after the total cut from the budget.
         */
        boolean continues(Unit unit) {
            return acceptedUnits != null && acceptedUnits.contains(unit.normalized());
        }

        /** A period of its own (not a comparison) or one carried from earlier in the paragraph. */
        boolean hasPeriod() {
            if (carriedPeriod != null) {
                return true;
            }
            for (int[] t : times) {
                if (!isComparison(lower, t)) {
                    return true;
                }
            }
            return false;
        }

        boolean datesADay() {
            if (datesADay == null) {
                datesADay = false;
                Matcher d = DAY_DATE.matcher(lower);
                while (d.find()) {
                    if (!insideTime(d.start())) {
                        datesADay = true;
                        break;
                    }
                }
            }
            return datesADay;
        }

        private boolean insideTime(int at) {
            for (int[] t : times) {
                if (at >= t[0] && at < t[1]) {
                    return true;
                }
            }
            return false;
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

    /** Money per physical unit ("8.500 đồng/kg") or after a price word ("giá lúa"). */
    private static boolean isPrice(Sentence sentence, int ns, Unit unit) {
        return lookingAt(PER_UNIT, sentence.lower(), unit.end()) || priceBefore(sentence, clauseStart(sentence.lower(), ns), ns);
    }

    /** The first digit in s[from, to), or to. */
    private static int nextDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CharClass.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return to;
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
        // "mỗi máy trị giá 35 tỷ đồng": the value of each one is a price
        int[] value = VALUE_WORDS.endingAt(l, to, 3);
        return value != null && wordBefore(l, value[0], "mỗi", 3);
    }

    /** Whether {@code word} is one of the n words before {@code end} (within the clause). */
    private static boolean wordBefore(String l, int end, String word, int n) {
        int i = end;
        for (int w = 0; w < n; w++) {
            i = wordStartBefore(l, i);
            if (i < 0) {
                return false;
            }
            if (wordAt(l, i, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundary(char c) {
        return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '“' || c == '”' || c == '"'
                || c == '[' || c == ']' || c == '•';
    }

    private static final String BULLETS = "-–•*+ ";

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
                if (boundary(s.charAt(we - 1)) || s.charAt(we - 1) == '.' || s.charAt(we - 1) == '–' || s.charAt(we - 1) == '+'
                        || s.charAt(we - 1) == '-' && we - 1 > 0 && s.charAt(we - 2) == ' ') {
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
        int prevStart = 0; // the word before, compared in place (this runs for every word after every figure)
        int prevEnd = 0;
        while (i < s.length() && words < 8) {
            int ws = i;
            while (ws < s.length() && s.charAt(ws) == ' ') {
                ws++;
            }
            if (ws >= s.length() || ws == i && i != unitEnd) {
                break;
            }
            char c = s.charAt(ws);
            if (boundary(c) || c == '.' || c == '–' || c == '-' || c == '/' || c == '…' || c == '+') {
                break;
            }
            int we = ws;
            while (we < s.length() && !CharClass.isWhitespace(s.charAt(we)) && !boundary(s.charAt(we))) {
                we++;
            }
            if (wordIs(s, ws, we, "và") || wordIs(s, ws, we, "nhưng") || wordIs(s, ws, we, "còn") || wordIs(s, ws, we, "song")
                    || wordIs(s, ws, we, "với") && !wordIs(s, prevStart, prevEnd, "so") || wordIs(s, ws, we, "trong")
                    || wordIs(s, ws, we, "khi")) {
                break;
            }
            if (hasDigitChar(s, ws, we) && !(wordIs(s, prevStart, prevEnd, "năm") && YEAR.matcher(s).region(ws, we).matches())) {
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
            prevStart = ws;
            prevEnd = we;
            i = we;
            words++;
        }
        return end;
    }

    private static final PhraseSet LEADING_NOISE = new PhraseSet(List.of("trong đó", "theo đó", "đồng thời", "riêng", "còn",
            "cụ thể", "tiếp đến là", "tiếp đến", "là", "với", "có", "mà nay", "mà"));
    private static final PhraseSet TRAILING_VERBS = new PhraseSet(List.of("đạt", "đạt được", "tăng", "giảm", "là", "có", "được",
            "lên", "lên tới", "lên đến", "tới", "chiếm", "chiếm tới", "nằm trong", "với", "ở mức", "mới chỉ", "chỉ", "thêm",
            "tăng thêm", "gấp", "tăng gấp", "cao gấp", "dẫn đầu với", "xếp", "đứng", "thứ", "khoảng", "trên", "hơn", "gần", "đã", "sẽ", "vượt",
            "bằng", "mức", "còn", "giảm còn", "tương đương", "ước", "ước đạt"));

    /**
     * A short description: the words before the figure without verbs and connectors; for counts the counted noun
     * is added ("thu hút" + "dự án đầu tư mới"); a bare change ("tăng 12%") refers to the figure named before it.
     */
    private static String metric(String s, int spanStart, int figureStart, int unitEnd, int spanEnd, Unit unit,
            String previousMetric, String period) {
        String raw = s.substring(spanStart, figureStart).strip();
        if (period != null && raw.length() > period.length() && raw.regionMatches(true, 0, period, 0, period.length())
                && !CharClass.isLetterOrDigit(raw.charAt(period.length()))) {
            raw = raw.substring(period.length()).strip(); // "6 tháng đầu năm có 500 doanh nghiệp": the period is no part
        }
        String head = trimWords(raw);
        String tail = s.substring(unitEnd, spanEnd).strip();
        boolean counted = unit.kind() == UnitClass.COUNT || unit.kind() == UnitClass.RESULT || unit.kind() == UnitClass.MEASURE
                || unit.kind() == UnitClass.EXTENT || unit.kind() == UnitClass.OPERATION || unit.kind() == UnitClass.CASUALTY;
        if (counted) {
            String noun = (unit.normalized() + " " + tail).strip();
            if (head.isEmpty() && stoppedByFigure(s, spanStart)) {
                // "tỷ lệ 1/500 gần 5.179 ha": the words before a figure the span stopped at name it (not the words of a
                // coordinated subject, "... và 21 địa phương", nor those of the clause before, "...; có 18 Bộ")
                head = earlierSubject(s, spanStart);
            } else if (head.isEmpty() && previousMetric != null && previousMetric.indexOf(" (") > 0) {
                // a list item after a counted figure shares its verb: "thu giữ 117kg heroin, 1.084 bánh heroin"
                head = previousMetric.substring(0, previousMetric.indexOf(" ("));
            }
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
        String earlier = earlierSubject(s, spanStart);
        if (!earlier.isEmpty()) {
            return earlier;
        }
        return tail.isEmpty() ? unit.normalized() : tail;
    }

    /** Whether the word before a span holds a digit ("1/500"): the span stopped at another figure. */
    private static boolean stoppedByFigure(String s, int spanStart) {
        String w = previousWord(s, spanStart);
        return !w.isEmpty() && hasDigitChar(w, 0, w.length()) && CharClass.isLetterOrDigit(w.charAt(w.length() - 1));
    }

    /** The last words before a span, up to a clause boundary, without parentheses: the figure's subject. */
    private static String earlierSubject(String s, int spanStart) {
        return trimWords(lastWords(PARENTHESIZED.matcher(s.substring(0, spanStart)).replaceAll(" "), 8));
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
        char first = start < end ? l.charAt(start) : 0;
        Matcher year = first == 'n' || CharClass.isDigit(first) ? LEADING_YEAR.matcher(l).region(start, end) : null;
        if (year != null && year.lookingAt() && year.end() < end) {
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
    private static boolean isComparison(String l, int[] time) {
        if (l.startsWith("cùng kỳ", skipSpaces(l, time[0]))) {
            return true;
        }
        for (int i = Math.max(0, time[0] - 16); i < time[0]; i++) { // "so với (thời điểm) cuối năm 2024"
            if (l.startsWith("so với", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nearest time expression before the figure in its sentence, else one inside the figure's span after it
     * ("trong tốp 10 cả nước về thu hút FDI năm 2024"), else the paragraph's, else one after it.
     */
    private static String periodFor(String s, String l, List<int[]> times, int at, int spanEnd, String carried) {
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
        // the nearest one before that is no comparison ("giảm 20% so với cùng kỳ, ... làm rõ 83 vụ": not "cùng kỳ")
        for (int t = before; t >= 0; t--) {
            if (!isComparison(l, times.get(t))) {
                return s.substring(times.get(t)[0], times.get(t)[1]).strip();
            }
        }
        if (!times.isEmpty() && times.get(0)[1] <= spanEnd && !isComparison(l, times.get(0))) {
            return s.substring(times.get(0)[0], times.get(0)[1]).strip(); // the first after the figure: none is before
        }
        if (carried != null) {
            return carried;
        }
        return times.isEmpty() ? null : s.substring(times.get(0)[0], times.get(0)[1]).strip();
    }
}
