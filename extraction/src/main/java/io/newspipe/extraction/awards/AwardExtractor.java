package io.newspipe.extraction.awards;

import io.newspipe.extraction.CharClass;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.kpi.Lexicon;
import io.newspipe.extraction.kpi.PhraseSet;
import io.newspipe.extraction.kpi.TextSpan;
import io.newspipe.extraction.text.ParsedArticle;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds conferrals of named state and emulation awards (Huân chương, Huy chương "Vì sự nghiệp…", Bằng khen,
 * Giấy khen, Cờ thi đua, Kỷ niệm chương, danh hiệu) and fills conferrer, presenter, recipients, count, title and
 * year from the verb frames around them ("X tặng Bằng khen cho Y", "Y đón nhận Huân chương … do X trao tặng",
 * "Bằng khen của X"). Restatements of one conferral (lead, caption, body) are merged. Thread-safe.
 */
public final class AwardExtractor {

    private enum Kind { ORDER, MEDAL, PLAIN, TITLE }

    private record Form(String award, Kind kind, int start, int end, boolean quotedTitle) {
    }

    private record Authority(String authority, String person) {
    }

    private static final class Candidate {
        String award;
        String conferrer;
        String presenter;
        String title;
        List<String> recipients = new ArrayList<>();
        Integer recipientCount;
        Integer year;
        int start;
        int end;
        String key;

        static final int MAX_COMPLETENESS = 8;

        int completeness() {
            return (conferrer != null ? 2 : 0) + (recipients.isEmpty() ? 0 : 2) + (title != null ? 1 : 0)
                    + (year != null ? 1 : 0) + (recipientCount != null ? 1 : 0) + (presenter != null ? 1 : 0);
        }
    }

