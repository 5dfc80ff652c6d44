package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.extraction.reference.AdminUnits;
import io.newspipe.extraction.text.ParsedArticle;
import io.newspipe.extraction.text.ScrapedText;
import io.newspipe.extraction.text.ScrapedTextParser;
import io.newspipe.extraction.text.Segment;

/**
 * Rule-based Vietnamese named-entity finder (persons, organizations, locations), following the VLSP-like annotation
 * guidelines: longest span, titles stripped from persons, administrative prefixes stripped from locations, generic
 * institution words excluded, nothing from bylines, credits, outlet tags or URLs.
 *
 * <p>One left-to-right pass over tokens. At each position, in order: a title or honorific (which may carry an
 * organization and is followed by a name), an institution head with its complement, a location, a bare full name
 * starting with a known surname, and finally code-like unit names (PC04) and CamelCase company names (HDBank).
 * Thread-safe: no mutable state outside a call.
 */
public final class EntityExtractor {

    private static final Set<String> TRAILING_FUNCTION_WORDS = Set.of("về", "và", "số", "cấp", "-", "–", ",", "của");
    private static final Set<String> COMMA_CONTINUATIONS = Set.of("chống", "tiêu", "lãng", "buôn", "gian");
    private static final Set<String> NAMED_AFTER_PERSON_HEADS = Set.of("trường");
    /** Words whose second syllable is also a lower-case institution head ("trường" = school). */
    private static final Set<String> COMPOUNDS_ENDING_IN_A_HEAD = Set.of("hội trường", "quảng trường", "thị trường",
            "môi trường", "chiến trường", "hiện trường", "thương trường", "công trường", "phi trường");
    private static final int MAX_NAME = 4;
    /** Words ending in a place prefix that are no prefix there ("yêu cầu" = to request, "toàn cầu" = global). */
    private static final Set<String> PREFIX_COMPOUNDS = Set.of("yêu cầu", "nhu cầu", "toàn cầu", "địa cầu",
            "khẩn cầu", "lên đường", "xuống đường", "ra đường", "bên đường", "ven đường", "đầu cầu", "thành phố");
    private static final Set<String> HIGH_LEVEL_PREFIXES = Set.of("tỉnh", "thành phố", "TP", "TP.", "Tp", "Tp.",
            "nước");
    private static final Set<String> NAMED_AFTER_PERSON_CONTEXT = Set.of("đường", "phố", "trường", "giải", "quỹ", "cầu",
            "hầm", "tàu", "chợ", "lớp", "cúp", "tượng", "đền", "lăng", "chùa", "nhà", "công viên", "khu", "tuyến", "mang",
            "bổng");
    /** "mang tên", "đặt tên", "lấy tên" + a person's name: a thing named after them ("em trai tên X" is the person). */
    private static final Set<String> NAMING_VERBS = Set.of("mang", "đặt", "lấy");
    /** Heads that with only a bare "tỉnh"/"thành phố" after them are descriptions ("trung tâm thành phố"). */
    private static final Set<String> NEEDS_PROPER_COMPLEMENT = Set.of("trung tâm", "trường", "công ty", "ngân hàng",
            "bệnh viện", "hội", "quỹ", "viện", "phòng", "đội", "khối", "ban", "vụ", "hội đồng", "ủy ban", "hải quan",
            "biên phòng", "bộ đội biên phòng", "phái bộ");
    private static final Set<String> ORG_ADMIN_TAIL = Set.of("tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường");
    private static final java.util.regex.Pattern ROAD = java.util.regex.Pattern.compile("QL\\d+[A-Z]?");
    private static final Set<String> QUANTIFIERS = Set.of("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
            "mười", "các", "những", "mỗi", "nhiều", "mọi", "từng");
    private static final Set<String> QUANTITY_WORDS = Set.of("%", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "đồng", "usd",
            "ha", "km", "m", "người", "tấn", "năm", "tháng", "ngày", "lần", "điểm", "bậc", ",", ".");
    /** Heads of companies, which are also called by their distinctive name alone or in brackets ("(Bidiphar)"). */
    private static final Set<String> COMPANY_HEADS = Set.of("công ty", "tổng công ty", "tập đoàn", "ngân hàng",
            "hợp tác xã", "htx");
    /** Words after which a country name that is also a word ("Mỹ", "Nhật") is the country. */
    private static final Set<String> COUNTRY_CUES = Set.of("nước", "người", "sang", "từ", "tới", "đến", "tại", "ở",
            "với", "thăm", "giữa");
    /** Nouns that a number before them counts ("Công an huyện Phong Điền 15 vụ"): the number is no part of a name. */
    private static final Set<String> COUNTED_NOUNS = Set.of("vụ", "đối", "trường", "người", "cơ", "doanh", "hộ", "lượt",
            "kg", "tấn", "bánh", "viên", "chiếc", "con", "dự", "công", "học", "em", "cá", "tập", "đơn", "xã", "huyện");
    /** Function words (a closed class): none stands inside a lower-case stretch of a name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("của", "và", "đã", "đang", "sẽ", "là", "có", "được",
            "cho", "tại", "ở", "với", "trong", "về", "để", "các", "những", "này", "đó", "vừa", "cũng", "thì", "mà",
            "như", "theo", "từ", "đến", "trên", "dưới", "ra", "vào", "lên", "không", "chưa", "rất", "nhiều", "ít",
            "đều", "gồm", "cùng", "bị", "do", "vì", "nên", "khi", "sau", "trước", "giữa", "ngày", "năm", "tháng",
            "nay", "lại", "còn", "hay", "hoặc", "nhưng", "tuy", "nếu", "thuộc", "qua", "bằng", "lớn", "nhất", "mới");
    /** Function words and common verbs that never continue a name. */
    private static final Set<String> STOP_WORDS = Set.of("của", "và", "đã", "đang", "sẽ", "là", "có", "được", "cho",
            "tại", "ở", "với", "trong", "về", "để", "các", "những", "này", "đó", "vừa", "cũng", "thì", "mà", "như", "theo",
            "từ", "đến", "trên", "dưới", "ra", "vào", "lên", "không", "chưa", "rất", "nhiều", "ít", "đều", "gồm",
            "cùng", "bị", "do", "vì", "nên", "khi", "sau", "trước", "giữa", "ngày", "năm", "tháng", "tổ", "phát",
            "nhận", "trao", "tặng", "chủ", "tổ chức", "thực", "ký", "họp", "làm", "nói", "cho biết", "yêu", "đề",
            "giành", "đạt", "tăng", "giảm", "thu", "chi", "nộp", "kiểm", "xử", "phối", "lãnh", "chỉ", "báo", "ban",
            "hành", "công", "tiếp", "thăm", "dự", "tham", "chúc", "khen", "nhấn", "nêu", "đánh", "biểu", "quyết",
            "ghi", "gửi", "điều", "triển", "tập", "hoàn", "thành", "hướng", "khẳng", "đặc", "vinh", "đón", "góp");

    private final Lexicon lex;
    /** Per thread, so the extractor stays shareable without locks. */
    private final ThreadLocal<WordCache> wordCaches = ThreadLocal.withInitial(WordCache::new);

    /**
     * Every abbreviation (and "TP.") has two capitals in a row, so a surface without such a pair has nothing to
     * expand and {@link #canonicalOrg} need not tokenize it again. False if a lexicon edit ever breaks that rule.
     */
    private final boolean abbreviationsHaveCapitalPair;

    public EntityExtractor(Lexicon lexicon) {
        this.lex = lexicon;
        this.abbreviationsHaveCapitalPair = lexicon.abbreviations.keySet().stream()
                .allMatch(EntityExtractor::hasCapitalPair);
    }