    /** Confidence of a named award form in a statement with a conferral verb, before its fields are read. */
    private static final double AWARD_STATEMENT = 0.6;
    /** The same conferral stated again elsewhere in the article, as independent evidence. */
    private static final double RESTATEMENT = 0.3;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // precompiled: String.replaceAll/split/matches compiled these on every call
    private static final Pattern DANH_HIEU_PREFIX = Pattern.compile("(?i)^danh hiệu\\s+");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"]");
    private static final Pattern GIVE_TO_GENERIC_END = Pattern.compile("(?s).*(?:trao|tặng|nhận)\\s+(?:các|những)\\s*$");
    private static final Pattern CHUNK_SEPARATORS = Pattern.compile("[,;:()“”\"]+");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern TRAILING_WORD_PUNCT = Pattern.compile("[,.;:!?)”\"]+$");
    private static final Pattern TRAILING_CLAUSE_PUNCT = Pattern.compile("[,.;:]+$");
    private static final Pattern TRAILING_LIST_PUNCT = Pattern.compile("[,.;]+$");
    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("[.…|]+$");
    private static final Pattern SEMICOLON_SPLIT = Pattern.compile("\\s*;\\s*");
    private static final Pattern COMMA_AND_SPLIT = Pattern.compile("\\s*,\\s*|\\s+và\\s+");
    private static final Pattern LEADING_AND = Pattern.compile("^(?:và|cùng)\\s+");
    private static final Pattern RANK_1 = Pattern.compile("\\bhang (?:nhat|i|1)$");
    private static final Pattern RANK_2 = Pattern.compile("\\bhang (?:nhi|ii|2)$");
    private static final Pattern RANK_3 = Pattern.compile("\\bhang (?:ba|iii|3)$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD_RUN = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])năm\\s+((?:19|20)\\d{2})(?!\\d)", FLAGS);
    private static final Set<String> HONORIFIC_WORDS = Set.of("ông", "bà", "anh", "chị", "em", "cô", "thầy", "cụ", "cháu");
    private static final Pattern HAS_COUNT = Pattern.compile("(?<![\\p{L}])có\\s+(?=\\d)", FLAGS);
    private static final Pattern ANY_QUOTED = Pattern.compile("[“\"]([^”\"\\n]{2,120})[”\"]");
    private static final Pattern QUOTED = Pattern.compile("^\\s*[“\"]([^”\"\\n]{2,120})[”\"]");
    private static final Pattern OF_BY = Pattern.compile("^\\s*(?:[“\"][^”\"\\n]{2,120}[”\"]\\s*)?(?:,\\s*)?(của|do)\\s+", FLAGS);
    /** Case-sensitive on purpose: lower-case title words, then "do" (by). */
    private static final Pattern EXTENDED_BY = Pattern.compile("^(?:\\s+\\p{Ll}+){1,4}?\\s+do\\s+");
    private static final Pattern DELEGATED = Pattern.compile("(?<![\\p{L}])(?:thừa ủy quyền|thừa lệnh|thay mặt)(?:\\s+của)?\\s+", FLAGS);
    private static final Pattern TO = Pattern.compile(
            "(?<![\\p{L}])(?:tặng cho|trao cho|trao tặng cho|trao tặng|truy tặng|tặng|cho)\\s+(?!(?:biết|rằng|hay|thấy|là)(?![\\p{L}]))", FLAGS);
    /** "Chia sẻ về niềm vui được nhận …": the clause names a feeling, not the recipient. */
    private static final Pattern NOT_A_SUBJECT = Pattern.compile(
            "(?<![\\p{L}])(?:niềm vui|vinh dự|tự hào|xúc động|khi|lúc|sau khi|trước khi|chia sẻ|mong muốn|để)\\s*$", FLAGS);
    private static final Pattern REPRESENTING = Pattern.compile("(?<![\\p{L}])đại diện(?:\\s+cho)?\\s+", FLAGS);
    private static final Pattern LIST = Pattern.compile("(?<![\\p{L}])gồm(?:\\s+có)?([^:;.]{0,60}):\\s*(.+)$", FLAGS);
    private static final Pattern LIST_SENTENCE = Pattern.compile("^[^:]{0,100}?(?<![\\p{L}])gồm(?:\\s+có)?\\s*[^:;.]{0,40}:\\s*(.+)$", FLAGS);
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d+)\\s+(?:tập thể|cá nhân|đơn vị|đồng chí|người|đảng viên|tổ chức(?: đảng)?|chiến sĩ|cán bộ|hộ|"
                    + "gia đình|học sinh|giáo viên|nhà giáo|y bác sĩ|doanh nghiệp|đảng bộ|chi bộ|địa phương|cơ quan|công dân|hội viên|đoàn viên)(?![\\p{L}])",
            FLAGS);
    /**
     * Where a recipient list ends: a word of this pattern, or a mark of {@link #stopMarkAt} (whichever comes first).
     * The words are looked for with a {@link StartScanner} (only where one of their first words stands).
     */
    private static final StartScanner RECIPIENT_STOP_WORDS = new StartScanner(Pattern.compile(
            "(?<![\\p{L}])(?:đã có|có thành tích|có nhiều thành tích|vì|do|đạt thành tích|với thành tích|với những|về thành tích|về những|"
                    + "nhân dịp|nhằm|ghi nhận|trong (?:công tác|phong trào|việc|năm)|năm (?:19|20)\\d{2}|gồm|đã|tại|thuộc diện)(?![\\p{L}])",
            FLAGS), List.of('đ', 'c', 'v', 'd', 'n', 'g', 't'),
            List.of("đã", "có", "vì", "do", "đạt", "với", "về", "nhân", "nhằm", "ghi", "trong", "năm", "gồm", "tại", "thuộc"));
    private static final Pattern GENERIC_BEFORE = Pattern.compile("(?<![\\p{L}])(?:các|những|nhiều|hàng|mọi)(?:\\s+\\S+){0,3}\\s*$", FLAGS);
    private static final Pattern GENERIC_AFTER = Pattern.compile("^\\s*(?:khác|các loại|các cấp)(?![\\p{L}])", FLAGS);
    private static final Pattern LEADING_ROLE = Pattern.compile(
            "^(?:(?:đại diện(?: cho)?|thay mặt|tập thể|cùng|và)\\s+)+", FLAGS);
    private static final Pattern TRAILING_ADVERBS = Pattern.compile(
            "(?:\\s+(?:vừa|đã|được|vinh dự|rất|cũng|chính thức|mới|vừa qua|là|sẽ|đều|lên|đại diện|đã vinh dự|vừa vinh dự))+\\s*$", FLAGS);
    /** "… tổ chức lễ đón", "… long trọng tổ chức Lễ kỷ niệm 60 năm thành lập và đón" before a receiving verb. */
    private static final Pattern HOLDS_CEREMONY = Pattern.compile(
            "\\s+(?:(?:long|trang) trọng\\s+)?tổ chức\\s+(?:buổi\\s+)?(?:lễ|mít tinh)(?![\\p{L}])[^,;:]{0,100}$", FLAGS);
    private static final Pattern SUBJECT_END = Pattern.compile(
            "(?<![\\p{L}])(?:ký|đã|vừa|sẽ|cũng|chính thức|trân trọng|long trọng|công bố|quyết định|ban hành)(?![\\p{L}])", FLAGS);
    /** Forms a position holder gives in the name of the position (a minister, a director, a committee chairman). */
    private static final Pattern HOLDER_GIVEN_FORM = Pattern.compile("(?:bằng khen|giấy khen|cờ thi đua|kỷ niệm chương)",
            FLAGS);
    /** Positions: a holder who "trao" (hands over) an award is a presenter unless the text names the conferrer. */
    private static final Pattern POSITION = Pattern.compile(
            "^(?:Phó\\s+)?(?:Bộ trưởng|Thứ trưởng|Chủ tịch(?!\\s+nước)|Bí thư|Giám đốc|Tư lệnh|Chính ủy|Cục trưởng|Tổng cục trưởng|"
                    + "Trưởng ban|Chánh|Tổng Giám đốc|Viện trưởng|Hiệu trưởng|Trưởng|Đại diện)(?![\\p{L}])", FLAGS);
    /** "ghi nhận", "tiếp nhận", "xác nhận": not the verb "nhận" (receive). */
    private static final Set<String> NOT_RECEIVE_BEFORE = Set.of("ghi", "tiếp", "xác", "thừa", "nhìn", "cảm", "chấp", "biên",
            "công", "thu");
    private static final Pattern PASSIVE = Pattern.compile("(?<![\\p{L}])được\\s+(.{2,80}?)\\s+(?:trao tặng|truy tặng|phong tặng|khen tặng|tặng|trao|khen thưởng)\\s*$", FLAGS);

    private final StartScanner formPattern;
    /** Cheap screen: a sentence without any of these words cannot hold an award form. */
    private final PhraseSet formWords;
    private final StartScanner verbPattern;
    // with their literal openings: words starting with t/n are everywhere, the regex runs only where these stand
    private static final StartScanner DELEGATED_SCAN = new StartScanner(DELEGATED, List.of('t'),
            List.of("thừa ủy quyền", "thừa lệnh", "thay mặt"));
    private static final StartScanner YEAR_SCAN = new StartScanner(YEAR, List.of('n'), List.of("năm"));
    private final List<String[]> verbs;
    private final Set<String> titlesNeedingPrefix = new HashSet<>();
    private final Pattern authorityHead;
    private final Set<String> surnames = new HashSet<>();
    private final Set<String> places = new HashSet<>();
    private final Pattern honorific;
    /** Keys of forms that name no particular award when they stand alone. */
    private final Set<String> bareForms = Set.of(awardKey("Huân chương"), awardKey("Huy chương"),
            awardKey("Kỷ niệm chương"));
    /** Institution heads ("Sở", "Bộ", "Ban Quản lý", ...) and administrative units, from the entity lexicons. */
    private final Pattern bodyHead;
    private final Pattern adminStart;
    private final Pattern titleStart;
    private static final Set<String> ADMIN_PREFIXES = Set.of("tỉnh", "huyện", "thành", "phố", "tp", "tp.", "xã", "quận",
            "phường", "thị", "trấn", "thôn", "bản", "ấp", "khu");
    private static final Set<String> AUTHORITY_STOP = Set.of("trao", "tặng", "ký", "đã", "vừa", "cho", "vì", "về", "nhân",
            "tại", "trong", "năm", "với", "khen", "quyết", "công", "đến", "chúc", "đối", "ngày", "lúc", "nhằm", "ghi", "sẽ",
            "truy", "phong", "gắn", "đại", "thừa", "thay", "là", "đồng", "biểu", "tuyên", "vinh", "cùng", "hôm");

    /** The literal openings of every alternative of the form pattern below (keep the two in step). */
    private static List<String> formStarts(List<String> plainTitles) {
        List<String> starts = new ArrayList<>(List.of("Huân chương", "Huy chương", "Kỷ niệm chương", "Bằng khen",
                "Giấy khen", "Cờ thi đua", "Cờ truyền thống", "danh hiệu"));
        starts.addAll(plainTitles);
        return starts;
    }

    public AwardExtractor() {
        List<String> titles = new ArrayList<>();
        List<String> plainTitles = new ArrayList<>();
        for (String[] row : Lexicon.rows("awards-titles.tsv")) {
            titles.add(row[0]);
            if (row.length > 1 && row[1].contains("D")) {
                titlesNeedingPrefix.add(key(row[0]));
            } else {
                plainTitles.add(row[0]);
            }
        }
        String orders = Lexicon.alternation(Lexicon.lines("awards-orders.txt"));
        String medals = Lexicon.alternation(Lexicon.lines("awards-medals.txt"));
        List<Character> formFirstLetters = new ArrayList<>(List.of('H', 'K', 'B', 'G', 'C', 'd'));
        for (String t : plainTitles) {
            formFirstLetters.add(t.charAt(0));
        }
        formPattern = new StartScanner(Pattern.compile("(?<![\\p{L}])(?:"
                + "(?<order>Huân chương(?:\\s+(?:" + orders + "))?(?:\\s+hạng\\s+(?:Nhất|Nhì|Ba|III|II|I|[123]))?)"
                + "|(?<medal>(?:Huy chương|Kỷ niệm chương)\\s+(?:“[^”\\n]{2,80}”|\"[^\"\\n]{2,80}\"|(?:" + medals + "))"
                + "(?:\\s+hạng\\s+(?:Nhất|Nhì|Ba|III|II|I|[123]))?)"
                + "|(?<plain>Bằng khen|Giấy khen|Cờ thi đua|Cờ truyền thống|Kỷ niệm chương)"
                + "|(?<prefixed>danh hiệu\\s+(?:[“\"][^”\"\\n]{2,80}[”\"]|(?:" + Lexicon.alternation(titles) + ")))"
                + "|(?<title>" + Lexicon.alternation(plainTitles) + ")"
                + ")(?![\\p{L}])", FLAGS), formFirstLetters, formStarts(plainTitles));
        List<String> screen = new ArrayList<>(List.of("huân chương", "huy chương", "kỷ niệm chương", "bằng khen", "giấy khen",
                "cờ thi đua", "cờ truyền thống", "danh hiệu"));
        screen.addAll(plainTitles);
        formWords = new PhraseSet(screen);
        verbs = Lexicon.rows("awards-verbs.tsv");
        verbPattern = new StartScanner(Lexicon.wordPattern(verbs.stream().map(r -> r[0]).toList()),
                verbs.stream().map(r -> r[0].charAt(0)).toList(), verbs.stream().map(r -> r[0]).toList());
        authorityHead = Pattern.compile("^(?:" + Lexicon.alternation(Lexicon.lines("awards-authorities.txt")) + ")(?![\\p{L}])", FLAGS);
        for (String file : List.of("provinces.txt", "places.txt")) {
            for (String place : Lexicon.lines(file)) {
                places.add(key(place));
            }
        }
        places.add(key("Hồ Chí Minh"));
        for (String s : Lexicon.lines("surnames.txt")) {
            surnames.add(WHITESPACE_RUN.split(s)[0]);
        }
        bodyHead = openingWord("org-heads.txt");
        adminStart = openingWord("admin-prefixes.txt");
        titleStart = openingWord("titles.txt");
        honorific = Pattern.compile("^(?:" + Lexicon.alternation(Lexicon.lines("awards-honorifics.txt")) + ")\\s+(?=\\p{Lu})", FLAGS);
    }

    /** @param normalizedText text after {@code TextNormalizer.normalize}; offsets of the result refer to it */
    public List<AwardMention> extract(String normalizedText) {
        return extract(ParsedArticle.of(normalizedText));
    }

    /** As {@link #extract(String)}, on an article already parsed and split (shared with the other extractors). */
    public List<AwardMention> extract(ParsedArticle article) {
        String text = article.text();
        String lower = article.lower();
        List<TextSpan> sentences = article.sentences();
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            TextSpan span = sentences.get(i);
            if (!formWords.foundInRegion(article.words(), span.start(), span.end())) {
                continue;
            }
            String s = span.of(text);
            List<Form> forms = forms(s);
            if (forms.isEmpty() || !verbPattern.find(verbPattern.matcher(s), s, 0)) {
                continue;
            }
            Candidate previous = null;
            for (Form f : forms) {
                Candidate c = readNear(s, f, forms, previous);
                if (c == null) {
                    continue;
                }
                previous = c;
                if (c.recipients.isEmpty() || looksCounted(c.recipients)) {
                    List<String> listed = listInFollowing(text, lower, sentences, i);
                    if (!listed.isEmpty()) {
                        c.recipients = listed;
                    }
                }
                c.start = span.start();
                c.end = span.end();
                found.add(c);
            }
        }
        return merge(found, text);
    }

    /**
     * Reads the authority after "của" (of) or "do" (by) at {@code from} into the candidate: its body is the
     * conferrer, and after "do" its named person the presenter.
     *
     * @param onlyWhenFound leave the candidate and the reading position alone when no authority is recognized
     * @return where reading the post-form text goes on
     */
    private int readAuthority(Candidate c, String post, int from, boolean by, boolean onlyWhenFound) {
        int authEnd = authorityEnd(post, from);
        Authority a = authority(post.substring(from, authEnd));
        boolean found = a != null && a.authority() != null;
        if (!found && onlyWhenFound) {
            return 0;
        }
        if (found) {
            c.conferrer = a.authority();
        }
        if (a != null && a.person() != null && by) {
            c.presenter = a.person();
        }
        return authEnd;
    }

    private List<Form> forms(String s) {
        List<Form> forms = new ArrayList<>();
        Matcher m = formPattern.matcher(s);
        for (int from = 0; formPattern.find(m, s, from); ) {
            from = m.end();
            int fs = m.start();
            int fe = m.end();
            Kind kind;
            String award = m.group();
            if (m.group("order") != null) {
                kind = Kind.ORDER;
            } else if (m.group("medal") != null) {
                kind = Kind.MEDAL;
                if (award.toLowerCase(Locale.ROOT).endsWith("vì sự nghiệp")) {
                    fe = extendWords(s, fe, 8);
                    award = s.substring(fs, fe);
                }
            } else if (m.group("plain") != null) {
                kind = Kind.PLAIN;
            } else if (m.group("prefixed") != null) {
                kind = Kind.TITLE;
                award = QUOTE_MARKS.matcher(DANH_HIEU_PREFIX.matcher(award).replaceFirst("")).replaceAll("").strip();
            } else {
                kind = Kind.TITLE;
                if (titlesNeedingPrefix.contains(key(award))) {
                    continue;
                }
            }
            boolean quoted = kind == Kind.TITLE && fs > 0 && (s.charAt(fs - 1) == '“' || s.charAt(fs - 1) == '"');
            String before = s.substring(Math.max(0, fs - 30), fs);
            if (kind != Kind.TITLE || m.group("prefixed") == null) {
                if (GENERIC_BEFORE.matcher(before).find() && !OF_BY.matcher(s.substring(fe)).lookingAt()
                        && !GIVE_TO_GENERIC_END.matcher(before).matches()) {
                    continue; // "nhiều giải thưởng và bằng khen", "các Mẹ Việt Nam anh hùng": not one conferral
                }
                if (GENERIC_AFTER.matcher(s.substring(fe)).find()) {
                    continue;
                }
            }
            forms.add(new Form(award, kind, fs, fe, quoted));
        }
        return forms;
    }

    /** "Vì sự nghiệp Giáo dục": the field after the fixed words, up to the next function word or punctuation. */
    private static int extendWords(String s, int from, int max) {
        int end = from;
        int i = from;
        for (int w = 0; w < max; w++) {
            int ws = i;
            while (ws < s.length() && s.charAt(ws) == ' ') {
                ws++;
            }
            int we = ws;
            while (we < s.length() && CharClass.isLetter(s.charAt(we))) {
                we++;
            }
            if (we == ws || we < s.length() && !CharClass.isWhitespace(s.charAt(we)) && s.charAt(we) != ','
                    && s.charAt(we) != '.' && s.charAt(we) != ';') {
                if (we > ws) {
                    end = we;
                }
                break;
            }
            String word = s.substring(ws, we).toLowerCase(Locale.ROOT);
            if (Set.of("của", "cho", "tặng", "do", "trao", "năm", "vì", "với", "đã", "vừa", "tại", "nhân").contains(word)) {
                break;
            }
            end = we;
            i = we;
        }
        return end;
    }

    /** Frames are local: only a window around the form is read, so a huge unpunctuated "sentence" stays linear. */
    private Candidate readNear(String s, Form f, List<Form> forms, Candidate previous) {
        int from = Math.max(0, f.start() - WINDOW_BEFORE);
        int to = Math.min(s.length(), f.end() + WINDOW_AFTER);
        if (from == 0 && to == s.length()) {
            return read(s, f, forms, previous);
        }
        List<Form> local = new ArrayList<>();
        for (Form o : forms) {
            if (o.start() >= from && o.end() <= to) {
                local.add(new Form(o.award(), o.kind(), o.start() - from, o.end() - from, o.quotedTitle()));
            }
        }
        Form shifted = new Form(f.award(), f.kind(), f.start() - from, f.end() - from, f.quotedTitle());
        return read(s.substring(from, to), shifted, local, previous);
    }

    private static final int WINDOW_BEFORE = 400;
    /** A merged conferral keeps at most this many recipients (lists longer than this are not "named recipients"). */
    private static final int MAX_RECIPIENTS = 200;
    private static final int WINDOW_AFTER = 600;

    private Candidate read(String s, Form f, List<Form> forms, Candidate previous) {
        // A quoted emulation title right after a Bằng khen/Giấy khen is that award's citation, not another award.
        if (f.kind() == Kind.TITLE && f.quotedTitle()) {
            for (Form other : forms) {
                if (other.kind() == Kind.PLAIN && other.end() <= f.start()) {
                    return null;
                }
            }
        }
        Form prevForm = null;
        Form nextForm = null;
        for (Form o : forms) {
            if (o.end() <= f.start()) {
                prevForm = o;
            } else if (o.start() >= f.end() && nextForm == null) {
                nextForm = o;
            }
        }
        Candidate c = new Candidate();
        boolean conferrerFromGiver = false; // the conferrer is the title of whoever hands the award over
        c.award = f.award();
        c.key = awardKey(f.award());
        // Everything about this form lies before the next form of the sentence.
        int limit = nextForm == null ? s.length() : cutBeforeNextFrame(s, f.end(), nextForm.start());
        String post = s.substring(f.end(), limit);
        int postFrom = 0;

        Matcher q = QUOTED.matcher(post);
        if (q.find()) {
            c.title = q.group(1).strip();
        }
        Matcher ob = OF_BY.matcher(post);
        Matcher eb = EXTENDED_BY.matcher(post);
        if (ob.lookingAt()) {
            postFrom = readAuthority(c, post, ob.end(), ob.group(1).equalsIgnoreCase("do"), false);
        } else if (eb.lookingAt()) {
            // "danh hiệu Anh hùng Lao động thời kỳ đổi mới do Chủ tịch nước trao tặng": a few lower-case words of the
            // title may stand between the form and its "do" (by); taken only when an authority follows
            postFrom = readAuthority(c, post, eb.end(), true, true);
        }
        // Recipients after the form: "... tặng 6 tập thể", "... cho anh Huy".
        Matcher to = TO.matcher(post);
        to.region(postFrom, Math.min(post.length(), postFrom + 60));
        if (to.find()) {
            addRecipients(c, readRecipients(post, to.end()));
        }
        if (c.title == null) {
            Matcher q2 = ANY_QUOTED.matcher(post);
            if (q2.find() && q2.start() < 120) {
                c.title = q2.group(1).strip();
            }
        }

        // The frame before the form: who gives it, who receives it.
        int floor = clauseStart(s, f.start());
        if (prevForm != null) {
            floor = Math.max(floor, prevForm.end());
        }
        String pre = s.substring(floor, f.start());
        String verbType = null;
        int verbStart = -1;
        int verbEnd = -1;
        Matcher vm = verbPattern.matcher(pre);
        for (int from = 0; verbPattern.find(vm, pre, from); ) {
            from = vm.end();
            if (vm.group().equalsIgnoreCase("nhận") && NOT_RECEIVE_BEFORE.contains(previousWord(pre, vm.start()))) {
                continue;
            }
            verbType = typeOf(vm.group());
            verbStart = vm.start();
            verbEnd = vm.end();
        }
        boolean ownFrame = verbType != null && wordCount(pre.substring(verbEnd)) <= 6;
        if (ownFrame) {
            String verb = pre.substring(verbStart, verbEnd).toLowerCase(Locale.ROOT);
            // the regexes below run only when their literal word stands in the text (a find() tries every position)
            Matcher passive = StartScanner.containsFolded(pre, "được")
                    ? PASSIVE.matcher(pre.substring(0, verbEnd)) : null;
            if (passive != null && passive.find()) {
                Authority a = authority(passive.group(1));
                if (a != null && a.authority() != null && c.conferrer == null) {
                    c.conferrer = a.authority();
                }
                addSubjectRecipients(c, pre.substring(0, passive.start()));
            } else if (verbType.equals("RECEIVE")) {
                String subject = pre.substring(0, verbStart);
                Matcher has = StartScanner.containsFolded(subject, "có") ? HAS_COUNT.matcher(subject) : null;
                if (has != null && has.find()) {
                    subject = subject.substring(has.end()); // "nhà trường có 45 giáo viên đạt …": the counted group
                }
                boolean hostsCeremony = false;
                Matcher ceremony = StartScanner.containsFolded(subject, "tổ chức")
                        ? HOLDS_CEREMONY.matcher(subject) : null;
                if (ceremony != null && ceremony.find()) {
                    subject = subject.substring(0, ceremony.start()); // "Trường A tổ chức lễ đón nhận …": Trường A
                    hostsCeremony = true;
                }
                // "UBND tỉnh tổ chức lễ đón nhận danh hiệu … do Chủ tịch nước trao tặng cho Bệnh viện X": when the
                // sentence names who it was given to, the subject only hosts the ceremony
                if (!hostsCeremony || c.recipients.isEmpty()) {
                    addSubjectRecipients(c, subject);
                }
                if (floor > 0 && s.charAt(floor - 1) == ',' && POSITION.matcher(subject.strip()).find()) {
                    // "Ông Phạm Văn Lộc, Chủ tịch Hội …, được tặng …": the named person before the title receives it
                    String person = lastPerson(s.substring(0, floor));
                    if (person != null) {
                        addUnique(c.recipients, person);
                    }
                }
            } else {
                String subject = pre.substring(0, verbStart);
                Matcher se = SUBJECT_END.matcher(subject);
                if (se.find()) {
                    subject = subject.substring(0, se.start());
                }
                if (prevForm != null) {
                    // "… cho Công ty A và Thủ tướng Chính phủ tặng Bằng khen": the new subject follows the last "và"
                    int and = Math.max(subject.lastIndexOf(" và "), subject.lastIndexOf(','));
                    if (and >= 0) {
                        subject = subject.substring(and + (subject.charAt(and) == ',' ? 1 : 4));
                    }
                }
                subject = LEADING_ROLE.matcher(subject.strip()).replaceFirst("");
                Authority a = authority(subject);
                // a named holder who hands it over presents it; a position without a name, handing over a form that
                // position gives itself, is the authority ("Giám đốc Công an tỉnh trao Giấy khen …"); a state order
                // or medal it only presents ("…, Thứ trưởng Bộ Công an trao Huy chương …": conferrer unknown)
                boolean presentsOnly = verbType.equals("PRESENT") && POSITION.matcher(subject.strip()).find()
                        && (a == null || a.person() != null || !HOLDER_GIVEN_FORM.matcher(c.award).lookingAt());
                if (a != null && a.authority() != null && c.conferrer == null && !presentsOnly) {
                    c.conferrer = a.authority();
                    conferrerFromGiver = true;
                }
                if (verbType.equals("PRESENT") || verb.contains("trao")) {
                    String person = a != null && a.person() != null ? a.person() : lastPerson(s.substring(0, floor + verbStart));
                    if (person != null) {
                        c.presenter = person;
                    }
                }
            }
        } else if (previous != null && prevForm != null) {
            // "… tặng danh hiệu X cho A và Bằng khen cho 5 cá nhân": the second form shares the first one's frame.
            c.conferrer = c.conferrer != null ? c.conferrer : previous.conferrer;
            c.presenter = previous.presenter;
        }
        Matcher d = DELEGATED_SCAN.matcher(s);
        if (DELEGATED_SCAN.find(d, s, 0) && d.start() < f.start()) {
            Authority a = authority(s.substring(d.end(), authorityEnd(s, d.end())));
            if (a != null && a.authority() != null) {
                c.conferrer = a.authority();
            } else if (conferrerFromGiver) {
                // "Thay mặt lãnh đạo Đảng, Nhà nước, Phó Thủ tướng A trao …": A acts for others and only presents
                c.conferrer = null;
            }
        }
        Matcher list = StartScanner.containsFolded(post, "gồm") ? LIST.matcher(post) : null;
        if (list != null && list.find()) {
            List<String> items = splitList(list.group(2));
            if (!items.isEmpty()) {
                c.recipients = items;
            }
        }
        Matcher y = YEAR_SCAN.matcher(s);
        if (YEAR_SCAN.find(y, s, 0)) {
            c.year = Integer.valueOf(y.group(1));
        }
        if (c.title != null && key(c.title).equals(c.key)) {
            c.title = null;
        }
        return c;
    }

    /**
     * Where this form's text stops when another form follows: before "và"/"," that opens the next form's own frame
     * ("… cho Công ty A và Thủ tướng Chính phủ tặng Bằng khen"), else at the next form.
     */
    private int cutBeforeNextFrame(String s, int from, int nextStart) {
        String between = s.substring(from, nextStart);
        Matcher vm = verbPattern.matcher(between);
        int lastVerb = -1;
        for (int at = 0; verbPattern.find(vm, between, at); at = vm.end()) {
            lastVerb = vm.start();
        }
        if (lastVerb > 0) {
            String head = between.substring(0, lastVerb);
            int and = Math.max(head.lastIndexOf(" và "), head.lastIndexOf(','));
            if (and > 0) {
                return from + and;
            }
        }
        int and = between.lastIndexOf(" và ");
        return and > 0 ? from + and : nextStart;
    }

    private static String previousWord(String s, int at) {
        int e = at;
        while (e > 0 && CharClass.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && CharClass.isLetter(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(b, e).toLowerCase(Locale.ROOT);
    }

    /** The last full person name (family name and at least two more capitalized words) in the text, or null. */
    private String lastPerson(String text) {
        String found = null;
        for (String chunk : CHUNK_SEPARATORS.split(text)) {
            String[] words = WHITESPACE_RUN.split(chunk.strip());
            for (int i = 0; i < words.length; i++) {
                if (!surnames.contains(words[i])
                        || i + 1 < words.length && HONORIFIC_WORDS.contains(Lexicon.lower(words[i])) && surnames.contains(words[i + 1])) {
                    continue; // "Ông Phạm Văn Lộc": "Ông" is the honorific here, not the rare family name
                }
                int j = i + 1;
                while (j < words.length && j - i < 4 && isCapitalized(words[j])) {
                    j++;
                }
                if (j - i >= 3) {
                    String name = String.join(" ", List.of(words).subList(i, j));
                    if (!isPlace(name)) {
                        found = name;
                    }
                    i = j - 1;
                }
            }
        }
        return found;
    }

    private static boolean isCapitalized(String w) {
        return !w.isEmpty() && CharClass.isUpperCase(w.charAt(0));
    }

    private static boolean noFormBetween(List<Form> forms, int from, int to) {
        for (Form f : forms) {
            if (f.start() >= from && f.start() < to) {
                return false;
            }
        }
        return true;
    }

    private String typeOf(String verb) {
        String k = WHITESPACE_RUN.matcher(verb.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (String[] row : verbs) {
            if (row[0].toLowerCase(Locale.ROOT).equals(k)) {
                return row[1];
            }
        }
        return "GIVE";
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : WHITESPACE_RUN.split(t).length;
    }

    private static int clauseStart(String s, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '–' || c == '—') {
                return i + 1;
            }
        }
        return 0;
    }

    /** End of an authority phrase: the first stop word, digit, quote or punctuation. */
    private static int authorityEnd(String s, int from) {
        int i = from;
        int end = from;
        int words = 0;
        while (i < s.length() && words < 10) {
            int ws = i;
            while (ws < s.length() && s.charAt(ws) == ' ') {
                ws++;
            }
            int we = ws;
            while (we < s.length() && !CharClass.isWhitespace(s.charAt(we))) {
                we++;
            }
            if (we == ws) {
                break;
            }
            String w = s.substring(ws, we);
            String bare = TRAILING_WORD_PUNCT.matcher(w).replaceAll("");
            if (bare.isEmpty() || CharClass.isDigit(bare.charAt(0)) || "“\"(".indexOf(bare.charAt(0)) >= 0
                    || AUTHORITY_STOP.contains(bare.toLowerCase(Locale.ROOT))) {
                break;
            }
            end = ws + bare.length();
            if (bare.length() < w.length()) {
                break;
            }
            i = we;
            words++;
        }
        return end;
    }

    /** Splits "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng" into the authority and the person; null when neither. */
    private Authority authority(String phrase) {
        String p = TRAILING_CLAUSE_PUNCT.matcher(phrase.strip()).replaceAll("");
        if (p.isEmpty()) {
            return null;
        }
        String[] words = WHITESPACE_RUN.split(p);
        String person = null;
        int cut = words.length;
        for (int i = 1; i < words.length; i++) {
            // A trailing full name: family name plus two or three capitalized words, and not a place ("tỉnh Hà Tĩnh",
            // "TP Hồ Chí Minh").
            int run = words.length - i;
            if (surnames.contains(words[i]) && run >= 3 && run <= 4 && allCapitalized(words, i)) {
                String name = String.join(" ", List.of(words).subList(i, words.length));
                if (!isPlace(name)) {
                    cut = i;
                    person = name;
                    break;
                }
            }
        }
        if (person == null && words.length >= 3 && surnames.contains(words[0]) && words.length <= 4 && allCapitalized(words, 0)
                && !isPlace(p)) {
            return new Authority(null, p);
        }
        String auth = String.join(" ", List.of(words).subList(0, cut));
        if (!auth.isEmpty() && authorityHead.matcher(auth).find()) {
            return new Authority(auth, person);
        }
        return person == null ? null : new Authority(null, person);
    }

    private boolean isPlace(String name) {
        return places.contains(key(name));
    }

    private static boolean allCapitalized(String[] words, int from) {
        for (int i = from; i < words.length; i++) {
            if (words[i].isEmpty() || !CharClass.isUpperCase(words[i].charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** The person name ending a subject ("Bí thư Tỉnh ủy Thái Thanh Quý" gives "Thái Thanh Quý"), or null. */
    private String trailingPerson(String subject) {
        String[] words = WHITESPACE_RUN.split(subject.strip());
        for (int i = 0; i < words.length; i++) {
            if (surnames.contains(words[i]) && words.length - i >= 2 && allCapitalized(words, i)) {
                return String.join(" ", List.of(words).subList(i, words.length));
            }
        }
        return null;
    }

    private static String readRecipients(String s, int from) {
        int end = from;
        while (end < s.length() && !stopMarkAt(s, end)) {
            end++;
        }
        Matcher stop = RECIPIENT_STOP_WORDS.matcher(s);
        if (RECIPIENT_STOP_WORDS.find(stop, s, from, end)) {
            end = stop.start(); // a stop word before the first stop mark
        }
        return TRAILING_LIST_PUNCT.matcher(s.substring(from, end).strip()).replaceAll("").strip();
    }

    /** A mark that ends a recipient list at i: one of {@code .;:“"”(}, or a dash between whitespace (regex \s). */
    private static boolean stopMarkAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '.' || c == ';' || c == ':' || c == '“' || c == '"' || c == '”' || c == '(') {
            return true;
        }
        return isRegexSpace(c) && i + 2 < s.length() && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '–')
                && isRegexSpace(s.charAt(i + 2));
    }

    /** Java regex {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void addRecipients(Candidate c, String r) {
        if (r.isEmpty()) {
            return;
        }
        Matcher h = honorific.matcher(r);
        if (h.lookingAt()) {
            String name = capitalizedRun(r.substring(h.end()));
            if (!name.isEmpty()) {
                // "ông Nguyễn Văn An và Trần Thị Bình", "ông A, bà B": more people listed after the first
                String[] parts = splitCommasAndAnd(r);
                boolean morePeople = parts.length > 1;
                for (int k = 1; k < parts.length && morePeople; k++) {
                    String p = parts[k].strip();
                    morePeople = !p.isEmpty() && (honorific.matcher(p).lookingAt()
                            || CharClass.isUpperCase(p.charAt(0)) && !titleStart.matcher(p).lookingAt()
                                && !bodyHead.matcher(p).lookingAt());
                }
                if (morePeople) {
                    for (String item : splitList(r)) {
                        addUnique(c.recipients, item);
                    }
                } else {
                    addUnique(c.recipients, name);
                }
                return;
            }
        }
        int count = 0;
        Matcher cm = COUNT.matcher(r);
        while (cm.find()) {
            count += Integer.parseInt(cm.group(1));
        }
        if (count > 0 && c.recipientCount == null) {
            c.recipientCount = count;
        }
        String lower = r.toLowerCase(Locale.ROOT);
        if (CharClass.isDigit(r.charAt(0)) || lower.startsWith("các ") || lower.startsWith("những ") || lower.startsWith("nhiều ")
                || lower.startsWith("toàn thể ")) {
            addUnique(c.recipients, r); // a descriptive span, kept whole
            return;
        }
        for (String item : splitList(r)) {
            addUnique(c.recipients, item);
        }
    }

    private void addSubjectRecipients(Candidate c, String subject) {
        String r = subject.strip();
        r = TRAILING_ADVERBS.matcher(r).replaceFirst("").strip();
        if (NOT_A_SUBJECT.matcher(r).find()) {
            return;
        }
        Matcher rep = REPRESENTING.matcher(r);
        int repEnd = -1;
        while (rep.find()) {
            repEnd = rep.end();
        }
        if (repEnd > 0 && repEnd < r.length()) {
            r = r.substring(repEnd); // "ông A đại diện 600 cán bộ nhân viên nhận": the collective receives it
        }
        r = LEADING_ROLE.matcher(r).replaceFirst("");
        r = TRAILING_ADVERBS.matcher(r).replaceFirst("").strip();
        r = LEADING_ROLE.matcher(r).replaceFirst("").strip();
        if (r.isEmpty() || r.length() > 150) {
            return;
        }
        addRecipients(c, r);
    }

    private static String capitalizedRun(String s) {
        String[] words = WHITESPACE_RUN.split(s);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String bare = TRAILING_WORD_PUNCT.matcher(w).replaceAll("");
            if (bare.isEmpty() || !CharClass.isUpperCase(bare.charAt(0))) {
                break;
            }
            out.add(bare);
            if (bare.length() < w.length()) {
                break;
            }
        }
        return String.join(" ", out);
    }

    /**
     * Splits at commas and at "và". In a list without commas a "và" inside a body's name stays: after an item that
     * opens with an institution head ("Sở", "Bộ", "Ban", ...), a capitalized word that is neither a head, an
     * administrative unit, a title, an honorific nor a listed place continues the name ("Sở Kế hoạch và Đầu tư và
     * huyện Châu Thành" gives two items). With commas, "và" is taken as the list's last separator.
     */
    /**
     * Items at commas and at "và", except a "và" inside a body's name ("Sở Nông nghiệp và Môi trường tỉnh và ông A,
     * Giám đốc …"). Once a comma has been passed, "và" ends the list ("… gồm: Diễn Châu, Con Cuông, Khối Các cơ quan
     * tỉnh và Tân Kỳ").
     */
    private String[] splitCommasAndAnd(String l) {
        int firstComma = l.indexOf(',');
        List<String> out = new ArrayList<>();
        Matcher sep = COMMA_AND_SPLIT.matcher(l);
        int itemStart = 0;
        int from = 0;
        while (sep.find()) {
            String left = l.substring(itemStart, sep.start()).strip();
            boolean isAnd = sep.group().strip().equalsIgnoreCase("và");
            if (isAnd && (firstComma < 0 || sep.start() < firstComma) && continuesBodyName(left, l.substring(sep.end()))) {
                continue; // keep the "và" inside the item
            }
            out.add(l.substring(itemStart, sep.start()));
            itemStart = sep.end();
            from = itemStart;
        }
        out.add(l.substring(Math.max(itemStart, from)));
        return out.toArray(new String[0]);
    }

    /**
     * Text opening with an entry of an entity lexicon file, as a whole word: the entry is what stands before a tab,
     * without the trailing "*" that titles.txt puts on honorifics.
     */
    private static Pattern openingWord(String lexiconFile) {
        List<String> entries = Lexicon.lines(lexiconFile).stream().map(h -> h.split("\t")[0].strip())
                .map(h -> h.endsWith("*") ? h.substring(0, h.length() - 1).strip() : h)
                .filter(h -> !h.isEmpty()).toList();
        return Pattern.compile("^(?:" + Lexicon.alternation(entries) + ")(?![\\p{L}])", FLAGS);
    }

    /** Whether the text opens with a listed province or place of one to three words ("Tân Kỳ", "Bà Rịa - Vũng Tàu"). */
    private boolean startsWithPlace(String text) {
        String[] words = WHITESPACE_RUN.split(text.strip(), 5);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < Math.min(3, words.length); k++) {
            b.append(k == 0 ? "" : " ").append(words[k]);
            if (places.contains(key(b.toString()))) {
                return true;
            }
        }
        return false;
    }

    private boolean continuesBodyName(String left, String right) {
        if (right.isEmpty() || !Character.isUpperCase(right.charAt(0)) || !bodyHead.matcher(left).lookingAt()) {
            return false;
        }
        return !bodyHead.matcher(right).lookingAt() && !adminStart.matcher(right).lookingAt()
                && !titleStart.matcher(right).lookingAt() && !honorific.matcher(right).lookingAt()
                && !startsWithPlace(right);
    }

    private List<String> splitList(String list) {
        String l = TRAILING_ELLIPSIS.matcher(list.strip()).replaceAll("").strip();
        List<String> items = new ArrayList<>();
        String[] parts = l.contains(";") ? SEMICOLON_SPLIT.split(l) : splitCommasAndAnd(l);
        boolean afterPerson = false;
        for (String p : parts) {
            String t = TRAILING_LIST_PUNCT.matcher(LEADING_AND.matcher(p.strip()).replaceAll("")).replaceAll("").strip();
            if (!t.isEmpty()) {
                if (afterPerson && titleStart.matcher(t).lookingAt() && !honorific.matcher(t).lookingAt()) {
                    // "ông Nguyễn Văn Khởi, Giám đốc Công ty …": the position of the person before, not a recipient
                    afterPerson = false;
                    continue;
                }
                Matcher h = honorific.matcher(t);
                afterPerson = false;
                if (h.lookingAt()) {
                    String name = capitalizedRun(t.substring(h.end()));
                    if (!name.isEmpty()) {
                        t = name;
                        afterPerson = true;
                    }
                }
                items.add(t);
            }
        }
        return items;
    }

    private static boolean looksCounted(List<String> recipients) {
        return recipients.size() == 1 && COUNT.matcher(recipients.get(0)).find();
    }

    /** "Cụ thể 1 tập thể và 6 cá nhân gồm: A; B; C" in one of the next sentences lists the recipients. */
    private List<String> listInFollowing(String text, String lower, List<TextSpan> sentences, int i) {
        for (int j = i + 1; j < Math.min(sentences.size(), i + 4); j++) {
            String s = sentences.get(j).of(text);
            String l = sentences.get(j).of(lower);
            if (formWords.foundIn(l, 0, l.length())) {
                return List.of();
            }
            if (!l.contains("gồm")) {
                continue;
            }
            Matcher m = StartScanner.containsFolded(s, "gồm") ? LIST_SENTENCE.matcher(s) : null;
            if (m != null && m.find() && COUNT.matcher(s.substring(0, Math.min(s.length(), m.start(1)))).find()) {
                return splitList(m.group(1));
            }
        }
        return List.of();
    }

    private static void addUnique(List<String> list, String item) {
        String k = key(item);
        for (String x : list) {
            if (key(x).equals(k)) {
                return;
            }
        }
        list.add(item);
    }

    /** Restatements of one conferral merge: same award form and no conflicting conferrer. */
    /**
     * "… tổ chức lễ đón nhận Huân chương Bảo vệ Tổ quốc hạng Nhì. Thiếu tướng A … trao Huân chương.": a bare form
     * without recipients refers back to the named award before it; its giver fills that award's gaps.
     */
    private List<Candidate> foldBareReferences(List<Candidate> found) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            if (c.recipients.isEmpty() && bareForms.contains(c.key)) {
                Candidate named = null;
                for (int k = kept.size() - 1; k >= 0 && named == null; k--) {
                    if (kept.get(k).key.startsWith(c.key + " ")) {
                        named = kept.get(k);
                    }
                }
                if (named != null) {
                    named.presenter = named.presenter != null ? named.presenter : c.presenter;
                    named.conferrer = named.conferrer != null ? named.conferrer : c.conferrer;
                    continue;
                }
            }
            kept.add(c);
        }
        return kept;
    }

    private List<AwardMention> merge(List<Candidate> found, String text) {
        found = foldBareReferences(found);
        // Members of a group agree on the conferrer, so one key per group decides a conflict (linear in mentions).
        // Likewise on a counted recipient description: "Bằng khen cho 25 cá nhân" and "Bằng khen cho 10 tập thể" are two
        // conferrals, whatever else they share.
        List<List<Candidate>> groups = new ArrayList<>();
        List<String> groupConferrers = new ArrayList<>();
        List<Integer> groupCounts = new ArrayList<>();
        for (Candidate c : found) {
            String ck = c.conferrer == null ? null : key(c.conferrer);
            Integer cc = looksCounted(c.recipients) ? c.recipientCount : null;
            int home = -1;
            for (int i = 0; i < groups.size(); i++) {
                String gk = groupConferrers.get(i);
                Integer gc = groupCounts.get(i);
                if (groups.get(i).get(0).key.equals(c.key) && (gk == null || ck == null || gk.equals(ck))
                        && (gc == null || cc == null || gc.equals(cc))) {
                    home = i;
                    break;
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>());
                groupConferrers.add(null);
                groupCounts.add(null);
                home = groups.size() - 1;
            }
            groups.get(home).add(c);
            if (groupConferrers.get(home) == null && ck != null) {
                groupConferrers.set(home, ck);
            }
            if (groupCounts.get(home) == null && cc != null) {
                groupCounts.set(home, cc);
            }
        }
        List<AwardMention> out = new ArrayList<>();
        for (List<Candidate> g : groups) {
            Candidate best = g.get(0);
            for (Candidate c : g) {
                if (c.completeness() > best.completeness()) {
                    best = c;
                }
            }
            String conferrer = best.conferrer;
            String presenter = best.presenter;
            String title = best.title;
            Integer count = best.recipientCount;
            Integer year = best.year;
            Set<String> recipients = new LinkedHashSet<>(best.recipients);
            Set<String> recipientKeys = new HashSet<>();
            for (String r : best.recipients) {
                recipientKeys.add(key(r));
            }
            for (Candidate c : g) {
                conferrer = conferrer != null ? conferrer : c.conferrer;
                presenter = presenter != null ? presenter : c.presenter;
                title = title != null ? title : c.title;
                year = year != null ? year : c.year;
                for (String r : c.recipients) {
                    if (recipients.size() < MAX_RECIPIENTS && recipientKeys.add(key(r))) {
                        recipients.add(r);
                    }
                }
            }
            out.add(new AwardMention(best.award, conferrer, presenter, title, List.copyOf(recipients), count, year,
                    text.substring(best.start, best.end), best.start, best.end, confidence(best, g.size())));
        }
        return out;
    }

    /**
     * A named form in a conferral statement, surer with each field the statement fills (conferrer and recipients
     * count double, as in {@link Candidate#completeness()}) and when the article restates it (lead, caption, body).
     */
    private static double confidence(Candidate best, int statements) {
        double c = Confidence.supported(AWARD_STATEMENT, best.completeness(), Candidate.MAX_COMPLETENESS);
        return statements > 1 ? Confidence.combined(c, RESTATEMENT) : c;
    }

    private static String awardKey(String award) {
        String k = key(award);
        if (!k.contains("hang ")) {
            return k; // each rank pattern needs it: no regex for most forms
        }
        k = RANK_1.matcher(k).replaceAll("hang 1");
        k = RANK_2.matcher(k).replaceAll("hang 2");
        k = RANK_3.matcher(k).replaceAll("hang 3");
        return k;
    }

    /** Lower case, no tone marks or diacritics, single spaces: for comparing restatements. */
    static String key(String s) {
        // per-char tables below U+2070 (Latin, Vietnamese, punctuation); anything else takes the reference path
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= KEY_TABLE || c == '\u0130' || c == '\u03A3') {
                return referenceKey(s);
            }
            String folded = KEY_FOLD[c];
            for (int k = 0; k < folded.length(); k++) {
                char x = folded.charAt(k);
                if (x >= KEY_TABLE) {
                    return referenceKey(s);
                }
                if (KEY_WORD_CHAR[x]) {
                    if (gap && b.length() > 0) {
                        b.append(' ');
                    }
                    gap = false;
                    b.append(x);
                } else {
                    gap = true;
                }
            }
        }
        return b.toString();
    }

    /** The definition of {@link #key(String)}: it was a fifth of the award extractor's time, hence the tables. */
    static String referenceKey(String s) {
        String d = MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD_RUN.matcher(d.replace('đ', 'd')).replaceAll(" ").strip();
    }

    private static final char KEY_TABLE = '\u2070';
    /** Each char lower-cased, decomposed, marks removed, đ as d. */
    private static final String[] KEY_FOLD = new String[KEY_TABLE];
    /** Chars that {@code [\p{L}\p{N}]} matches. */
    private static final boolean[] KEY_WORD_CHAR = new boolean[KEY_TABLE];

    static {
        Pattern wordChar = Pattern.compile("[\\p{L}\\p{N}]");
        for (char c = 0; c < KEY_TABLE; c++) {
            String one = String.valueOf(c);
            KEY_FOLD[c] = MARKS.matcher(Normalizer.normalize(one.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("")
                    .replace('đ', 'd');
            KEY_WORD_CHAR[c] = wordChar.matcher(one).matches();
        }
    }
}