    static boolean hasCapitalPair(String s) {
        for (int k = 1; k < s.length(); k++) {
            if (CharClass.isUpperCase(s.charAt(k)) && CharClass.isUpperCase(s.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /** @param text normalized text; offsets of the result refer to it */
    public List<EntityMention> extract(String text) {
        return extract(text, ScrapedTextParser.parse(text));
    }

    /** As {@link #extract(String)}, with the structure already parsed from the same text. */
    public List<EntityMention> extract(String text, ScrapedText structure) {
        return extract(text, structure, null);
    }

    /**
     * As {@link #extract(String, ScrapedText)}, with {@code Lexicon.lower(text)} (the kpi {@code Lexicon}) already
     * computed for the article: tokens take their lower-case form from it.
     */
    public List<EntityMention> extract(String text, ScrapedText structure, String lower) {
        return extract(text, text.toCharArray(), structure, lower);
    }

    /** As {@link #extract(String, ScrapedText, String)}, with the text's chars as well (see {@link ParsedArticle#chars()}). */
    public List<EntityMention> extract(ParsedArticle article) {
        return extract(article.text(), article.chars(), article.structure(), article.lower());
    }

    private List<EntityMention> extract(String text, char[] chars, ScrapedText structure, String lower) {
        WordCache cache = wordCaches.get();
        Token[] toks = Tokenizer.tokenizeToArray(text, chars, lex.surfaces, lower, cache);
        List<Segment> excluded = structure.excludedSpans();
        int e = 0;
        // the current excluded span, held in locals (a list lookup per token was 1.3% of extraction time)
        Segment span = excluded.isEmpty() ? null : excluded.get(0);
        int spanEnd = span == null ? Integer.MAX_VALUE : span.end();
        int prevEnd = 0;
        for (Token t : toks) {
            for (int c = prevEnd; c < t.start; c++) {
                if (chars[c] == '\n') {
                    t.lineStart = true;
                    break;
                }
            }
            prevEnd = t.end;
            if (t.known == null) {
                lex.lookUp(t);
                cache.learn(t); // neither a lexicon surface nor met before on this thread
            }
            if (span == null) {
                continue;
            }
            while (spanEnd <= t.start) {
                e++;
                span = e < excluded.size() ? excluded.get(e) : null;
                if (span == null) {
                    break;
                }
                spanEnd = span.end();
            }
            if (span != null && span.overlaps(t.start, t.end)) {
                t.masked = true;
            }
        }
        Run run = new Run(text, toks);
        run.scan();
        run.shortNames();
        return run.finish();
    }

    /** State of one extraction call. */
    private final class Run {
        final String text;
        final Token[] toks;
        final int n;
        final List<EntityMention> out = new ArrayList<>();
        /** First token of the line after the scan position: every rule reads only up to it. */
        int lineLimit;

        Run(String text, Token[] toks) {
            this.text = text;
            this.toks = toks;
            this.n = toks.length;
        }

        Token tok(int i) {
            return i >= 0 && i < n ? toks[i] : null;
        }

        boolean live(int i) {
            return i >= 0 && i < lineLimit && !toks[i].masked;
        }

        void scan() {
            int i = 0;
            while (i < n) {
                if (i >= lineLimit) {
                    int k = i + 1;
                    while (k < n && !toks[k].lineStart) {
                        k++;
                    }
                    lineLimit = k;
                }
                Token here = toks[i];
                if (here.masked || !here.word || (!here.cap && !lex.isStartWord(here))) {
                    i++; // most lower-case words cannot start an entity: skip them cheaply
                    continue;
                }
                if (!here.cap && !capitalOrNumberAhead(i)) {
                    i++; // a lower-case phrase ("yêu cầu", "nước", "đường") with no name after it opens nothing
                    continue;
                }
                if (!lex.isStartWord(here) && !lex.isSurname(here) && !here.allCaps
                        && here.nameLike && !(i > 0 && (toks[i - 1].is(",") || toks[i - 1].is("và")))
                        && !runBeforeAddressMark(i)) {
                    i++; // a capitalized word no rule can start with ("Sáng", "Trong")
                    continue;
                }
                PhraseDict.Match fixed = lex.fixedPersons.match(toks, i);
                if (fixed != null) {
                    addPerson(i, i + fixed.length(), null, Confidence.KNOWN);
                    i += fixed.length();
                    continue;
                }
                int next = miscName(i);
                if (next < 0) {
                    next = titledPerson(i);
                }
                if (next < 0) {
                    next = organization(i, true);
                }
                if (next < 0) {
                    next = location(i, true);
                }
                if (next < 0) {
                    next = barePerson(i);
                }
                if (next < 0) {
                    next = listedPlace(i);
                }
                if (next < 0) {
                    next = codeOrBrand(i);
                }
                i = next > i ? next : i + 1;
            }
        }

        // ---------------------------------------------------------------- persons

        /** "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý", "ông Lê Nguyên Hòa", "Trung tá Nguyễn Văn A". */
        int titledPerson(int i) {
            PhraseDict.Match title = lex.titles.match(toks, i);
            if (title == null) {
                return -1;
            }
            PhraseDict.Match head = lex.orgHeads.match(toks, i, true);
            if (head != null && head.length() > title.length()) {
                return -1;
            }
            PhraseDict.Match place = lex.locations.match(toks, i);
            if (place != null && place.length() > title.length()) {
                return -1; // "Bà Rịa - Vũng Tàu" is a province, not "bà" + name
            }
            boolean honorific = title.flags().contains("H");
            int j = i + title.length();
            if (honorific && live(j + 1) && tok(j).is(":")) {
                j++; // "các đồng chí: Lê Hồng Vinh, ..."
            }
            // a title may be followed by an organization ("Chủ tịch UBND tỉnh") or a lower-case complement ("nước")
            int orgEnd = live(j) ? organization(j, true) : -1;
            if (orgEnd < 0 && title.length() > 1 && lex.orgHeads.match(toks, j - 1) != null) {
                orgEnd = organization(j - 1, true); // "Trưởng Ban Tuyên giáo ...": the title's last word heads the body
            }
            if (orgEnd > j) {
                j = orgEnd;
            } else if (!honorific && live(j) && tok(j).lower.equals("nước")) {
                j++;
            }
            int roleEnd = j;
            int nameLen = nameRun(j, false);
            if (nameLen >= 2) {
                String role = honorific && orgEnd < 0 ? null : text.substring(tok(i).start, tok(roleEnd - 1).end);
                if (role != null && honorific) {
                    role = text.substring(tok(i + title.length()).start, tok(roleEnd - 1).end);
                }
                int end = j + nameLen;
                String trailingRole = roleAfterName(end);
                if (trailingRole != null && (role == null || honorific)) {
                    role = trailingRole;
                }
                addPerson(j, end, role, Confidence.ANCHORED); // a title or honorific stands before it
                return end;
            }
            return orgEnd > 0 ? orgEnd : i + title.length();
        }

        /** A full name starting with a known surname, with no title before it. */
        int barePerson(int i) {
            Token t = tok(i);
            if (!t.nameLike || !lex.isSurname(t)) {
                return -1;
            }
            Token prev = tok(i - 1);
            Token prev2 = tok(i - 2);
            if (prev != null && (NAMED_AFTER_PERSON_CONTEXT.contains(prev.lower)
                    && (prev2 == null || !PREFIX_COMPOUNDS.contains(prev2.lower + " " + prev.lower))
                    || prev.lower.equals("tên") && prev2 != null && NAMING_VERBS.contains(prev2.lower))) {
                return -1; // "đường Nguyễn Văn Cừ", "giải Trần Văn Ơn": a person's name used for something else
            }
            int len = nameRun(i, true);
            if (len < 3) {
                return -1; // two capitalized syllables without a title are too often a place or a thing
            }
            int end = i + len;
            String role = roleAfterName(end);
            addPerson(i, end, role, role != null ? Confidence.ANCHORED : Confidence.NAME_SHAPE);
            return end;
        }

        /**
         * Length of a person-name run at i: 2..4 capitalized letter-only syllables, not starting a location,
         * institution or title. 0 when there is none.
         */
        int nameRun(int i, boolean bare) {
            Token first = tok(i);
            if (first == null || !first.nameLike
                    || (!lex.isSurname(first) && (lex.titles.match(toks, i) != null || lex.orgHeads.match(toks, i) != null))) {
                return 0; // "Phó Trưởng Công an ...": a title or institution, not a name
            }
            int k = i;
            while (k < n && k - i < MAX_NAME + 2 && live(k) && tok(k).nameLike) {
                PhraseDict.Match inner = k > i ? lex.titles.match(toks, k) : null;
                if (inner != null && !inner.flags().contains("H") && !lex.isSurname(tok(k))) {
                    break;
                }
                k++;
                if (k > i + 1 && tok(k - 1).text.length() == 1 && !lex.isSurname(first) && live(k + 1)
                        && tok(k).is(".") && tok(k + 1).nameLike && tok(k + 1).text.length() > 1
                        && lex.titles.match(toks, k + 1) == null) {
                    // a foreign name's middle initial: "Mariam J. Sherman"; never after a Vietnamese surname, where
                    // "... Nguyễn Văn A. Sau đó ..." ends a sentence
                    k++;
                }
            }
            int len = k - i;
            if (len > MAX_NAME) {
                if (bare) {
                    return 0;
                }
                len = Math.min(len, MAX_NAME + 1); // after a title, long ethnic names: "Y Thanh Hà Niê Kđăm"
            }
            if (len < 2) {
                return len;
            }
            PhraseDict.Match loc = lex.locations.match(toks, i);
            if (loc != null) {
                return 0;
            }
            if (lex.locationExceptions.match(toks, i) != null || lex.orgHeads.match(toks, i) != null) {
                return 0;
            }
            // the run may end where a location starts ("... Thái Thanh Quý" is fine, "Nguyễn Văn A Hà Nội" is not)
            for (int m = i + 1; m < i + len; m++) {
                PhraseDict.Match inner = lex.locations.match(toks, m);
                if (inner != null && inner.length() >= 2) {
                    return m - i; // single-syllable places (Vinh, Huế) are common given names
                }
            }
            return len;
        }

        /** "Hoàng Nghĩa Hiếu - Phó Bí thư Tỉnh ủy Nghệ An": the role after a dash or comma, when it is a title. */
        String roleAfterName(int end) {
            if (!live(end) || !live(end + 1)) {
                return null;
            }
            Token sep = tok(end);
            if (!(sep.isDash() || sep.is(",") || sep.is("("))) {
                return null;
            }
            int j = end + 1;
            PhraseDict.Match title = lex.titles.match(toks, j);
            if (title == null || title.flags().contains("H")) {
                return null;
            }
            int k = j + title.length();
            int orgEnd = live(k) ? organization(k, false) : -1;
            if (orgEnd > k) {
                k = orgEnd;
            } else if (live(k) && tok(k).lower.equals("nước")) {
                k++;
            }
            return text.substring(tok(j).start, tok(k - 1).end);
        }

        void addPerson(int from, int to, String role, double confidence) {
            String surface = text.substring(tok(from).start, tok(to - 1).end);
            out.add(new EntityMention(EntityKind.PERSON, surface, surface, tok(from).start,
                    tok(to - 1).end, role, confidence));
        }

        // ---------------------------------------------------------------- organizations

        /**
         * An institution head and its complement. Returns the end token index, or -1. With {@code record} the
         * mention is added.
         */
        int organization(int i, boolean record) {
            return nameWithHead(i, record, lex.orgHeads);
        }

        /**
         * Events, documents, programmes and awards ("Chiến lược phát triển KHCN vũ trụ Việt Nam", "Giải vô địch ...")
         * are not annotated, and neither is anything nested in them: the span is skipped.
         */
        int miscName(int i) {
            Token t = tok(i);
            PhraseDict.Match head = lex.miscHeads.match(toks, i, true);
            if (head == null) {
                return -1;
            }
            // a lower-case head ("kỷ niệm chương", "cuộc vận động") names something only with a quoted title after it
            int end = t.cap ? nameWithHead(i, false, lex.miscHeads) : -1;
            int q = end > i ? end : i + head.length();
            if (live(q) && (tok(q).is("“") || tok(q).is("\""))) {
                // Kỷ niệm chương “Vì sự nghiệp xây dựng Quân đội nhân dân Việt Nam”: the quoted title is the name
                for (int k = q + 1; k < q + 40 && live(k); k++) {
                    if (tok(k).is("”") || tok(k).is("\"")) {
                        return k + 1;
                    }
                }
            }
            return end > i ? end : -1;
        }

        int nameWithHead(int i, boolean record, PhraseDict heads) {
            boolean misc = heads != lex.orgHeads;
            boolean facility = heads == lex.facilityHeads;
            PhraseDict.Match head = heads.match(toks, i, true);
            if (head == null) {
                return -1;
            }
            Token first = tok(i);
            boolean lowerOk = head.flags().contains("L");
            if (!first.cap && !lowerOk) {
                return -1;
            }
            Token prevWord = tok(i - 1);
            if (!first.cap && prevWord != null && prevWord.word
                    && COMPOUNDS_ENDING_IN_A_HEAD.contains(prevWord.lower + " " + first.lower)) {
                return -1; // "tại Hội trường UBND huyện": a hall, not "trường UBND huyện"
            }
            PhraseDict.Match title = lex.titles.match(toks, i);
            if (title != null && title.length() >= head.length()) {
                return -1;
            }
            int j = i + head.length();
            boolean properName = false;
            boolean proper = false;
            int lastHeadEnd = j;
            boolean afterLocation = false;
            boolean namedAfter = NAMED_AFTER_PERSON_HEADS.contains(first.lower);
            boolean companyInside = false; // "Công đoàn Công ty CP Dược ... (Bidiphar)"
            while (facility && j < n && live(j)) {
                // named facilities take only proper names: "Khu công nghiệp VSIP Nghệ An", "Cảng Quy Nhơn"
                Token t = tok(j);
                if (j == i + head.length() && startsWithDigit(t) && t.text.length() <= 4) {
                    j++; // "ĐT 629", "Cao điểm 685", "QL 14B"
                    proper = true;
                    break;
                }
                PhraseDict.Match loc = lex.locations.match(toks, j);
                if (loc != null) {
                    j += loc.length();
                    proper = true;
                    break;
                }
                PhraseDict.Match innerHead = lex.orgHeads.match(toks, j);
                // a full name right after the head names the facility ("Khu công nghiệp Hoàng Mai", "Khu công
                // nghiệp Nguyễn Đức Cảnh"); after a name has begun, a full name is a person who follows it
                if (t.cap && t.word && (innerHead == null || innerHead.length() == 1 && !innerHead.flags().contains("S"))
                        && lex.titles.match(toks, j) == null && (j == i + head.length() || !isPersonStart(j))) {
                    j++;
                    proper = true;
                    continue;
                }
                break;
            }
            while (!facility && j < n && live(j)) {
                Token t = tok(j);
                if (j > i + head.length() && branchEnd(j) > j) {
                    j = branchEnd(j); // "Ngân hàng BIDV chi nhánh Nghệ An"
                    proper = true;
                    break;
                }
                PhraseDict.Match exc = lex.locationExceptions.match(toks, j);
                if (exc != null) {
                    j += exc.length();
                    proper = true;
                    properName = true;
                    break;
                }
                PhraseDict.Match admin = lex.adminPrefixes.match(toks, j);
                PhraseDict.Match subHead = lex.orgHeads.match(toks, j);
                if (admin != null && subHead != null && subHead.length() > admin.length()) {
                    admin = null; // "Tỉnh ủy" is a head, not "tỉnh" + name
                }
                int afterAdmin = admin == null ? -1 : j + admin.length();
                if (admin != null && !t.cap && live(afterAdmin) && lex.locations.match(toks, afterAdmin) == null
                        && isPersonStart(afterAdmin)
                        && (t.lower.equals("tỉnh") && admin.length() == 1 || nameRun(afterAdmin, true) >= 3)) {
                    // "Phó Chủ tịch UBND tỉnh Hoàng Nam": provinces are a closed list and no province is called
                    // that, so the name is the person after the body, even with only two syllables; after
                    // "thành phố", "thị xã" a full name of three syllables is the person too
                    j = afterAdmin;
                    break;
                }
                if (admin != null) {
                    int nameEnd = placeName(j + admin.length());
                    if (nameEnd > j + admin.length()) {
                        j = nameEnd;
                        proper = true;
                        properName = true;
                        afterLocation = true;
                        break;
                    }
                    if (!t.cap && admin.length() == 1 && ORG_ADMIN_TAIL.contains(t.lower)) {
                        j += 1; // "UBND tỉnh", "Ban Chỉ đạo tỉnh về ..."
                        continue;
                    }
                    // "cửa khẩu sân bay quốc tế Nội Bài": a descriptor inside the name, handled below
                }
                PhraseDict.Match loc = placeAt(j);
                if (loc != null) {
                    j += loc.length();
                    proper = true;
                    properName = true;
                    afterLocation = true;
                    // "khu vực Nam Trung bộ và Tây Nguyên"
                    if (live(j + 1) && tok(j).is("và") && lex.locations.match(toks, j + 1) != null) {
                        j += 1 + lex.locations.match(toks, j + 1).length();
                    } else if (live(j + 1) && tok(j).isDash() && lex.locations.match(toks, j + 1) != null) {
                        j += 1 + lex.locations.match(toks, j + 1).length(); // "khu vực Vinh - Nghi Lộc"
                    }
                    if (live(j) && tok(j).nameLike && lex.locations.match(toks, j) == null && !isPersonStart(j)
                            && lex.titles.match(toks, j) == null && lex.orgHeads.match(toks, j) == null) {
                        afterLocation = false; // "Tập đoàn Thái Bình Seed": the place opened a longer name
                        continue;
                    }
                    if (live(j) && tok(j).number && tok(j).text.length() <= 2
                            && (!live(j + 1) || !QUANTITY_WORDS.contains(tok(j + 1).lower)
                            && !COUNTED_NOUNS.contains(tok(j + 1).lower))) {
                        j++; // "Đội Bình Định 2", "Công ty TNHH Điện Nghi Sơn 2 bắt đầu ..."
                    }
                    if (live(j) && ORG_ADMIN_TAIL.contains(tok(j).lower) && !(live(j + 1) && tok(j + 1).cap)) {
                        j++; // "Đoàn TNCS Hồ Chí Minh tỉnh"
                    }
                    j = Math.max(j, branchEnd(j));
                    break;
                }
                PhraseDict.Match sub = lex.orgHeads.match(toks, j);
                if (sub != null && t.cap && (lex.titles.match(toks, j) == null || lex.titles.match(toks, j).length() < sub.length())) {
                    companyInside |= COMPANY_HEADS.contains(sub.entry().toLowerCase(Locale.ROOT));
                    j += sub.length(); // hierarchy: "Ban Tổ chức Tỉnh ủy", "Đội 5 Cục Điều tra"
                    lastHeadEnd = j;
                    continue;
                }
                PhraseDict.Match eponym = t.cap ? lex.orgWords.match(toks, j) : null;
                if (eponym != null && eponym.length() >= 2 && isPersonStart(j)) {
                    j += eponym.length(); // a name that is part of institution names: "Đoàn TNCS Hồ Chí Minh"
                    proper = true;
                    properName = true;
                    continue;
                }
                if (t.nameLike && lex.isSurname(t) && nameRun(j, true) >= 3) {
                    if (namedAfter) {
                        j += nameRun(j, true);
                        proper = true;
                        properName = true;
                    }
                    break;
                }
                if (t.cap && t.word) {
                    PhraseDict.Match innerTitle = lex.titles.match(toks, j);
                    if (innerTitle != null && !(innerTitle.flags().contains("H") && innerTitle.length() == 1)) {
                        break; // a title ends the name; a capitalized "Anh" inside "CLB Hoàng Anh Gia Lai" does not
                    }
                    PhraseDict.Match w = lex.orgWords.match(toks, j);
                    if (w != null) {
                        j += w.length();
                    } else {
                        j++;
                        PhraseDict.Match after = t.nameLike && live(j) && !tok(j).cap && !STOP_WORDS.contains(tok(j).lower)
                                ? lex.orgWords.match(toks, j) : null;
                        if (after != null) {
                            j += after.length(); // "Khu kinh tế": the lower-case part is a known phrase
                        } else
                        // a capitalized syllable usually opens a two-syllable word: "Hải quan", "Võ thuật", "Kiểm soát"
                        if (t.nameLike && live(j) && tok(j).word && !tok(j).cap && !tok(j).number
                                && !STOP_WORDS.contains(tok(j).lower) && !FUNCTION_WORDS.contains(tok(j).lower)
                                && lex.adminPrefixes.match(toks, j) == null && (!(j - 2 > i && tok(j - 2).nameLike)
                                || endsSentence(j + 1))) {
                            // (after a proper name of two syllables only where the sentence ends: "Công ty CP Đông
                            // Dương logistics.", not "HTX Nông nghiệp II Nhơn Thọ tâm đắc, ...")
                            j++;
                        }
                    }
                    proper = true;
                    properName |= t.nameLike;
                    continue;
                }
                if (j > i + head.length() && unitNumber(j)) {
                    j += 2;
                    continue;
                }
                if (j == lastHeadEnd && startsWithDigit(t) && t.text.length() <= 4 && !t.text.contains(",")) {
                    // "Đội 5", "Đồn 33 thuộc ...", "Tiểu đoàn 3/2": a unit's number right after its head, unless it
                    // counts what follows ("Đội 5 người")
                    Token nx = tok(j + 1);
                    if (!live(j + 1) || !nx.word || nx.cap || (FUNCTION_WORDS.contains(nx.lower)
                            || STOP_WORDS.contains(nx.lower)) && !QUANTITY_WORDS.contains(nx.lower)) {
                        j++;
                        continue;
                    }
                }
                if (t.number) {
                    if (t.text.length() <= 2 && live(j + 1) && tok(j + 1).nameLike && tok(j - 1).word
                            && !tok(j - 1).number && lex.titles.match(toks, j + 1) == null
                            && lex.orgHeads.match(toks, j + 1) == null && !isPersonStart(j + 1)) {
                        j++; // "HTX Nông nghiệp 1 Nhơn Lộc", "Công ty CP vận tải 1 Traco": the name goes on
                        continue;
                    }
                    if (properName && tok(j - 1).nameLike && t.text.length() <= 2 && (!live(j + 1)
                            || !tok(j + 1).word || !tok(j + 1).cap && !QUANTITY_WORDS.contains(tok(j + 1).lower)
                            && !COUNTED_NOUNS.contains(tok(j + 1).lower))) {
                        // "Trường Tiểu học Phong Điền 2 và ...": a number closing the proper name is part of it (not
                        // before a counted noun: "... Nguyễn Du 3 năm liền")
                        j++;
                    }
                    break;
                }
                if (t.isDash() && live(j + 1) && tok(j + 1).cap && j > i + head.length()
                        && lex.titles.match(toks, j + 1) == null && !isPersonStart(j + 1)
                        && lex.orgHeads.match(toks, j + 1) == null) {
                    // not before a head: "Đội Kiểm soát ma túy – Cục Hải quan Điện Biên" is a unit and its parent
                    j++;
                    continue;
                }
                if (t.is("(") && live(j + 3) && tok(j + 1).allCaps && tok(j + 2).is(")")
                        && lex.adminPrefixes.match(toks, j + 3) != null
                        && placeName(j + 3 + lex.adminPrefixes.match(toks, j + 3).length()) > j + 3) {
                    j += 3; // "Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Quảng Trị": the short form inside the name
                    continue;
                }
                if (t.is(",") && live(j + 1)) {
                    Token nx = tok(j + 1);
                    PhraseDict.Match domain = nx.cap ? lex.orgWords.match(toks, j + 1) : null;
                    int afterDomain = domain == null ? -1 : j + 1 + domain.length();
                    // "Sở Văn hóa, Thể thao và Du lịch", not "Bộ Tài chính, Trung ương để ..."
                    boolean domainCap = domain != null && lex.locations.match(toks, j + 1) == null
                            && lex.orgHeads.match(toks, j + 1) == null && live(afterDomain)
                            && (tok(afterDomain).is("và") || tok(afterDomain).is(","));
                    if (domainCap || COMMA_CONTINUATIONS.contains(nx.lower) && lex.orgWords.match(toks, j + 1) != null) {
                        j++;
                        continue;
                    }
                    break;
                }
                if (t.lower.equals("các") && j == i + head.length() && live(j + 1) && !tok(j + 1).cap
                        && lex.adminPrefixes.match(toks, j + 1) == null) {
                    PhraseDict.Match kinds = lex.orgWords.match(toks, j + 1);
                    if (kinds != null && !kinds.flags().contains("V")) {
                        // "Ban Quản lý các khu kinh tế tỉnh Quảng Ninh": the bodies it manages are part of its name
                        j += 1 + kinds.length();
                        continue;
                    }
                }
                if (t.is("và") && live(j + 1) && j > i + head.length()) {
                    Token nx = tok(j + 1);
                    if (lex.orgHeads.match(toks, j + 1) != null || isPersonStart(j + 1)
                            || lex.locations.match(toks, j + 1) != null || lex.titles.match(toks, j + 1, true) != null) {
                        break; // "UBND tỉnh và Già làng Vàng A Dế": a title opens the next mention
                    }
                    PhraseDict.Match nextAdmin = lex.adminPrefixes.match(toks, j + 1);
                    if (nextAdmin != null && placeName(j + 1 + nextAdmin.length()) > j + 1 + nextAdmin.length()) {
                        break; // "Sở Kế hoạch và Đầu tư và huyện Châu Thành": a place coordinated with the body
                    }
                    if (nx.cap || lex.orgWords.match(toks, j + 1) != null) {
                        j++;
                        continue;
                    }
                    break;
                }
                if (!t.cap && t.word) {
                    PhraseDict.Match w = lex.orgWords.match(toks, j);
                    if (w != null) {
                        if (w.flags().contains("V") && (afterLocation || ORG_ADMIN_TAIL.contains(tok(j - 1).lower))) {
                            break; // "... tỉnh tổ chức ...": after a place the verb belongs to the sentence
                        }
                        if (w.flags().contains("V")) {
                            // a verb-like word ("kiểm tra", "tổ chức") continues a name only when more name follows:
                            // "Cục Điều tra chống buôn lậu" but not "Sở Y tế tổ chức ..."
                            int after = j + w.length();
                            if (!endsListItem(after) && (!live(after) || !continuesName(after))) {
                                break;
                            }
                        }
                        j += w.length();
                        continue;
                    }
                    int end = afterLocation || j == lastHeadEnd && head.flags().contains("S")
                            || j - 2 >= i + head.length() && tok(j - 1).nameLike && tok(j - 2).nameLike ? -1
                            : lowerCaseTail(j, j == i + head.length());
                    if (end > j) {
                        j = end; // "Vụ Tổ chức cán bộ;", "Đội công binh số 1": the name runs to where it visibly ends
                        proper = true;
                        continue;
                    }
                }
                break;
            }
            // trim trailing connectors
            while (j > i + head.length() && TRAILING_FUNCTION_WORDS.contains(tok(j - 1).lower)) {
                j--;
            }
            boolean standalone = head.flags().contains("S");
            if (!proper && !standalone && NEEDS_PROPER_COMPLEMENT.contains(head.entry().toLowerCase(Locale.ROOT))
                    && allBareAdmin(i + head.length(), j)) {
                return -1;
            }
            if (j == i + head.length() && !standalone) {
                if (record && live(j + 1) && tok(j).is(":")) {
                    int k = j + 1;
                    PhraseDict.Match loc = lex.locations.match(toks, k);
                    if (loc != null) {
                        return skipEllipticalPlaces(k + loc.length());
                    }
                }
                return -1;
            }
            if (!first.cap && !properName) {
                return -1;
            }
            String surface = text.substring(first.start, tok(j - 1).end);
            if (misc) {
                return heads == lex.facilityHeads && !proper ? -1 : j;
            }
            if (j - i <= 6 && lex.generic.contains(TextNormalizer.canonicalKey(surface))) {
                return -1;
            }
            // "3 Cục Hải quan phải ...", "hai Chi cục Hải quan: Nội Bài và ...": a counted class, not one body
            Token before = tok(i - 1);
            if (record && before != null && !before.masked && (before.number || QUANTIFIERS.contains(before.lower))) {
                return afterLocation ? skipEllipticalPlaces(j) : j;
            }
            if (record) {
                out.add(new EntityMention(EntityKind.ORGANIZATION, surface, canonicalOrg(surface), first.start,
                        tok(j - 1).end, null, orgConfidence(i, j, head, properName, afterLocation)));
                if (afterLocation) {
                    j = skipEllipticalPlaces(j);
                }
                // an abbreviation in parentheses right after the name is its own mention: "(PC04)"
                boolean company = companyInside || COMPANY_HEADS.contains(head.entry().toLowerCase(Locale.ROOT));
                if (company && !head.entry().equalsIgnoreCase("HTX") && !head.entry().equalsIgnoreCase("Hợp tác xã")) {
                    rememberShortName(i + head.length(), j); // a cooperative's name is its commune's
                }
                if (live(j + 2) && tok(j).is("(") && tok(j + 2).is(")") && tok(j + 1).cap && tok(j + 1).word
                        && (tok(j + 1).allCaps || hasCapitalPair(tok(j + 1).text) || company)
                        && lex.locations.match(toks, j + 1) == null) { // "(PC04)", not a place "(Abyei)" 
                    Token a = tok(j + 1);
                    out.add(new EntityMention(EntityKind.ORGANIZATION, a.text, canonicalOrg(a.text), a.start, a.end, null,
                            Confidence.ANCHORED));
                    j += 3;
                }
            }
            return j;
        }

        /**
         * Institution names continue in lower case after their first capitalized word ("Vụ Tổ chức cán bộ", "Cục
         * Thuế xuất nhập khẩu", "Viện Sinh thái và tài nguyên sinh vật Việt Nam", "Đội công binh số 1"); a subject
         * followed by its verb has the same shape ("Sở Y tế khuyến cáo ..."). So a run of at most four lower-case
         * syllables is part of the name only where the name visibly ends after it: a list or clause mark (";", ",",
         * ":", a bracket, a dash), the end of the line, "số"/"cấp" with a number, or more capitalized name that is
         * not a person, title or another body. No function word may stand inside the run. Returns the end of the run
         * (the boundary itself excluded), or -1.
         */
        int lowerCaseTail(int j, boolean rightAfterHead) {
            if (startsWithDigit(tok(j - 1))) {
                return -1; // "Tiểu đoàn 4/1 tham gia ...": a unit's number completes its name
            }
            int k = j;
            boolean verbLike = false;
            while (k < n && k - j < 4 && live(k) && tok(k).word && !tok(k).cap && !tok(k).number
                    && !FUNCTION_WORDS.contains(tok(k).lower) && lex.adminPrefixes.match(toks, k) == null
                    && !unitNumber(k)) {
                verbLike |= STOP_WORDS.contains(tok(k).lower);
                k++;
            }
            if (k == j) {
                return -1;
            }
            if (!live(k)) {
                return k < n && toks[k].masked ? -1 : k; // the line ends with the name
            }
            Token b = tok(k);
            if (unitNumber(k) || endsListItem(k) && (rightAfterHead || !verbLike)
                    || !verbLike && b.number && b.text.length() <= 2 && live(k + 1) && tok(k + 1).nameLike) {
                return k; // "Đội công binh số 1": the unit's number ends it, even after a verb-like word
            }
            if (verbLike) {
                return -1; // "Sở Y tế tổ chức ...": a syllable that opens most verbs needs that stronger evidence
            }
            if (b.cap && lex.locations.match(toks, k) != null) {
                return k; // "Bộ đội biên phòng Lào Cai"
            }
            if (rightAfterHead) {
                return -1; // "Ngân hàng thế giới quan tâm, ...": with no capitalized word yet, only a list mark will do
            }
            if (b.is(",") || b.isDash() || b.is("của")) {
                return k;
            }
            if (b.cap && b.word && lex.titles.match(toks, k) == null && lex.orgHeads.match(toks, k) == null
                    && lex.miscHeads.match(toks, k) == null && !(isPersonStart(k) && nameRun(k, true) >= 3)) {
                return k;
            }
            return -1;
        }

        /**
         * A known place at j, unless a one-syllable place opens a compound word: "Pháp" in "Vụ Pháp chế", "Nhật" in
         * "Nhật ký": a place name is not followed by a lower-case syllable of its own word.
         */
        PhraseDict.Match placeAt(int j) {
            PhraseDict.Match loc = lex.locations.match(toks, j);
            if (loc == null || loc.length() > 1 || !live(j + 1) || tok(j).text.length() > 5) {
                return loc; // (a long one-word name is a foreign one, no syllable of a compound: "Angola hạ cánh")
            }
            Token nx = tok(j + 1);
            boolean compound = nx.word && !nx.cap && !nx.number && !STOP_WORDS.contains(nx.lower)
                    && !FUNCTION_WORDS.contains(nx.lower) && !QUANTITY_WORDS.contains(nx.lower)
                    && lex.adminPrefixes.match(toks, j + 1) == null && lex.orgWords.match(toks, j + 1) == null;
            return compound ? null : loc;
        }

        /** "Đồn" in "sân bay Vân Đồn,": a one-word head with nothing capitalized or numbered after it names nothing. */
        boolean headWithoutComplement(int k) {
            PhraseDict.Match h = lex.orgHeads.match(toks, k);
            return h.length() == 1 && (!live(k + 1) || !tok(k + 1).word || !tok(k + 1).cap && !tok(k + 1).number);
        }

        /**
         * A company is then written by its distinctive name alone ("Công ty Cổ phần Chứng khoán SSI" ... "SSI",
         * "Công ty CP Tập đoàn Thái Bình Seed" ... "Thái Bình Seed"): the capitalized run closing its name, when that
         * run is neither the whole complement, a known place nor a person's name.
         */
        void rememberShortName(int from, int to) {
            int s = to;
            while (s > from && tok(s - 1).cap && tok(s - 1).word && !tok(s - 1).number && to - s < 3) {
                s--;
            }
            if (s == to || s == from || s > from && tok(s - 1).cap && tok(s - 1).word) {
                return;
            }
            PhraseDict.Match place = lex.locations.match(toks, s);
            if (place != null && s + place.length() == to || isPersonStart(s) && nameRun(s, true) >= 3
                    || lex.adminPrefixes.match(toks, s) != null || lex.orgHeads.match(toks, s) != null) {
                return;
            }
            shortNames.add(new int[] {s, to});
        }

        final List<int[]> shortNames = new ArrayList<>();

        /** Standalone repetitions of the short names remembered while scanning, where no other mention stands. */
        void shortNames() {
            if (shortNames.isEmpty()) {
                return;
            }
            boolean[] covered = new boolean[n];
            int m = 0;
            out.sort(BY_OFFSETS);
            for (int k = 0; k < n; k++) {
                while (m < out.size() && out.get(m).end() <= toks[k].start) {
                    m++;
                }
                for (int q = m; q < out.size() && out.get(q).start() <= toks[k].start; q++) {
                    if (out.get(q).end() > toks[k].start) {
                        covered[k] = true;
                        break;
                    }
                }
            }
            java.util.Set<String> places = new java.util.HashSet<>();
            for (EntityMention e : out) {
                if (e.kind() == EntityKind.LOCATION) {
                    places.add(TextNormalizer.canonicalKey(e.text()));
                }
            }
            for (int[] sn : shortNames) {
                int len = sn[1] - sn[0];
                if (places.contains(TextNormalizer.canonicalKey(text.substring(toks[sn[0]].start, toks[sn[1] - 1].end)))) {
                    continue; // a company named after its place: the place is not the company
                }
                for (int k = 0; k + len <= n; k++) {
                    if (covered[k] || toks[k].masked || !toks[k].lower.equals(toks[sn[0]].lower)) {
                        continue;
                    }
                    boolean same = true;
                    for (int q = 1; q < len && same; q++) {
                        same = !covered[k + q] && !toks[k + q].masked && toks[k + q].lower.equals(toks[sn[0] + q].lower);
                    }
                    boolean standalone = (k == 0 || !(toks[k - 1].cap && toks[k - 1].word))
                            && (k + len == n || !(toks[k + len].cap && toks[k + len].word));
                    if (same && standalone) {
                        String surface = text.substring(toks[k].start, toks[k + len - 1].end);
                        out.add(new EntityMention(EntityKind.ORGANIZATION, surface, canonicalOrg(surface), toks[k].start,
                                toks[k + len - 1].end, null, Confidence.SHAPE));
                        for (int q = k; q < k + len; q++) {
                            covered[q] = true;
                        }
                    }
                }
            }
        }

        /** "chi nhánh Nghệ An", "Chi nhánh Đông Đô" after a bank or company: the branch is part of the name. */
        int branchEnd(int j) {
            if (!live(j + 2) || !tok(j).lower.equals("chi") || !tok(j + 1).lower.equals("nhánh") || !tok(j + 2).cap) {
                return -1;
            }
            int e = placeName(j + 2);
            return e > j + 2 ? e : -1;
        }

        /** "số 1", "cấp 2": a unit's number ("Đội công binh số 1", "Bệnh viện dã chiến cấp 2 số 4"). */
        boolean unitNumber(int k) {
            Token t = tok(k);
            if (!(t.lower.equals("số") || t.lower.equals("cấp")) || !live(k + 1)) {
                return false;
            }
            Token d = tok(k + 1);
            return d.word && d.text.length() <= 3 && CharClass.isDigit(d.text.charAt(0)) && d.text.indexOf('/') < 0
                    && (!live(k + 2) || !QUANTITY_WORDS.contains(tok(k + 2).lower));
        }

        /** A sentence or list item ends at k: ".", ";", ")" or the end of the line. */
        boolean endsSentence(int k) {
            return !live(k) ? k >= lineLimit || k >= n : tok(k).is(".") || tok(k).is(";") || tok(k).is(")");
        }

        /** A list item or an aside ends at k: ";", ":", a bracket, or the end of the line. */
        boolean endsListItem(int k) {
            if (!live(k)) {
                return k >= lineLimit || k >= n;
            }
            Token b = tok(k);
            return b.is(";") || b.is(":") || b.is("(") || b.is(")");
        }

        /**
         * The evidence of an institution name: a standalone name of the lexicon or reference data alone (KNOWN); a
         * head with a proper complement that ends cleanly (ANCHORED); a name cut before a lower-case content word,
         * where the name may well go on ("Cục Gìn giữ | hòa bình tiếp tục ...") or a complement of level words only
         * ("HTX tỉnh", "Đảng bộ Tổng cục"): only the shape of a name (SHAPE).
         */
        double orgConfidence(int i, int j, PhraseDict.Match head, boolean properName, boolean afterLocation) {
            if (head.flags().contains("S") && j == i + head.length()) {
                return Confidence.KNOWN;
            }
            Token next = tok(j);
            boolean cutInsideWords = live(j) && next.word && !next.cap && !next.number
                    && !FUNCTION_WORDS.contains(next.lower) && !STOP_WORDS.contains(next.lower);
            boolean levelWordsOnly = !properName && !afterLocation && !head.flags().contains("S");
            for (int k = i + head.length(); k < j && levelWordsOnly; k++) {
                levelWordsOnly = ORG_ADMIN_TAIL.contains(tok(k).lower) || lex.orgHeads.match(toks, k) != null
                        || !tok(k).cap;
            }
            return cutInsideWords || levelWordsOnly ? Confidence.SHAPE : Confidence.ANCHORED;
        }

        /** "Cục Hải quan Nghệ An, Thanh Hóa và ...": places coordinated with an organization's place are inside it. */
        int skipEllipticalPlaces(int j) {
            while (live(j + 1) && (tok(j).is(",") || tok(j).is("và"))) {
                PhraseDict.Match loc = lex.locations.match(toks, j + 1);
                if (loc == null) {
                    break;
                }
                j += 1 + loc.length();
            }
            return j;
        }

        /** Whether the token at k can continue an institution name (used to accept verb-like descriptors). */
        boolean continuesName(int k) {
            Token t = tok(k);
            if (t.is(",") && live(k + 1)) {
                Token nx = tok(k + 1);
                return COMMA_CONTINUATIONS.contains(nx.lower) && lex.orgWords.match(toks, k + 1) != null;
            }
            if (t.number && t.text.length() <= 2 && live(k + 1) && tok(k + 1).nameLike) {
                return true; // "Công ty CP vận tải 1 Traco"
            }
            if (!t.word || t.number) {
                return false;
            }
            if (t.cap) {
                return lex.titles.match(toks, k) == null && !isPersonStart(k) && lex.miscHeads.match(toks, k) == null
                        && lex.orgHeads.match(toks, k) == null;
            }
            PhraseDict.Match w = lex.orgWords.match(toks, k);
            if (w == null) {
                return false;
            }
            if (!w.flags().contains("V")) {
                return true;
            }
            return live(k + w.length()) && tok(k + w.length()).word && !tok(k + w.length()).number
                    && (tok(k + w.length()).cap || lex.orgWords.match(toks, k + w.length()) != null);
        }

        boolean allBareAdmin(int from, int to) {
            for (int k = from; k < to; k++) {
                if (!ORG_ADMIN_TAIL.contains(tok(k).lower) && !tok(k).lower.equals("phố")) {
                    return false;
                }
            }
            return to > from;
        }

        boolean startsWithDigit(Token t) {
            return t.word && CharClass.isDigit(t.text.charAt(0));
        }

        boolean isPersonStart(int j) {
            Token t = tok(j);
            return t != null && t.nameLike && lex.isSurname(t) && nameRun(j, true) >= 2;
        }

        /** A place name after an administrative prefix: a lexicon entry or 1..4 capitalized syllables. */
        int placeName(int j) {
            return placeName(j, false);
        }

        /**
         * @param personLikeIsPlace at sentence level, "huyện Trần Văn Thời", "phường Trần Hưng Đạo" are places named
         *                          after people; inside an institution name a full name after "tỉnh" is a person
         */
        int placeName(int j, boolean personLikeIsPlace) {
            if (!live(j)) {
                return j;
            }
            if (!personLikeIsPlace && isPersonStart(j) && nameRun(j, true) >= 3 && lex.locations.match(toks, j) == null) {
                return j; // "Chủ tịch UBND tỉnh Đặng Văn Minh": a person, not a place
            }
            PhraseDict.Match loc = lex.locations.match(toks, j);
            if (loc != null) {
                return j + loc.length();
            }
            int k = j;
            while (k < n && k - j < 4 && live(k) && tok(k).cap && tok(k).word && !tok(k).number
                    && (lex.orgHeads.match(toks, k) == null || k > j && headWithoutComplement(k)
                        || k == j && personLikeIsPlace && tok(k).nameLike && live(k + 1) && tok(k + 1).nameLike
                        && lex.orgHeads.match(toks, k).length() == 1)
                    && (k == j || !(lex.isSurname(tok(k)) && nameRun(k, true) >= 3))) {
                k++;
            }
            if (k > j && live(k) && tok(k).number && tok(k).text.length() <= 2
                    && (!live(k + 1) || ",;)".contains(tok(k + 1).text)
                        || tok(k + 1).word && !QUANTITY_WORDS.contains(tok(k + 1).lower)
                        && !COUNTED_NOUNS.contains(tok(k + 1).lower))) {
                k++; // "xã Sơn Kim 1"
            }
            return k;
        }

        /** Police and ministry unit codes (PC04, C09) and CamelCase company names (HDBank, NutiFood). */
        int codeOrBrand(int i) {
            Token t = tok(i);
            Token prev = tok(i - 1);
            boolean glued = prev != null && prev.nameLike && prev.end + 1 == t.start;
            Token after = tok(i + 1);
            if (after != null && after.is("+") && after.start == t.end) {
                return -1; // "GrowPLUS+": a product line, not a company
            }
            if (isUnitCode(t.text) || (!glued && isCamelCaseName(t.text))) {
                out.add(new EntityMention(EntityKind.ORGANIZATION, t.text, t.text, t.start, t.end, null, Confidence.SHAPE));
                return i + 1;
            }
            return -1;
        }

        // ---------------------------------------------------------------- locations

        int location(int i, boolean record) {
            if (tok(i).cap && lex.facilityHeads.match(toks, i) != null) {
                int end = nameWithHead(i, false, lex.facilityHeads);
                if (end > i) {
                    addLocation(i, end, true, Confidence.ANCHORED);
                    return end;
                }
            }
            PhraseDict.Match exc = lex.locationExceptions.match(toks, i);
            if (exc != null) {
                addLocation(i, i + exc.length(), true, Confidence.KNOWN);
                return i + exc.length();
            }
            Token t = tok(i);
            // roads keep their prefix: "quốc lộ 1A", "QL 1", "QL1A"
            if ((t.lower.equals("quốc") && live(i + 1) && tok(i + 1).lower.equals("lộ") && live(i + 2) && startsWithDigit(tok(i + 2)))
                    || (t.text.equals("QL") && live(i + 1) && startsWithDigit(tok(i + 1)))) {
                int end = t.text.equals("QL") ? i + 2 : i + 3;
                addLocation(i, end, true, Confidence.ANCHORED);
                return end;
            }
            if (t.text.startsWith("QL") && t.text.length() > 2 && CharClass.isDigit(t.text.charAt(2)) && ROAD.matcher(t.text).matches()) {
                addLocation(i, i + 1, true, Confidence.ANCHORED);
                return i + 1;
            }
            Token before = tok(i - 1);
            // "các huyện", "5 huyện", "hai xã": a counted prefix introduces a list
            boolean plural = t.lower.equals("các") && live(i + 1) || before != null && !before.masked
                    && (before.number || QUANTIFIERS.contains(before.lower));
            int p = t.lower.equals("các") ? i + 1 : i;
            PhraseDict.Match admin = lex.adminPrefixes.match(toks, p, true);
            if (admin != null && !tok(p).cap && before != null && p == i
                    && PREFIX_COMPOUNDS.contains(before.lower + " " + tok(p).lower)) {
                admin = null; // "yêu cầu", "toàn cầu", "con đường": the prefix word belongs to the word before it
            }
            if (admin != null && tok(p).cap && (p > i || before != null && before.cap && before.word
                    && !tok(p).lineStart)) {
                admin = null; // "Thành phố Hà Nội", but not inside a name ("Ủy ban Nhân dân Thành phố ...")
            }
            if (admin != null) {
                int nameStart = p + admin.length();
                if (plural) {
                    nameStart = listOpening(nameStart);
                }
                boolean lowLevel = !HIGH_LEVEL_PREFIXES.contains(admin.entry());
                int nameEnd = placeName(nameStart, lowLevel);
                if (nameEnd <= nameStart) {
                    return -1;
                }
                if (!lowLevel && isPersonStart(nameStart) && lex.locations.match(toks, nameStart) == null && nameEnd - nameStart >= 3) {
                    return -1;
                }
                addLocation(nameStart, nameEnd, false, unitConfidence(nameStart, nameEnd));
                int j = nameEnd;
                // coordinated list after a plural prefix: "các huyện Tây Sơn, Vân Canh, An Lão và Tuy Phước", each
                // item possibly with its own prefix ("..., TX An Nhơn và TP Quy Nhơn")
                while (plural && live(j + 1) && (tok(j).is(",") || tok(j).is("và"))) {
                    int s = j + 1;
                    PhraseDict.Match own = lex.adminPrefixes.match(toks, s);
                    if (own != null) {
                        s += own.length();
                    }
                    if (!live(s) || !tok(s).cap) {
                        break;
                    }
                    int e = placeName(s, lowLevel);
                    if (e <= s || lex.orgHeads.match(toks, s) != null) {
                        break;
                    }
                    addLocation(s, e, false, unitConfidence(s, e));
                    j = e;
                }
                return j;
            }
            if (t.lower.equals("các")) {
                return -1;
            }
            PhraseDict.Match loc = placeAt(i);
            if (loc != null) {
                int end = i + loc.length();
                if (live(end) && tok(end).nameLike && lex.locations.match(toks, end) == null && !isPersonStart(end)
                        && lex.titles.match(toks, end) == null && lex.orgHeads.match(toks, end) == null) {
                    // "Thái Bình Dương": a known name inside a longer unknown one is not that place
                    while (live(end) && tok(end).nameLike) {
                        end++;
                    }
                    return end;
                }
                // "Nam" alone is a direction, never listed; the lexicon has no single direction words
                addLocation(i, end, false, Confidence.KNOWN);
                return end;
            }
            PhraseDict.Match country = lex.contextCountries.match(toks, i);
            if (country != null && countryContext(i, i + country.length())) {
                addLocation(i, i + country.length(), false, Confidence.ANCHORED);
                return i + country.length();
            }
            if (before != null && before.number && tok(i - 2) != null && tok(i - 2).lower.equals("số") && t.nameLike) {
                int end = placeName(i, true); // "số 37 Lý Thường Kiệt": a house number names its street
                if (end > i) {
                    addLocation(i, end, false, Confidence.ANCHORED);
                    return end;
                }
            }
            return runBeforeAddressMark(i) ? addressPlaces(i) : -1;
        }

        /** Whether a capitalized word or a number stands within the six tokens after i (on its line). */
        boolean capitalOrNumberAhead(int i) {
            for (int k = i + 1; k < i + 7 && k < lineLimit; k++) {
                Token t = toks[k];
                if (t.cap || t.word && CharClass.isDigit(t.text.charAt(0))) {
                    return true;
                }
            }
            return false;
        }

        /** A run of two or three name syllables closed by a comma or a bracket (a possible address, see below). */
        boolean runBeforeAddressMark(int i) {
            int e = i + 1;
            while (e < n && e - i < 3 && toks[e].nameLike) {
                e++;
            }
            return e - i >= 2 && e < n && (toks[e].is(",") || toks[e].is("("));
        }

        /**
         * "Mỹ", "Đức", "Anh", "Nhật" are countries only where the context says so: in a list with another country or
         * place ("từ các nước Đức, Pháp, Mỹ", "Nhật, Ý, Hàn Quốc"), after "nước"/"người" or a preposition of
         * movement ("sang Nhật", "từ Mỹ"), and never when a capitalized syllable continues the name ("Mỹ Tho", "Anh
         * Tuấn") or a lower-case one makes it a word ("Anh em").
         */
        boolean countryContext(int s, int e) {
            Token before = tok(s - 1);
            if (before == null || before.masked || live(e) && tok(e).word && tok(e).cap) {
                return false;
            }
            if (COUNTRY_CUES.contains(before.lower)) {
                return true; // "sang Nhật du học"
            }
            if (live(e) && tok(e).word && !FUNCTION_WORDS.contains(tok(e).lower) && !STOP_WORDS.contains(tok(e).lower)) {
                return false;
            }
            boolean listBefore = (before.is(",") || before.is("và")) && !out.isEmpty()
                    && out.get(out.size() - 1).kind() == EntityKind.LOCATION && tok(s - 2) != null
                    && out.get(out.size() - 1).end() == tok(s - 2).end;
            boolean listAfter = live(e + 1) && (tok(e).is(",") || tok(e).is("và"))
                    && (lex.locations.match(toks, e + 1) != null || lex.contextCountries.match(toks, e + 1) != null);
            return listBefore || listAfter;
        }

        /**
         * After a counted prefix the list may open with a colon or a few words and "như"/"gồm" ("5 huyện: Tuy
         * Phước, ...", "các tuyến đường chính như Lê Duẩn, ..."). Returns where the first name starts.
         */
        int listOpening(int j) {
            if (live(j + 1) && tok(j).is(":")) {
                return j + 1;
            }
            for (int k = j; k < j + 3 && live(k + 1); k++) {
                Token w = tok(k);
                if (w.lower.equals("như") || w.lower.equals("gồm") || w.lower.equals("là")) {
                    return live(k + 1) && tok(k + 1).is(":") ? k + 2 : k + 1;
                }
                if (!w.word || w.cap || FUNCTION_WORDS.contains(w.lower)) {
                    break; // "các nước phát triển như Nhật, Ý", not "các xã của ..."
                }
            }
            return j;
        }

        /**
         * An address written from the small unit up: "trú tại Trung Lương, Hồng Lĩnh, Hà Tĩnh", "mặt trận Vị Xuyên
         * (Hà Giang)". Up to three runs of two or three name syllables, each followed by a comma or an opening
         * bracket, ending in a known province or place: all are places. A full name of a person never is.
         */
        int addressPlaces(int i) {
            int[] starts = new int[3];
            int[] ends = new int[3];
            int runs = 0;
            int k = i;
            while (runs < 3) {
                int e = k;
                while (e < n && e - k < 3 && live(e) && tok(e).nameLike) {
                    e++;
                }
                if (e - k < 2 || !live(e + 1) || !(tok(e).is(",") || tok(e).is("("))
                        || isPersonStart(k) && nameRun(k, true) >= 3 || lex.titles.match(toks, k) != null
                        || lex.orgHeads.match(toks, k) != null || lex.miscHeads.match(toks, k) != null
                        || lex.locations.match(toks, k) != null) {
                    return -1;
                }
                starts[runs] = k;
                ends[runs] = e;
                runs++;
                PhraseDict.Match known = lex.locations.match(toks, e + 1);
                if (known != null && lex.adminPrefixes.match(toks, e + 1) == null) {
                    for (int r = 0; r < runs; r++) {
                        addLocation(starts[r], ends[r], false, knownUnit(starts[r], ends[r]) ? Confidence.ANCHORED
                                : Confidence.SHAPE);
                    }
                    return ends[runs - 1];
                }
                if (!tok(e).is(",")) {
                    return -1;
                }
                k = e + 1;
            }
            return -1;
        }

        /**
         * A bare place name in a list right after another place: "huyện Vĩnh Thạnh 24,59%, TP Quy Nhơn 23,6%, Phù Mỹ
         * 23,54%". Two or three name syllables after a comma or "và", when only figures separate it from the
         * previous location.
         */
        int listedPlace(int i) {
            Token prev = tok(i - 1);
            if (prev == null || !(prev.is(",") || prev.is("và")) || out.isEmpty()) {
                return -1;
            }
            EntityMention last = out.get(out.size() - 1);
            if (last.kind() != EntityKind.LOCATION) {
                return -1;
            }
            int k = i - 2;
            while (k >= 0 && toks[k].start >= last.end()) {
                Token between = toks[k];
                if (between.word && !between.number || between.is(":") || between.is(";") || between.is(".")) {
                    return -1;
                }
                k--;
            }
            if (i - 2 - k > 4) {
                return -1;
            }
            int e = i;
            while (e < n && e - i < 3 && live(e) && tok(e).nameLike) {
                e++;
            }
            if (e - i < 2 || e - i > 3 || live(e) && tok(e).cap && tok(e).word) {
                return -1;
            }
            if (isPersonStart(i) && nameRun(i, true) >= 3 || lex.titles.match(toks, i) != null
                    || lex.orgHeads.match(toks, i) != null || lex.miscHeads.match(toks, i) != null) {
                return -1;
            }
            addLocation(i, e, false, knownUnit(i, e) ? Confidence.ANCHORED : Confidence.SHAPE);
            return e;
        }

        /** A name after an administrative prefix: KNOWN when the lexicon or the unit tables have it, else ANCHORED. */
        double unitConfidence(int s, int e) {
            PhraseDict.Match loc = lex.locations.match(toks, s);
            return loc != null && s + loc.length() == e || knownUnit(s, e) ? Confidence.KNOWN : Confidence.ANCHORED;
        }

        /** Whether tokens [s, e) name an administrative unit of either map (district, commune: the reference data). */
        boolean knownUnit(int s, int e) {
            return AdminUnits.get().isName(text.substring(tok(s).start, tok(e - 1).end));
        }

        void addLocation(int from, int to, boolean keepPrefix, double confidence) {
            String surface = text.substring(tok(from).start, tok(to - 1).end);
            String canonical = keepPrefix ? canonicalOrg(surface) : surface;
            out.add(new EntityMention(EntityKind.LOCATION, surface, canonical, tok(from).start, tok(to - 1).end, null,
                    confidence));
        }

        // ---------------------------------------------------------------- finishing

        List<EntityMention> finish() {
            // drop shortened person mentions when the full name is present ("Hồng Lệ" of "Trần Thị Hồng Lệ")
            List<String> fullNames = new ArrayList<>();
            for (EntityMention m : out) {
                if (m.kind() == EntityKind.PERSON) {
                    fullNames.add(" " + TextNormalizer.canonicalKey(m.text()));
                }
            }
            // the word-boundary tails of every name: a key is shortened when a longer name ends with it, i.e. when it
            // is one of these (a set: comparing every pair grows with the square of the names an article lists)
            java.util.Set<String> tails = new java.util.HashSet<>();
            for (String f : fullNames) {
                for (int k = f.indexOf(' ', 1); k > 0; k = f.indexOf(' ', k + 1)) {
                    tails.add(f.substring(k));
                }
            }
            // a place named after a person ("huyện Trần Văn Thời") is that place wherever the article writes it,
            // also after a body's head ("Bí thư Huyện ủy Trần Văn Thời")
            java.util.Set<String> places = new java.util.HashSet<>();
            if (!fullNames.isEmpty()) {
                for (EntityMention m : out) {
                    if (m.kind() == EntityKind.LOCATION) {
                        places.add(" " + TextNormalizer.canonicalKey(m.text()));
                    }
                }
            }
            // "Nguyễn Hiền" for "Nguyễn Văn Hiền": surname and given name of a longer name, its middle name left out
            java.util.Set<String> surnameAndGiven = new java.util.HashSet<>();
            for (String f : fullNames) {
                int first = f.indexOf(' ', 1);
                int last = f.lastIndexOf(' ');
                if (first > 0 && last > first) {
                    surnameAndGiven.add(f.substring(0, first) + f.substring(last));
                }
            }
            List<EntityMention> kept = new ArrayList<>(out.size());
            int person = 0; // index into fullNames: the key of each person was made once, above
            for (EntityMention m : out) {
                if (m.kind() == EntityKind.PERSON) {
                    String key = fullNames.get(person++);
                    if (tails.contains(key) || places.contains(key) || surnameAndGiven.contains(key)) {
                        continue;
                    }
                }
                kept.add(m);
            }
            kept.sort(BY_OFFSETS);
            return withRepetitionConfidence(kept);
        }

        /** Every mention of one name carries the noisy-or of all its mentions' evidence (see {@link Confidence}). */
        private static List<EntityMention> withRepetitionConfidence(List<EntityMention> mentions) {
            java.util.Map<String, Double> byName = new java.util.HashMap<>();
            for (EntityMention m : mentions) {
                byName.merge(m.kind().ordinal() + TextNormalizer.canonicalKey(m.canonical()), m.confidence(),
                        Confidence::combined);
            }
            List<EntityMention> out = new ArrayList<>(mentions.size());
            for (EntityMention m : mentions) {
                double c = byName.get(m.kind().ordinal() + TextNormalizer.canonicalKey(m.canonical()));
                out.add(c == m.confidence() ? m : new EntityMention(m.kind(), m.text(), m.canonical(), m.start(),
                        m.end(), m.role(), c));
            }
            return out;
        }
    }

    /**
     * By start, then end. Written out: a comparingInt().thenComparingInt() chain calls through lambdas that the JIT
     * could not inline, and sorting cost 3.5% of extraction time.
     */
    private static final Comparator<EntityMention> BY_OFFSETS = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end());

    /** Abbreviations expanded word by word: "BTV Tỉnh uỷ" becomes "Ban Thường vụ Tỉnh ủy". */
    String canonicalOrg(String surface) {
        String norm = surface; // already normalized: it is a slice of the analysed text
        if (abbreviationsHaveCapitalPair && !hasCapitalPair(norm)) {
            return withoutCityDot(norm); // no token to expand
        }
        // with the known spellings: only text and offsets are read, and those are the same either way
        List<Token> toks = Tokenizer.tokenize(norm, lex.surfaces, null, wordCaches.get());
        StringBuilder sb = new StringBuilder(norm.length() + 16);
        int last = 0;
        for (Token t : toks) {
            String exp = lex.abbreviations.get(t.text);
            if (exp == null && t.text.startsWith("TP.") && t.text.length() > 3) {
                String rest = lex.abbreviations.getOrDefault(t.text.substring(3), t.text.substring(3));
                exp = "thành phố " + rest;
            }
            sb.append(norm, last, t.start);
            sb.append(exp != null ? exp : t.text);
            last = t.end;
        }
        sb.append(norm.substring(last));
        return withoutCityDot(sb.toString());
    }

    /** An expanded "TP" leaves its dot behind ("TP. Vinh" -> "thành phố. Vinh"): the dot goes. */
    private static String withoutCityDot(String s) {
        return s.replace("thành phố . ", "thành phố ").replace("thành phố. ", "thành phố ");
    }

    static boolean isUnitCode(String s) {
        // PC04, PA05, C09, A02, PC02B: police/ministry department codes
        int k = 0;
        while (k < s.length() && k < 2 && (s.charAt(k) == 'P' || s.charAt(k) == 'C' || s.charAt(k) == 'A' || s.charAt(k) == 'K')) {
            k++;
        }
        if (k == 0 || k == 2 && s.charAt(0) != 'P') {
            return false;
        }
        int d = 0;
        while (k < s.length() && CharClass.isDigit(s.charAt(k))) {
            k++;
            d++;
        }
        return d == 2 && (k == s.length() || k == s.length() - 1 && CharClass.isUpperCase(s.charAt(k)));
    }

    /** The shape {@link #camelHumps} walks; kept as its specification (EntityRuleShapesTest holds them equal). */
    static final java.util.regex.Pattern CAMEL =
            java.util.regex.Pattern.compile("(?:[A-Z]{2,}[a-z]+(?:[A-Z][a-z]+)*|[A-Z][a-z]+(?:[A-Z][a-z]+)+)");

    /** ASCII company names written in CamelCase: "HDBank", "NutiFood", "VietinBank" (not "GrowPLUS", "IoT"). */
    static boolean isCamelCaseName(String s) {
        if (s.length() < 5 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        boolean laterUpper = false;
        for (int k = 1; k < s.length() && !laterUpper; k++) {
            laterUpper = s.charAt(k) >= 'A' && s.charAt(k) <= 'Z';
        }
        return laterUpper && camelHumps(s);
    }

    /**
     * {@code CAMEL.matcher(s).matches()} walked by hand (the regex cost more than the rest of the rule): capitals
     * then lower-case letters, then humps of one capital and lower-case letters; two or more opening capitals
     * ("VNPost"), or one and at least one more hump ("HanoiTimes").
     */
    static boolean camelHumps(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiUpper(s.charAt(i))) {
            i++;
        }
        int openingCapitals = i;
        int j = lowerRunEnd(s, i);
        if (openingCapitals == 0 || j == i) {
            return false;
        }
        int humps = 0;
        for (i = j; i < n; i = j, humps++) {
            if (!isAsciiUpper(s.charAt(i))) {
                return false;
            }
            j = lowerRunEnd(s, i + 1);
            if (j == i + 1) {
                return false;
            }
        }
        return openingCapitals >= 2 || humps >= 1;
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static int lowerRunEnd(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
            j++;
        }
        return j;
    }
}
