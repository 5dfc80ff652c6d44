package io.newspipe.extraction.awards;

import io.newspipe.extraction.CharClass;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.text.Lexicon;
import io.newspipe.extraction.reference.AdminLevel;
import io.newspipe.extraction.reference.AdminUnits;
import io.newspipe.extraction.reference.CentralBodies;
import io.newspipe.extraction.text.PhraseSet;
import io.newspipe.extraction.text.TextSpan;
import io.newspipe.extraction.text.ParsedArticle;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** @param open its name is only shaped like one (an unlisted title, order or medal, a flag with a quoted title) */
    private record Form(String award, Kind kind, int start, int end, boolean quotedTitle, boolean open) {
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
        /** A conferral verb stands right before the form in its own clause ("… được tặng Bằng khen"). */
        boolean ownFrame;
        /** "30 Cờ thi đua", "55 bằng khen của Thủ tướng": how many of the form a tally counts, else null. */
        Integer tally;
        /** The conferrer is the agent after the form ("… do Chủ tịch nước tặng"), not its genitive ("… của X"). */
        boolean conferrerIsAgent;
        /** The form's name is only shaped like one ({@link Form#open()}). */
        boolean openForm;
        /** The recipients are inferred: shared with a coordinated form, a tally's statement, or a name referred back to. */
        boolean inferred;
        /** Which decision's list the candidate is an item of (its items merge only with each other), 0 for none. */
        int list;
        /** "Huân chương Lao động các hạng": the order in all its classes, which the article may then list. */
        boolean allClasses;
        /** One item of a record of honours (clauses at ";", or several counted groups): a conferral of its own. */
        boolean record;
        /** The number of the decision its sentence cites ("Quyết định số 2364/QĐ-CTN"), or null. */
        String decision;
        /** The conferrer is the subject of an active giving verb ("UBND tỉnh tặng …"): whoever hands the award over. */
        boolean conferrerFromGiver;

        static final int MAX_COMPLETENESS = 8;

        /** The same conferral in another year ("hạng Nhất (1999 và 2009)": given twice). */
        Candidate inYear(int otherYear) {
            Candidate c = new Candidate();
            c.award = award;
            c.conferrer = conferrer;
            c.presenter = presenter;
            c.title = title;
            c.recipients = new ArrayList<>(recipients);
            c.recipientCount = recipientCount;
            c.year = otherYear;
            c.start = start;
            c.end = end;
            c.key = key;
            c.ownFrame = ownFrame;
            c.tally = tally;
            c.conferrerIsAgent = conferrerIsAgent;
            c.openForm = openForm;
            c.inferred = inferred;
            c.list = list;
            c.record = record;
            c.decision = decision;
            c.conferrerFromGiver = conferrerFromGiver;
            c.allClasses = allClasses;
            return c;
        }

        int completeness() {
            return (conferrer != null ? 2 : 0) + (recipients.isEmpty() ? 0 : 2) + (title != null ? 1 : 0)
                    + (year != null ? 1 : 0) + (recipientCount != null ? 1 : 0) + (presenter != null ? 1 : 0);
        }
    }

    /** Confidence of a named award form in a statement with a conferral verb, before its fields are read. */
    private static final double AWARD_STATEMENT = 0.6;
    /** Less sure: a name only shaped like an award's, recipients inferred, no recipients at all. */
    private static final double OPEN_FORM = 0.1;
    private static final double INFERRED = 0.1;
    private static final double NO_RECIPIENT = 0.2;
    /** The same conferral stated again elsewhere in the article, as independent evidence. */
    private static final double RESTATEMENT = 0.3;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // precompiled: String.replaceAll/split/matches compiled these on every call
    private static final Pattern DANH_HIEU_PREFIX = Pattern.compile("(?i)^danh hiệu\\s+");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"]");
    /** "cho X" between a giving verb and its form. */
    private static final Pattern OBJECT_FIRST = Pattern.compile("\\s*cho\\s+([^,;:]+?)\\s*$", FLAGS);
    /** A named recipient right after a giving verb, without "cho" ("trao tặng Công ty CP X Huân chương …"). */
    private static final Pattern NAMED_OBJECT_FIRST = Pattern.compile("\\s*((?-i:\\p{Lu})[^,;:()]*?)\\s*$", FLAGS);
    /** A recipient written right after the form, without "cho": a counted or collective group, a person. */
    private static final Pattern DIRECT_OBJECT = Pattern.compile("\\s*(?!các\\s+(?:hạng|loại|cấp)(?![\\p{L}]))(?=(?:\\d|cá nhân|tập thể|các|những|nhiều|một số|đơn vị|cán bộ|"
            + "chiến sĩ|học sinh|gia đình|ông|bà|anh|chị|đồng chí)(?![\\p{L}]))", FLAGS);
    private static final Pattern FLAG_CITATION = Pattern.compile("\\s*(?:đơn vị\\s+)?(?:thi đua\\s+)?(?:xuất sắc|dẫn đầu|tiên tiến)"
            + "(?![\\p{L}])", FLAGS);
    private static final Pattern GIVE_TO_GENERIC_END = Pattern.compile("(?s).*(?:trao|tặng|nhận)\\s+(?:các|những)\\s*$");
    private static final Pattern CHUNK_SEPARATORS = Pattern.compile("[,;:()“”\"]+");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final String TRAILING_WORD_PUNCT_CHARS = ",.;:!?)”\"";
    private static final Pattern TRAILING_WORD_PUNCT = Pattern.compile("[" + TRAILING_WORD_PUNCT_CHARS + "]+$");
    private static final Pattern TRAILING_CLAUSE_PUNCT = Pattern.compile("[,.;:]+$");
    private static final Pattern TRAILING_LIST_PUNCT = Pattern.compile("[,.;]+$");
    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("[.…|]+$");
    private static final Pattern SEMICOLON_SPLIT = Pattern.compile("\\s*;\\s*");
    private static final Pattern COMMA_AND_SPLIT = Pattern.compile("\\s*,\\s*|\\s+và\\s+");
    /** "Phó Giáo sư, Tiến sĩ A": a title alone is no item of a list. */
    private boolean isHonorificAlone(String item) {
        Matcher m = honorific.matcher(item + " X");
        return m.lookingAt() && m.end() == item.length() + 1;
    }

    /** "nguyên Trưởng Bộ môn …": a former position. */
    private static final Pattern FORMER = Pattern.compile("^nguyên\\s+(?=\\p{Lu})");
    /** "1.Ủy ban …", "2) Đài …": the number of a list item. */
    private static final Pattern ITEM_NUMBER = Pattern.compile("^\\d{1,2}\\s*[.)]\\s*(?=\\p{L})");
    /** A clause opened by a conjunction alone has the subject of the clause before it. */
    private static final Pattern CONJUNCTION_ONLY = Pattern.compile("(?:và|rồi|đồng thời|cùng|còn|sau đó)(?:\\s+(?:cũng|còn|đã|lại))?",
            FLAGS);
    private static final Pattern LEADING_AND = Pattern.compile("^(?:và|cùng)\\s+");
    private static final Pattern LEADING_YEAR_OR_ADVERB = Pattern.compile("^(?:\\d{4}|liên tục|liên tiếp|cũng|đều)(?![\\p{L}\\p{N}])\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
    /** Acting for an authority: "thừa ủy quyền (của) Chủ tịch nước", "được sự ủy quyền của …", "thay mặt …". */
    private static final Pattern DELEGATED = Pattern.compile(
            "(?<![\\p{L}])(?:thừa ủy quyền|thừa lệnh|thay mặt|được\\s+(?:sự\\s+)?ủy quyền)(?:\\s+của)?\\s+", FLAGS);
    private static final Pattern TO = Pattern.compile(
            "(?<![\\p{L}])(?:tặng cho|trao cho|trao tặng cho|trao tặng|truy tặng|tặng|cho|đối với|đến(?=\\s+(?:các|những|\\d|(?-iu:\\p{Lu})|ông|bà|anh|chị|ngài|đồng chí)))"
                    + "\\s+(?!(?:biết|rằng|hay|thấy|là|thưởng)(?![\\p{L}]))",
            FLAGS);
    /** "Chia sẻ về niềm vui được nhận …": the clause names a feeling, not the recipient. */
    private static final Pattern NOT_A_SUBJECT = Pattern.compile(
            "(?<![\\p{L}])(?:niềm vui|vinh dự|tự hào|xúc động|khi|lúc|sau khi|trước khi|chia sẻ|mong muốn|để)\\s*$", FLAGS);
    /** A clause of what the recipient contributed, between the subject and its predicate. */
    private static final Pattern CONTRIBUTION = Pattern.compile("(?:góp phần|đóng góp|có nhiều đóng góp)(?![\\p{L}])", FLAGS);
    private static final Pattern REPRESENTING = Pattern.compile("(?<![\\p{L}])đại diện(?:\\s+cho)?\\s+", FLAGS);
    /** A list opened by a colon right after the form and its attachments ("…: A; B", "… có các lãnh đạo: A; B"). */
    private static final Pattern COLON_LIST = Pattern.compile(
            "(?:\\s+(?:có|là|cho)(?:\\s+(?:các|những))?(?:(?!vì(?![\\p{L}]))[^:;.]){0,40})?\\s*:\\s*(.+)$", FLAGS);
    private static final Pattern LIST = Pattern.compile("(?<![\\p{L}])gồm(?:\\s+có)?([^:;.]{0,60}):\\s*(.+)$", FLAGS);
    private static final Pattern LIST_SENTENCE = Pattern.compile("^[^:]{0,100}?(?<![\\p{L}])gồm(?:\\s+có)?\\s*[^:;.]{0,40}:\\s*(.+)$", FLAGS);
    /** A counted group: "16 cá nhân", "1.355 học sinh" (thousands separated by dots), "8.619 lượt tập thể". */
    private static final String GROUP_NOUN = "(?:tập thể|cá nhân|đơn vị|đồng chí|người|đảng viên|tổ chức(?: đảng)?|chiến sĩ|cán bộ|hộ|"
            + "gia đình|học sinh|giáo viên|nhà giáo|y bác sĩ|doanh nghiệp|đảng bộ|chi bộ|địa phương|cơ quan|công dân|hội viên|đoàn viên)";
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:\\.\\d{3})+|\\d+)\\s+(?:lượt\\s+)?(" + GROUP_NOUN + ")(?![\\p{L}])", FLAGS);
    /** "cho các đồng chí: A - …; B - …": a plural group that a list after the colon names. */
    private static final Pattern PLURAL_GROUP = Pattern.compile("^(?:các|những)\\s+" + GROUP_NOUN + "$", FLAGS);
    /** Counted groups coordinated by commas or "và", and nothing else: "4.222 tập thể, 19.729 cá nhân". */
    private static final Pattern COUNTED_GROUPS = Pattern.compile(
            "(?:" + COUNT.pattern() + ")(?:\\s*(?:,|\\s và)\\s*(?:" + COUNT.pattern() + "))*", FLAGS);
    /** A counted group and its comma or "và" that end a clause: "9 tập thể," of "9 tập thể, 31 cá nhân được …". */
    /** A group noun without its count, counted by the group before it ("12.500 tập thể, cá nhân"). */
    private static final Pattern BARE_GROUP = Pattern.compile("(?:tập thể|cá nhân|đơn vị)", FLAGS);
    /** "cho" or a giving verb right before a counted group: the group is an object, not a clause's subject. */
    private static final Pattern GIVEN_TO_BEFORE = Pattern.compile("(?<![\\p{L}])(?:cho|tặng|trao)\\s*$", FLAGS);
    private static final Pattern COUNTED_GROUP_BEFORE = Pattern.compile(
            "(?:" + COUNT.pattern() + ")\\s*(?:,|\\s và)\\s*$", FLAGS);
    /**
     * Where a recipient list ends: a word of this pattern, or a mark of {@link #stopMarkAt} (whichever comes first).
     * The words are looked for with a {@link StartScanner} (only where one of their first words stands; it refuses a
     * first-word list the pattern has outgrown).
     */
    private static final StartScanner RECIPIENT_STOP_WORDS = new StartScanner(Pattern.compile(
            "(?<![\\p{L}])(?:đã có|có thành tích|có nhiều thành tích|vì|do|đạt thành tích|với thành tích|với những|về thành tích|về những|"
                    + "nhân dịp|nhân kỷ niệm|nhằm|ghi nhận|trong|năm (?:19|20)\\d{2}|gồm|đã|tại|thuộc diện|"
                    + "sau khi|trước khi|khi|đồng thời|cụ thể)(?![\\p{L}])",
            FLAGS), List.of('đ', 'c', 'v', 'd', 'n', 'g', 't', 's', 'k'),
            List.of("đã", "có", "vì", "do", "đạt", "với", "về", "nhân", "nhằm", "ghi", "trong", "năm", "gồm", "tại", "thuộc", "sau",
                    "trước", "khi", "đồng", "cụ"));
    private static final Pattern GENERIC_BEFORE = Pattern.compile("(?<![\\p{L}])(?:các|những|nhiều|hàng|mọi)(?:\\s+[^\\s,;:()]+){0,3}\\s*$",
            FLAGS);
    private static final Pattern GENERIC_AFTER = Pattern.compile("^\\s*(?:khác|các loại|các cấp)(?![\\p{L}])", FLAGS);
    private static final Pattern LEADING_ROLE = Pattern.compile(
            "^(?:(?:đại diện(?: cho)?|thay mặt|tập thể|cùng|và)\\s+)+", FLAGS);
    private static final Pattern TRAILING_ADVERBS = Pattern.compile(
            "(?:\\s+(?:vừa|đã|được|vinh dự|rất|cũng|còn|chính thức|mới|vừa qua|là|sẽ|đều|lên|đại diện|đã vinh dự|vừa vinh dự|từng|đã từng|"
                    + "liên tục|liên tiếp))+\\s*$",
            FLAGS);
    /** "… tổ chức lễ đón", "… long trọng tổ chức Lễ kỷ niệm 60 năm thành lập và đón" before a receiving verb. */
    private static final Pattern HOLDS_CEREMONY = Pattern.compile(
            "\\s+(?:(?:long|trang) trọng\\s+)?tổ chức\\s+(?:buổi\\s+)?(?:lễ|mít tinh)(?![\\p{L}])[^,;:]{0,100}$", FLAGS);
    private static final Pattern SUBJECT_END = Pattern.compile(
            "(?<![\\p{L}])(?:ký|đã|vừa|sẽ|cũng|chính thức|trân trọng|long trọng|công bố|quyết định|ban hành)(?![\\p{L}])", FLAGS);
    /** "(đến) dự lễ kỷ niệm … và" before a receiving verb: the subject is a guest of the ceremony. */
    /** A sentence opening with "(Đến) (tham) dự (buổi) lễ trao …" up to a form: the form names the ceremony. */
    private static final Pattern GUESTS_OF_CEREMONY = Pattern.compile(
            "^\\s*(?:(?:đến|tới)\\s+)?(?:tham\\s+)?dự\\s+(?:buổi\\s+)?lễ(?![\\p{L}])[^,;:]*$", FLAGS);
    private static final Pattern ATTENDS_CEREMONY = Pattern.compile(
            "(?<![\\p{L}])(?:dự|tham dự|chủ trì|chứng kiến|tại)\\s+(?:buổi\\s+)?(?:lễ|mít tinh)(?![\\p{L}])[^,;:]{0,100}$", FLAGS);
    /** "tổ chức (buổi) Lễ …" (group 1: the host) or "dự Lễ …" before the giving verb. */
    private static final Pattern HOSTS = Pattern.compile(
            "(?<![\\p{L}])(?:(tổ chức)|dự|tham dự|chủ trì)\\s+(?:buổi\\s+)?lễ(?![\\p{L}])", FLAGS);
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

    /**
     * Words that make a conferral a proposal: "đề nghị (xét) tặng", "dự kiến tặng", "trình Chủ tịch nước tặng". The
     * decision's preamble ("theo đề nghị của Sở Nội vụ, UBND tỉnh tặng …") is not one ({@link #PREAMBLE}).
     */
    private static final Pattern PROPOSAL = Pattern.compile("(?<![\\p{L}])(?:đề nghị|đề xuất|kiến nghị|dự kiến|xét chọn|xét duyệt|"
            // "tham mưu UBND tỉnh ban hành quyết định tặng …": advice on a decision still to be taken
            + "thẩm định|tham mưu|trình(?=\\s+(?:về\\s+|lên\\s+)?"
            + "(?:Chủ tịch|Thủ tướng|Chính phủ|Nhà nước|Hội đồng|Bộ trưởng|UBND|Ủy ban|cấp|Trung ương)))(?![\\p{L}])", FLAGS);
    private static final StartScanner PROPOSAL_SCAN = new StartScanner(PROPOSAL, List.of('đ', 'k', 'd', 't', 'x'),
            List.of("đề nghị", "đề xuất", "kiến nghị", "dự kiến", "xét chọn", "xét duyệt", "thẩm định", "tham mưu", "trình"));
    /** "huyện phấn đấu hằng năm có 85% đơn vị đạt danh hiệu …": a goal; nothing after it in the sentence is conferred. */
    private static final Pattern GOAL = Pattern.compile("(?<![\\p{L}])(?:phấn đấu|mục tiêu|chỉ tiêu)(?![\\p{L}])", FLAGS);
    /** "thông qua (đề nghị)", "thống nhất (đề nghị)": a council agreeing on what it proposes, right before it. */
    private static final Pattern APPROVED = Pattern.compile("(?<![\\p{L}])(?:thông qua|thống nhất)\\s*$", FLAGS);
    private static final Pattern PREAMBLE = Pattern.compile("(?:theo|xét|trên cơ sở|căn cứ|thực hiện)\\s*$", FLAGS);
    /** A public consultation on proposed honours ("lấy ý kiến nhân dân về việc tặng …"): nothing in it is conferred yet. */
    private static final Pattern CONSULTATION = Pattern.compile("(?<![\\p{L}])(?:lấy ý kiến|xin ý kiến|hiệp y)(?![\\p{L}])",
            FLAGS);
    private static final StartScanner CONSULTATION_SCAN = new StartScanner(CONSULTATION, List.of('l', 'x', 'h'),
            List.of("lấy ý kiến", "xin ý kiến", "hiệp y"));
    /** How a list item opens: "1.", "2)", "-", "+", or a subjectless "Tặng …" / "Truy tặng …". */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}\\s*[.)]|[-–+•*]|(?:Tặng|Truy tặng|Phong tặng|Trao|Trao tặng)(?![\\p{L}])"
            + "|Năm\\s+(?:19|20)\\d{2}\\s*:|(?:19|20)\\d{2}\\s*\\|)"); // "Năm 2019: Cờ thi đua …", "2019 | …": a record's years
    /** "…: 54 tập thể" after a form and its authority. */
    private static final Pattern COUNT_AFTER_COLON = Pattern.compile("[^:;.]{0,40}:\\s*\\d");
    /** A tally opening its enumeration: "Trong đó, có 51 danh hiệu …". */
    private static final Pattern TALLY_OPENING = Pattern.compile("^\\s*(?:Trong đó|Trong số đó|Cụ thể|Bao gồm|Gồm)(?![\\p{L}])",
            FLAGS);
    /** "… 4 lần được UBND tỉnh tặng …": how often, not who. */
    private static final Pattern FREQUENCY = Pattern.compile(
            "^(?:\\d+|nhiều|một|hai|ba|bốn|năm)\\s+lần(?:\\s+(?:liên tiếp|liền))?(?![\\p{L}])\\s*", FLAGS);
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^(?:(?:vào\\s+)?(?:năm|tháng)\\s+[\\d/]+(?:\\s*[-–]\\s*\\d{4}(?!\\d))?|năm học\\s+\\d{4}\\s*[-–]\\s*\\d{4}"
                    // how long, not who: "Nhiều năm liền nhà trường …", "5 năm liên tục Công an tỉnh …", "liên tục 3 năm"
                    + "|(?:nhiều|\\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\\s+năm\\s+(?:liền|liên tục|liên tiếp)"
                    + "|liên tục\\s+(?:nhiều|\\d+)\\s+năm(?:\\s+liền)?"
                    + "|(?:trong\\s+)?(?:\\d+|nhiều|những)\\s+năm\\s+(?:qua|gần đây)|\\d+\\s+năm$)(?![\\p{L}])\\s*,?\\s*", FLAGS);
    private static final Pattern TRAILING_FREQUENCY = Pattern.compile(
            "\\s+(?:\\d+|nhiều|hai|ba|bốn|năm)\\s+(?:lần(?:\\s+(?:liên tiếp|liền))?|năm\\s+(?:liền|liên tục|liên tiếp))$", FLAGS);
    private static final Pattern DATE_YEAR = Pattern.compile("(?<![\\d/])\\d{1,2}/\\d{1,2}/((?:19|20)\\d{2})(?!\\d)");
    /** "trao Quyết định 2862/QĐ-CTN của Chủ tịch nước về việc tặng thưởng …": the decision's author confers. */
    private static final Pattern DECISION_OF = Pattern.compile(
            "(?<![\\p{L}])quyết định(?:\\s+số)?(?:\\s+[\\p{N}][\\p{L}\\p{N}/.-]*)?(?:\\s+ngày\\s+[\\p{N}/.-]+)?\\s+của\\s+", FLAGS);

    private final StartScanner formPattern;
    /** Cheap screen: a sentence without any of these words cannot hold an award form. */
    private final PhraseSet formWords;
    private final StartScanner verbPattern;
    // with their literal openings: words starting with t/n are everywhere, the regex runs only where these stand
    private static final StartScanner DELEGATED_SCAN = new StartScanner(DELEGATED, List.of('t', 'đ'),
            List.of("thừa ủy quyền", "thừa lệnh", "thay mặt", "được"));
    private static final StartScanner YEAR_SCAN = new StartScanner(YEAR, List.of('n'), List.of("năm"));
    private final List<String[]> verbs;
    private final Pattern passive;
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
            "truy", "phong", "gắn", "đại", "thừa", "thay", "là", "đồng", "biểu", "tuyên", "vinh", "cùng", "hôm", "được", "gồm", "dự",
            "còn", "cũng",
            "tham", "chủ", "tổ");

    /** The level a plain form is given at ("Cờ thi đua cấp tỉnh", "Bằng khen cấp bộ"): part of its name. */
    private static final String LEVELS = "tỉnh|thành phố|huyện|bộ|ngành|bộ, ngành|cơ sở|trung ương|quốc gia|toàn quốc";
    /** Words after which a capitalized title written after "danh hiệu" has ended ("… Anh hùng LLVT lần thứ 2 cho …"). */
    /** A plain form's grade or level, left out of its comparison key: the lead's "Cờ thi đua" restates "Cờ thi đua xuất sắc". */
    private static final Pattern PLAIN_QUALIFIER = Pattern.compile(" (?:xuat sac|cap .+)$");
    /** A hero title's era, left out of its key: "Anh hùng Lao động" restates "Anh hùng Lao động thời kỳ đổi mới". */
    private static final Pattern HERO_ERA_KEY = Pattern.compile("^(anh hung .+?) (?:trong )?thoi ky .+$");
    private static final Set<String> TITLE_END = Set.of("của", "cho", "tặng", "do", "trao", "năm", "vì", "với", "đã", "vừa",
            "tại", "nhân", "lần", "trong", "đối", "được", "sau", "khi", "từ", "và", "cùng", "là", "theo", "ngày", "này", "mà");
    private static final Set<String> CAUSE_END = Set.of("của", "cho", "tặng", "do", "trao", "năm", "vì", "với", "đã", "vừa",
            "tại", "nhân");

    /** The literal openings of every alternative of the form pattern below (StartScanner refuses them if one is missing). */
    private static List<String> formStarts(List<String> plainTitles) {
        List<String> starts = new ArrayList<>(List.of("Huân chương", "Huy chương", "Kỷ niệm chương", "Bằng khen",
                "Giấy khen", "Cờ thi đua", "Cờ truyền thống", "Cờ", "danh hiệu", "Huy hiệu"));
        starts.addAll(plainTitles);
        return starts;
    }

    /**
     * A title as listed and in the other spelling of its final "i"/"y" syllable, which Vietnamese writes both ways
     * ("Chiến sĩ"/"Chiến sỹ thi đua", "Nghệ sĩ"/"Nghệ sỹ ưu tú").
     */
    private static List<String> spellings(String title) {
        String other = title.replace("sĩ", "sỹ");
        return other.equals(title) ? List.of(title) : List.of(title, other);
    }

    /** Keys of abbreviated titles and of the titles they stand for (awards-titles.tsv, "=title"). */
    private final Map<String, String> titleAbbreviations = new HashMap<>();

    public AwardExtractor() {
        List<String> titles = new ArrayList<>();
        List<String> plainTitles = new ArrayList<>();
        for (String[] row : Lexicon.rows("awards-titles.tsv")) {
            for (String title : spellings(row[0])) {
                titles.add(title);
                if (row.length > 1 && row[1].startsWith("=")) {
                    titleAbbreviations.put(key(title), key(row[1].substring(1))); // "NNND" is "Nghệ nhân nhân dân"
                    plainTitles.add(title);
                } else if (row.length > 1 && row[1].contains("D")) {
                    titlesNeedingPrefix.add(key(title));
                } else {
                    plainTitles.add(title);
                }
            }
        }
        String orders = Lexicon.alternation(Lexicon.lines("awards-orders.txt"));
        String medals = Lexicon.alternation(Lexicon.lines("awards-medals.txt"));
        List<Character> formFirstLetters = new ArrayList<>(List.of('H', 'K', 'B', 'G', 'C', 'd'));
        for (String t : plainTitles) {
            formFirstLetters.add(t.charAt(0));
        }
        formPattern = new StartScanner(Pattern.compile("(?<![\\p{L}])(?:"
                + "(?<order>Huân\\s+chương(?:\\s+(?:" + orders + "))?(?:\\s+hạng\\s+(?:Nhất|Nhì|Ba|III|II|I|[123]))?)"
                + "|(?<medal>(?:Huy chương|Kỷ niệm chương)\\s+(?:“[^”\\n]{2,80}”|\"[^\"\\n]{2,80}\"|(?:" + medals + "))"
                + "(?:\\s+hạng\\s+(?:Nhất|Nhì|Ba|III|II|I|[123]))?"
                // a badge named in quotes or by years of Party membership: "Huy hiệu “Vì sự nghiệp …”", "Huy hiệu 40 năm tuổi Đảng"
                + "|Huy hiệu\\s+(?:“[^”\\n]{2,80}”|\"[^\"\\n]{2,80}\"|\\d{2}\\s+năm(?:\\s*(?:,|và)\\s*\\d{2}\\s+năm)*(?:\\s+tuổi\\s+Đảng)?"
                + "|(?-i:Đảng)))"
                + "|(?<plain>(?:Bằng khen|Giấy khen|Cờ thi đua(?:\\s+xuất sắc)?|Cờ truyền thống|Kỷ niệm chương"
                + "|Cờ(?:\\s+\\d+\\s+chữ\\s+vàng)?(?=\\s*[“\"]\\p{L})|Cờ\\s+(?:nhất|nhì|ba)(?=\\s|[,.;])"
                // "cờ dẫn đầu phong trào thi đua", "Cờ đơn vị thi đua xuất sắc": a flag named by its citation
                + "|Cờ(?=\\s+(?:đơn vị\\s+)?(?:thi đua\\s+)?(?:dẫn đầu|xuất sắc)(?![\\p{L}]))"
                // "tặng cờ, bằng khen, giấy khen": a flag coordinated with other forms
                + "|Cờ(?=\\s*(?:,|và)\\s*(?:bằng khen|giấy khen)(?![\\p{L}]))"
                // "cờ luân lưu", "tặng cờ của Liên hiệp Hội Việt Nam": a flag named by its kind or its giver
                + "|Cờ\\s+luân\\s+lưu|(?<=tặng\\s)Cờ(?=\\s+của\\s+(?-i:\\p{Lu}))"
                + "|Huy chương(?=\\s+(?-iu:\\p{Lu})))"
                + "(?:\\s+cấp\\s+(?:" + LEVELS + "))?)"
                + "|(?<prefixed>danh hiệu\\s+(?:[“\"][^”\"\\n]{2,120}[”\"]|(?:" + Lexicon.alternation(titles) + ")))"
                + "|(?<open>danh hiệu)(?=\\s+(?-iu:\\p{Lu}))"
                + "|(?<title>" + Lexicon.alternation(plainTitles) + ")"
                + ")(?![\\p{L}])", FLAGS), formFirstLetters, formStarts(plainTitles));
        List<String> screen = new ArrayList<>(List.of("huân chương", "huy chương", "kỷ niệm chương", "bằng khen", "giấy khen",
                "cờ thi đua", "cờ truyền thống", "cờ", "danh hiệu", "huy hiệu"));
        screen.addAll(plainTitles);
        formWords = new PhraseSet(screen);
        verbs = Lexicon.rows("awards-verbs.tsv");
        // "được X tặng thưởng …": X is the giver of a passive frame, with any giving verb of the lexicon
        passive = Pattern.compile("(?<![\\p{L}])được\\s+((?:(?!(?<![\\p{L}])được(?![\\p{L}])).){2,80}?)\\s+(?:" + Lexicon.alternation(verbs.stream()
                .filter(r -> r[1].equals("GIVE") || r[1].equals("PRESENT")).map(r -> r[0]).toList()) + ")\\s*$", FLAGS);
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

    /** "… cho" right before a count: the giving preposition of a form ("cờ thi đua của Chính phủ cho 5 đơn vị"). */
    private static final Pattern GIVEN_FOR_COUNT = Pattern.compile("(?<![\\p{L}])cho\\s+(?:(?:khoảng|gần|hơn|trên)\\s+)?$", FLAGS);

    /**
     * Whether the count starting at {@code countStart} is the group an award form goes to, proposed or given: "xét duyệt
     * cờ thi đua xuất sắc của tỉnh cho 69 đơn vị", "bằng khen của Chủ tịch UBND tỉnh cho 74 đơn vị". A form stands
     * before it in the same clause (no ";" or sentence end between) and "cho" right before it.
     */
    public boolean awardGoesToCount(String text, int countStart) {
        // "cho" within the few chars before the count first: most counts have none, and cost no more
        if (!GIVEN_FOR_COUNT.matcher(text).region(Math.max(0, countStart - 16), countStart).useTransparentBounds(true).find()) {
            return false;
        }
        int from = countStart;
        while (from > 0 && countStart - from < 160 && ";.!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        String before = text.substring(from, countStart);
        return formPattern.find(formPattern.matcher(before), before, 0);
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
        boolean proposalItems = false; // the items after "… đề nghị Thủ tướng Chính phủ tặng thưởng:" are proposals too
        boolean conferralItems = false; // the items after "Chủ tịch nước quyết định tặng thưởng …:" are conferrals
        String listConferrer = null;
        int list = 0;
        for (int i = 0; i < sentences.size(); i++) {
            TextSpan span = sentences.get(i);
            boolean listItem = (proposalItems || conferralItems)
                    && (looksLikeListItem(text, span) || formLabelsLine(text, span));
            boolean proposalItem = proposalItems && listItem;
            boolean conferralItem = conferralItems && listItem;
            proposalItems = proposalItem || endsProposalList(text, span);
            boolean opensList = !proposalItems && !conferralItem && endsWithColon(text, span)
                    && verbPattern.find(verbPattern.matcher(span.of(text)), span.of(text), 0);
            if (opensList) {
                listConferrer = subjectAuthority(span.of(text));
                list = i + 1;
            }
            conferralItems = conferralItem || opensList;
            if (!formWords.foundInRegion(article.words(), span.start(), span.end())) {
                continue;
            }
            String s = span.of(text);
            List<Form> forms = forms(s);
            if (forms.isEmpty() || proposalItem) {
                continue;
            }
            List<String> above = linesAbove(text, span); // the list the sentence is an item of, if any
            String intro = listIntro(above);
            String introHolder = listIntroHolder(intro);
            if (introHolder == null) {
                introHolder = achievementsHolder(nearestHeading(above)); // "1. Thành tích của nhà trường:" over "- …"
            }
            String tallied = null; // "… được khen thưởng. Trong đó, có 51 danh hiệu …, 2 Huân chương …": a tally
            if (conferralItem) {
                tallied = ""; // "- Huân chương Lao động hạng Ba cho …;": an item of the decision's list
            } else if (!verbPattern.find(verbPattern.matcher(s), s, 0)) {
                tallied = i > 0 && isTally(s, forms) ? tallyContext(sentences.get(i - 1).of(text)) : null;
                if (tallied == null && isTally(s, forms) && LABELLED_BLOCK.matcher(s).lookingAt()) {
                    tallied = ""; // "* Tập thể : 14 bằng khen của UBND tỉnh; 2 Cờ thi đua …": the label says who
                }
                if (tallied == null && (introHolder != null || onDatedListLine(text, span))) {
                    // "Những thành tích của Bệnh viện A:" over "- Huân chương … (năm 2012).", or "- Năm 2006: Tập thể Lao
                    // động Xuất sắc. … Bằng khen Bộ LĐTBXH.": items of a record
                    tallied = "";
                }
                if (tallied == null) {
                    continue;
                }
            }
            List<Candidate> inSentence = new ArrayList<>();
            List<Form> read = new ArrayList<>();
            Candidate previous = null;
            for (Form f : forms) {
                if (GUESTS_OF_CEREMONY.matcher(s).region(0, f.start()).matches()) {
                    continue; // "Dự lễ trao Huân chương Lao động có các đồng chí: A, B": the guests, not recipients
                }
                Candidate c = readNear(s, f, forms, tallied == null ? previous : null); // a tally's items share no frame
                if (c == null || opensList && bareForms.contains(c.key)) {
                    continue; // "… tặng thưởng Huân chương cho các tập thể như sau:": the items name the orders
                }
                if (opensList) {
                    c.recipients.removeIf(r -> LIST_PLACEHOLDER.matcher(r).find()); // "… cho các tập thể, cá nhân sau:"
                }
                if (conferralItem) {
                    c.conferrer = c.conferrer == null ? listConferrer : c.conferrer;
                    c.list = list;
                }
                previous = c;
                c.tally = countBefore(s, f.start());
                c.allClasses = ALL_CLASSES.matcher(s).region(f.end(), s.length()).lookingAt();
                if ((c.recipients.isEmpty() || looksCounted(c.recipients)) && f == forms.get(forms.size() - 1)) {
                    List<String> listed = listAfterColon(text, span, s, f);
                    if (!listed.isEmpty()) {
                        c.recipients = listed;
                    }
                }
                if (c.recipients.isEmpty() || looksCounted(c.recipients)) {
                    List<String> listed = listInFollowing(text, lower, sentences, i);
                    if (!listed.isEmpty()) {
                        c.recipients = listed;
                    }
                }
                if (c.tally != null && f.kind() == Kind.TITLE && COLLECTIVE_TITLE.matcher(f.award()).lookingAt()) {
                    // "1.267 tập thể lao động xuất sắc": 1.267 collectives were given the title
                    c.recipients = new ArrayList<>(List.of(s.substring(countStart(s, f.start()), f.start()) + COLLECTIVE_TITLE
                            .matcher(f.award()).results().findFirst().orElseThrow().group()));
                } else if (c.tally != null && f.kind() == Kind.TITLE && tallied == null) {
                    // "177 chiến sĩ thi đua cơ sở": 177 people hold the title; in a tally framed by the sentence before
                    // ("… được khen thưởng. Trong đó, có … 308 Chiến sĩ thi đua cấp tỉnh") the framing group receives
                    c.recipients = new ArrayList<>(List.of(s.substring(countStart(s, f.start()), f.end())));
                }
                if (c.recipients.isEmpty() && tallied != null) {
                    addRecipients(c, tallied);
                    c.inferred = !c.recipients.isEmpty();
                }
                if (c.recipients.isEmpty()) {
                    receiverBeforeColon(c, s, f.start());
                }
                if (c.conferrer == null) {
                    c.conferrer = blockAuthority(above, s, f.start());
                }
                if (c.recipients.isEmpty() && i > 0 && ADDITIVE_OPENING.matcher(s).lookingAt()) {
                    // "Ngoài ra, Bộ Công an còn tặng cờ …": the recipient of the conferral just before, again
                    Candidate before = found.isEmpty() ? null : found.get(found.size() - 1);
                    if (before != null && before.start >= sentences.get(i - 1).start() && !before.recipients.isEmpty()) {
                        c.recipients = new ArrayList<>(before.recipients);
                        c.inferred = true;
                    }
                }
                if (c.conferrer != null && c.recipients.stream().anyMatch(r -> key(r).equals(key(c.conferrer)))) {
                    c.conferrer = null; // a body does not confer on itself: the headline's topic was read as both
                }
                if (c.recipients.isEmpty()) {
                    if (introHolder != null) {
                        c.recipients.add(introHolder);
                        c.inferred = true;
                    } else {
                        // "… Nhà trường đã được Đảng, Nhà nước … tặng thưởng các danh hiệu cao quý:" over its bullets
                        receiverOf(c, intro);
                    }
                }
                if (c.recipients.isEmpty() && tallied != null) {
                    recordHolder(c, found); // a record's rows under a table header: the holder named before them
                }
                c.year = yearOf(s, f);
                if (c.year == null) {
                    c.year = lineYear(text, span);
                }
                c.decision = decisionNumber(s);
                c.start = span.start();
                c.end = span.end();
                inSentence.add(c);
                read.add(f);
                for (int more : laterOwnYears(s, f)) {
                    inSentence.add(c.inYear(more));
                    read.add(f);
                }
            }
            for (Candidate c : inSentence) {
                resolveAnaphor(c, found, text, sentences, i, read.isEmpty() ? 0 : read.get(0).start());
            }
            shareCoordinatedRecipients(s, inSentence, read);
            // a tally's counted forms are conferrals of their own; the items of one decision's list that give the same
            // form are that decision's one conferral, and merge
            boolean record = tallied != null && !conferralItem || isRecord(s, inSentence, read)
                    || opensLineWithForm(text, span, read);
            if (tallied == null && TALLY_OPENING.matcher(s).lookingAt()) {
                record = false; // "Trong đó, 3.197 đảng viên được tặng …, 176 … được tặng sớm …": parts of the total before
            }
            if (opensList) {
                for (Candidate c : inSentence) {
                    c.list = list; // the intro's own forms belong to its list
                }
            }
            // "… thống nhất đề nghị … 22 tập thể, cá nhân được khen thưởng. Trong đó, có 1 tập thể nhận …": the parts
            // of a proposed total are proposed
            boolean partsOfProposal = i > 0 && TALLY_OPENING.matcher(s).lookingAt()
                    && proposalBefore(sentences.get(i - 1).of(text), sentences.get(i - 1).length());
            int consultation = partsOfProposal ? 0 : consultationStart(s);
            Matcher goal = GOAL.matcher(s);
            int goalStart = goal.find() ? goal.start() : s.length();
            boolean proposed = false;
            for (int k = 0; k < inSentence.size(); k++) {
                Candidate c = inSentence.get(k);
                Form f = read.get(k);
                // "đề nghị tặng", "lấy ý kiến … xét tặng": not (yet) a conferral; nor the next items of its list
                // ("… đề nghị khen thưởng Cờ thi đua … cho 57 đơn vị; Cờ thi đua của Chính phủ cho 5 đơn vị; …")
                // "Đề nghị tặng danh hiệu …; tập thể lao động xuất sắc cho 16 tập thể; cờ thi đua …": the items after a
                // proposal with no verb of their own are proposed too, even when its first form went unrecognized
                proposed = consultation < f.start() || isProposal(s, f.start()) || goalStart < f.start()
                        || (proposed || proposalBefore(s, f.start())) && !c.ownFrame;
                if (proposed) {
                    continue;
                }
                c.record = record;
                if (record) {
                    int[] clause = clause(s, f.start(), s.length());
                    c.start = span.start() + clause[0];
                    c.end = span.start() + clause[1];
                }
                found.add(c);
            }
        }
        return merge(found, text);
    }

    /**
     * "Năm 2008, đơn vị được Chủ tịch nước tặng …", "Trường vinh dự đón nhận …", "Ông từng được … tặng …": a recipient
     * that is only an institution's head noun or a personal pronoun refers back. First to a recipient named earlier in
     * the article ("đơn vị" to any institution, "trường" only to a Trường, "ông"/"bà" to a person), else to the
     * institution that is the subject of this sentence (before its first form) or of the two before it ("… Chi cục Hải
     * quan Vĩnh Phúc đã được các cấp, ngành khen thưởng …"). The name follows the noun as written ("đơn vị", "Chi cục Hải
     * quan Vĩnh Phúc"); it replaces a pronoun.
     */
    private void resolveAnaphor(Candidate c, List<Candidate> earlier, String text, List<TextSpan> sentences, int i,
                                int firstFormStart) {
        if (c.recipients.size() != 1 || wordCount(c.recipients.get(0)) > 3) {
            return; // a head noun or a pronoun is one to three words
        }
        String written = c.recipients.get(0).strip();
        String head = ANAPHOR_DETERMINER.matcher(Lexicon.lower(written)).replaceAll("");
        boolean person = PERSON_PRONOUNS.contains(head);
        boolean anyBody = head.equals("đơn vị");
        if (!person && !anyBody && !bodyHead.matcher(head).matches()) {
            return;
        }
        for (int k = earlier.size() - 1; k >= 0; k--) {
            for (String r : earlier.get(k).recipients) {
                boolean named = !r.isEmpty() && CharClass.isUpperCase(r.charAt(0)) && !r.equalsIgnoreCase(written);
                boolean fits = person ? looksLikePersonName(r)
                        : bodyHead.matcher(r).lookingAt() && (anyBody || Lexicon.lower(r).startsWith(head + " "));
                if (named && fits) {
                    c.recipients = person ? new ArrayList<>(List.of(r)) : new ArrayList<>(List.of(written, r));
                    c.inferred = true;
                    return;
                }
            }
        }
        for (int j = i; j >= Math.max(0, i - 2) && person && !written.contains(" "); j--) {
            // "Anh Đặng Quang Hùng là công nhân … Năm 2011, anh đạt danh hiệu …": the person the sentences are about
            TextSpan span = sentences.get(j);
            String before = j == i ? text.substring(span.start(), span.start() + firstFormStart) : span.of(text);
            String name = lastPerson(before);
            if (name != null) {
                c.recipients = new ArrayList<>(List.of(name));
                c.inferred = true;
                return;
            }
        }
        // "đơn vị" only names a body of the two sentences before; "trường", "bệnh viện" the nearest body of that head
        // before (a list's intro and the article's lead may be further up), else after ("… trao Huân chương cho Trường A")
        if (person) {
            return;
        }
        int first = anyBody ? Math.max(0, i - 2) : 0;
        int last = anyBody ? i : sentences.size() - 1;
        for (int step = 0; step <= last - first; step++) {
            int j = i - step >= first ? i - step : i + (step - (i - first));
            if (j > last) {
                break;
            }
            TextSpan span = sentences.get(j);
            String before = j == i ? text.substring(span.start(), span.start() + firstFormStart) : span.of(text);
            String name = firstNamedBody(before, anyBody ? null : head);
            if (name != null) {
                c.recipients = new ArrayList<>(List.of(written, name));
                c.inferred = true;
                return;
            }
        }
    }

    /** An institution's name (a head of org-heads.txt opens it), a person's full name, or one after a title. */
    private boolean namesABody(String text) {
        if (bodyHead.matcher(text).lookingAt() || looksLikePersonName(text)) {
            return true;
        }
        Matcher title = titleStart.matcher(text);
        if (!title.lookingAt()) {
            return false;
        }
        String[] words = WHITESPACE_RUN.split(text.substring(title.end()).strip());
        // "Tổng Bí thư Tô Lâm": a title (one of titles.txt, whose rest is capitalized too) then a surname and its name
        for (int i = 0; i + 1 < words.length && words.length - i <= 4; i++) {
            if (surnames.contains(words[i]) && allCapitalized(words, i)) {
                return true;
            }
        }
        return false;
    }

    /** Two to five capitalized words that open no institution's name ("Rơ Châm Phon", "Nguyễn Văn An"). */
    private boolean looksLikePersonName(String r) {
        String[] words = WHITESPACE_RUN.split(r);
        return words.length >= 2 && words.length <= 5 && allCapitalized(words, 0) && !bodyHead.matcher(r).lookingAt()
                && !isPlace(r);
    }

    /** The end of a word of a name at {@code i}: letters and digits, and dots inside ("TP.Hà"). */
    private static int nameWordEnd(String text, int i) {
        int we = i;
        while (we < text.length() && (CharClass.isLetterOrDigit(text.charAt(we)) || text.charAt(we) == '.'
                && we + 1 < text.length() && CharClass.isLetterOrDigit(text.charAt(we + 1)))) {
            we++;
        }
        return we;
    }

    private static boolean breaksName(String word) {
        return AUTHORITY_STOP.contains(word) || NAME_BREAK.contains(word) || TITLE_END.contains(word);
    }

    private static final Set<String> PERSON_PRONOUNS = Set.of("ông", "bà", "anh", "chị", "ông ấy", "bà ấy");
    /** The last syllables of positions ("Bộ trưởng", "Giám đốc", "Chủ tịch", "Bí thư"): the body after one is its holder's. */
    private static final Set<String> POSITION_TAILS = Set.of("trưởng", "đốc", "tịch", "thư", "lệnh", "ủy", "nhiệm");
    private static final Set<String> AGENT_BEFORE = Set.of("được", "của", "do", "bởi");
    /** Function words that never stand inside a name ("Công ty được UBND tỉnh tặng …" names no "Công ty được UBND"). */
    private static final Set<String> NAME_BREAK = Set.of("được", "bị", "của", "và", "có", "đang", "sẽ", "mới", "này", "đó",
            "tổ", "long", "trang", "đón", "nhận", "tiếp", "phát", "khai", "họp", "hoàn", "thực", "luôn", "không", "cần", "phải",
            "kỷ", "tổng", "chào", "vinh", "đạt");
    private static final Pattern ANAPHOR_DETERMINER = Pattern.compile("^nhà (?=trường$)|\\s+(?:này|ấy|đó)$");

    /**
     * The first institution named with a proper name in the text ("Chi cục Hải quan Vĩnh Phúc": a head of org-heads.txt
     * and capitalized words or numbers after it), whose head is {@code head} unless that is null.
     */
    private String firstNamedBody(String text, String head) {
        Matcher m = bodyHead.matcher(text);
        for (int at = 0; at < text.length(); at++) {
            if (!CharClass.isUpperCase(text.charAt(at)) || at > 0 && CharClass.isLetterOrDigit(text.charAt(at - 1))) {
                continue;
            }
            m.region(at, text.length());
            // ("trường" refers to a "Trường Đại học …" too)
            if (!m.lookingAt() || head != null && !(Lexicon.lower(m.group()) + " ").startsWith(head + " ")) {
                continue;
            }
            String wordBefore = previousWord(text, at);
            if (AGENT_BEFORE.contains(wordBefore) || POSITION_TAILS.contains(wordBefore)
                    || titleStart.matcher(text).region(at, text.length()).lookingAt()) {
                // "được UBND tỉnh tặng", "của Bộ Tài chính", "Bộ trưởng Bộ Quốc phòng": a conferrer or its holder, not
                // the subject referred back to
                continue;
            }
            int end = m.end();
            int nameEnd = end;
            // a lower-case word stays in the name right after a capitalized syllable ("Bộ Quốc phòng", "Hải quan") or
            // when a capitalized word follows it ("Quân sự tỉnh Phú Thọ"), never a function word ("… Vĩnh Phúc đã …")
            boolean afterSyllable = false;
            for (int ws = skipSpaces(text, end); ; ws = skipSpaces(text, ws)) {
                int we = nameWordEnd(text, ws);
                if (we == ws) {
                    break;
                }
                char first = text.charAt(ws);
                if (CharClass.isDigit(first) && FREQUENCY.matcher(text).region(ws, text.length()).lookingAt()) {
                    break; // "Trung đoàn 02 lần được …": how often, not the unit's number
                }
                if (CharClass.isUpperCase(first) || CharClass.isDigit(first)) {
                    afterSyllable = CharClass.isUpperCase(first) && (we - ws == 1 || CharClass.isLowerCase(text.charAt(ws + 1)));
                } else {
                    if (breaksName(text.substring(ws, we))) {
                        break;
                    }
                    int next = skipSpaces(text, we);
                    boolean capitalFollows = nameWordEnd(text, next) > next && CharClass.isUpperCase(text.charAt(next));
                    if (!afterSyllable && !capitalFollows) {
                        break;
                    }
                    afterSyllable = false;
                }
                nameEnd = we;
                ws = we;
            }
            if (nameEnd > end) {
                return text.substring(at, nameEnd);
            }
        }
        return null;
    }

    /**
     * Whether a proposal verb ("Đề nghị tặng …", "đề nghị Thủ tướng tặng …") stands before {@code at} in the sentence;
     * not the noun of a decision's preamble ("Theo đề nghị của Sở Nội vụ, …").
     */
    private static boolean proposalBefore(String s, int at) {
        Matcher m = PROPOSAL_SCAN.matcher(s);
        for (int from = 0; PROPOSAL_SCAN.find(m, s, from, at); from = m.end()) {
            int colon = s.indexOf(':', m.end());
            // not across a colon: "… cá nhân đề nghị khen thưởng, Hội đồng thống nhất: Tặng …" decides what follows
            if (!s.substring(m.end()).stripLeading().startsWith("của") && !PREAMBLE.matcher(s.substring(0, m.start())).find()
                    && (colon < 0 || colon > at)) {
                return true;
            }
        }
        return false;
    }

    /** Where the sentence first speaks of a consultation ("lấy ý kiến nhân dân …"), or its length. */
    private static int consultationStart(String s) {
        Matcher consultation = CONSULTATION_SCAN.matcher(s);
        return CONSULTATION_SCAN.find(consultation, s, 0) ? consultation.start() : s.length();
    }

    /** Whether the form at {@code formStart} is proposed rather than conferred (see {@link #consultationStart} too). */
    private boolean isProposal(String s, int formStart) {
        int from = clause(s, formStart)[0];
        Matcher m = PROPOSAL_SCAN.matcher(s);
        for (int at = from; PROPOSAL_SCAN.find(m, s, at, formStart); at = m.end()) {
            String after = s.substring(m.end(), formStart);
            if (PREAMBLE.matcher(s.substring(from, m.start())).find() && after.stripLeading().startsWith("của")) {
                continue; // "theo đề nghị của Sở Nội vụ, …": the decision's preamble
            }
            // "đề nghị Thủ tướng Chính phủ xét, trình Chủ tịch nước tặng": the proposal governs the form; "ông A đề nghị
            // các tập thể được tặng Bằng khen tiếp tục …" urges those already given it
            // "… cá nhân đề nghị khen thưởng, Hội đồng thống nhất: Tặng …": what follows the colon was decided
            if (wordCount(after) <= 12 && !containsWord(after, "được") && !containsWord(after, "đã") && after.indexOf(':') < 0) {
                return true;
            }
            if (APPROVED.matcher(s).region(from, m.start()).find() && after.indexOf(':') < 0) {
                return true; // "Hội đồng thông qua đề nghị 1 cá nhân được … tặng …": a proposal approved to go up
            }
        }
        return false;
    }

    private static boolean containsWord(String s, String word) {
        int at = s.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            if ((at == 0 || !CharClass.isLetter(s.charAt(at - 1))) && (end == s.length() || !CharClass.isLetter(s.charAt(end)))) {
                return true;
            }
            at = s.indexOf(word, at + 1);
        }
        return false;
    }

    private static boolean endsWithColon(String text, TextSpan span) {
        int e = span.end();
        while (e > span.start() && CharClass.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e > span.start() && text.charAt(e - 1) == ':';
    }

    /** The authority of the subject before a statement's first verb ("Chủ tịch nước đã ký quyết định tặng …:"), or null. */
    private String subjectAuthority(String statement) {
        Matcher vm = verbPattern.matcher(statement);
        if (!verbPattern.find(vm, statement, 0)) {
            return null;
        }
        String subject = statement.substring(clauseStart(statement, vm.start()), vm.start());
        Matcher end = SUBJECT_END.matcher(subject);
        Authority a = authority(end.find() ? subject.substring(0, end.start()) : subject);
        return a == null ? null : a.authority();
    }

    /** A sentence ending in ":" that proposes or consults: its list items are proposals too. */
    private static boolean endsProposalList(String text, TextSpan span) {
        if (!endsWithColon(text, span)) {
            return false;
        }
        String s = span.of(text);
        return CONSULTATION_SCAN.find(CONSULTATION_SCAN.matcher(s), s, 0) || PROPOSAL_SCAN.find(PROPOSAL_SCAN.matcher(s), s, 0);
    }

    /** Whether the sentence stands on a line opened by a list marker (the split may cut "1." off as a sentence). */
    /**
     * The authority a block of a record names before its colon: "Khen thưởng của Tổng Liên đoàn Lao động Việt Nam: Cờ thi
     * đua …", or a header line over the item ("2. Chính phủ tặng:", "Phần thưởng của Nhà nước:"); null when none.
     */
    private String blockAuthority(List<String> above, String s, int formStart) {
        int colon = s.lastIndexOf(':', formStart);
        if (colon > 0) {
            return headerAuthority(s.substring(clauseStart(s, colon), colon));
        }
        for (String l : above) {
            if (l.endsWith(":")) {
                return formPattern.find(formPattern.matcher(l), l, 0) ? null : headerAuthority(l.substring(0, l.length() - 1));
            }
        }
        return null;
    }

    /**
     * The lines above a list item's line, nearest first: the items and headers before it and the first line that is no
     * item (its intro, if the list has one); empty when the span stands on no list item.
     */
    private List<String> linesAbove(String text, TextSpan span) {
        boolean marked = looksLikeListItem(text, span);
        if (!marked && !formLabelsLine(text, span)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int end = lineStart(text, span) - 1;
        for (int line = 0; line < 30 && end > 0; line++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String l = text.substring(start, end).strip();
            lines.add(l);
            // items without bullets are lines opening with a form, up to the intro
            if (marked ? !LIST_ITEM.matcher(l).lookingAt() : !l.isEmpty() && !formLabels(l)) {
                break;
            }
            end = start - 1;
        }
        return lines;
    }

    /** "2. Chính phủ tặng", "Phần thưởng của Nhà nước", "Khen thưởng của Bộ Công an": the authority, or null. */
    private String headerAuthority(String header) {
        String h = ITEM_NUMBER_OR_MARK.matcher(header.strip()).replaceFirst("");
        Matcher of = HEADER_OF.matcher(h);
        String phrase = of.find() ? h.substring(of.end()) : HEADER_GIVES.matcher(h).replaceFirst("");
        Authority a = authority(phrase.substring(0, authorityEnd(phrase, 0)));
        return a == null ? null : a.authority();
    }

    /** Who a block of a record lists, as its label says ("Tập thể :", "Cá nhân :"). */
    private static final String GROUP_NOUNS = "(?:tập thể|cá nhân|đơn vị|tổ chức|hộ gia đình)";
    private static final Pattern GROUP_LABEL = Pattern.compile(GROUP_NOUNS, FLAGS);
    private static final Pattern LABELLED_BLOCK = Pattern.compile("^\\s*(?:[-–+•*]\\s*)?" + GROUP_NOUNS + "\\s*:", FLAGS);
    private static final Pattern ITEM_NUMBER_OR_MARK = Pattern.compile("^(?:\\d{1,2}\\s*[.)]|[-–+•*]|[IVX]{1,4}\\s*[.)])\\s*");
    private static final Pattern HEADER_OF = Pattern.compile("(?:phần thưởng|khen thưởng|hình thức khen thưởng)(?:\\s+cao quý)?"
            + "\\s+(?:của|do)\\s+", FLAGS);
    private static final Pattern HEADER_GIVES = Pattern.compile("\\s+(?:tặng|trao tặng|tặng thưởng)\\s*$", FLAGS);

    /**
     * "DIC … liên tục nhận được nhiều phần thưởng cao quý … như: Huân chương …, Cờ thi đua …": forms listed after a colon
     * that closes a receiving clause went to that clause's subject (or to a block's label: "* Tập thể : …"); counted forms
     * without a colon went to the subject of the receiving frame before them.
     */
    private void receiverBeforeColon(Candidate c, String s, int formStart) {
        int colon = s.lastIndexOf(':', formStart);
        String label = colon < 0 ? "" : ITEM_NUMBER_OR_MARK.matcher(s.substring(0, colon).strip()).replaceFirst("").strip();
        if (colon >= 0 && GROUP_LABEL.matcher(label).matches()) {
            c.recipients.add(label); // "* Tập thể : 52 bằng khen …; * Cá nhân : …": the block names who received
            c.inferred = true;
        } else if (colon >= 0) {
            receiverOf(c, s.substring(0, colon));
            if (c.recipients.isEmpty() && namesABody(label) && receivesBetween(s, colon + 1, formStart)) {
                // a headline's topic: "Sở Tư pháp: Kỷ niệm 30 năm thành lập và đón nhận Huân chương …"
                c.recipients.add(label);
                c.inferred = true;
            }
        } else if (c.tally != null) {
            receiverOf(c, s.substring(0, formStart)); // "A được … tặng thưởng 2 Huân chương …, 1 Huân chương …": counted forms
        }
    }

    private boolean receivesBetween(String s, int from, int to) {
        String between = s.substring(from, to);
        Matcher vm = verbPattern.matcher(between);
        for (int at = 0; verbPattern.find(vm, between, at); at = vm.end()) {
            if (typeOf(vm.group()).equals("RECEIVE")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "A được Đảng, Nhà nước và các ngành, các cấp tặng thưởng 2 Huân chương …, hơn 1.700 bằng khen": the subject of the
     * last receiving frame of {@code head} (a receiving verb, or "được … tặng"), which the split at the agent's commas
     * hid from the form's own clause.
     */
    private void receiverOf(Candidate c, String head) {
        Matcher vm = verbPattern.matcher(head);
        int verbStart = -1;
        for (int at = 0; verbPattern.find(vm, head, at); at = vm.end()) {
            String type = typeOf(vm.group());
            if (type.equals("RECEIVE")) {
                verbStart = vm.start();
            } else if (type.equals("GIVE") || type.equals("PRESENT")) {
                int passive = head.lastIndexOf("được ", vm.start());
                verbStart = passive >= 0 && vm.start() - passive <= 80 ? passive : -1; // "được … tặng": passive, else active
            }
        }
        if (verbStart > 0) {
            // the intro line may hold sentences before the one of its verb
            int from = Math.max(clauseStart(head, verbStart), sentenceStart(head, verbStart));
            addSubjectRecipients(c, head.substring(from, verbStart));
            c.inferred = !c.recipients.isEmpty();
        }
    }

    /** Where the sentence around {@code at} starts: after a lower-case word's full stop ("… giao cho. Với …"), else 0. */
    private static int sentenceStart(String s, int at) {
        for (int i = at - 2; i > 1; i--) {
            if (s.charAt(i) == '.' && CharClass.isWhitespace(s.charAt(i + 1)) && CharClass.isLowerCase(s.charAt(i - 1))
                    && CharClass.isLowerCase(s.charAt(i - 2))) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * "Bệnh viện … đã được tặng các phần thưởng cao quý: …" and then a table of its titles by year: an item of a record
     * that names no recipient goes to the named recipient of the nearest conferral before it, if that is a name.
     */
    private static void recordHolder(Candidate c, List<Candidate> found) {
        for (int k = found.size() - 1; k >= 0; k--) {
            List<String> named = found.get(k).recipients.stream().filter(r -> !isDescription(r)).toList();
            if (!named.isEmpty()) {
                c.recipients.addAll(named);
                c.inferred = true;
                return;
            }
        }
    }

    /**
     * "Những thành tích của Trường THPT A được ghi nhận:" over items "- Huân chương Lao động hạng Nhì (năm 2015).": the
     * body the intro line names holds every item that names no recipient of its own; null when the item is on no list.
     */
    private String listIntroHolder(String intro) {
        // in an intro "của X" holds the achievements ("thành tích của Trường A"); it confers nothing
        if (intro.isEmpty()) {
            return null;
        }
        String named = firstNamedBody(OF.matcher(intro).replaceAll(" "), null);
        if (named != null) {
            return named;
        }
        return achievementsHolder(intro);
    }

    /**
     * "1. Thành tích nổi bật của nhà trường:", "Thành tích của công đoàn trong các năm học qua như sau:": the holder of a
     * heading's achievements named by its head noun alone (referred back to a name later, like any head noun); null when
     * the heading names none.
     */
    private String achievementsHolder(String intro) {
        Matcher of = ACHIEVEMENTS_OF.matcher(intro);
        if (!of.find()) {
            return null;
        }
        String holder = of.group(1).strip();
        return wordCount(holder) <= 4 && (bodyHead.matcher(holder).lookingAt() || Lexicon.lower(holder).equals("nhà trường"))
                ? holder : null;
    }

    private static final Pattern ACHIEVEMENTS_OF = Pattern.compile("(?<![\\p{L}])thành tích(?:\\s+(?:nổi bật|tiêu biểu|"
            + "xuất sắc|đạt được))?\\s+của\\s+([^,;:()]+?)(?:\\s+(?:trong|qua|từ|như|đạt|là)(?![\\p{L}]).*)?$", FLAGS);

    /** The nearest line above that ends with a colon, a numbered heading too, without its colon; "" when none does. */
    private static String nearestHeading(List<String> above) {
        for (String line : above) {
            if (line.endsWith(":")) {
                return line.substring(0, line.length() - 1);
            }
        }
        return "";
    }

    /** The line that introduces the list ({@link #linesAbove}), without its colon; "" when there is none. */
    private static String listIntro(List<String> above) {
        String intro = above.isEmpty() ? "" : above.get(above.size() - 1);
        return intro.endsWith(":") && !LIST_ITEM.matcher(intro).lookingAt() ? intro.substring(0, intro.length() - 1) : "";
    }

    private static final Pattern OF = Pattern.compile("\\s+của\\s+", FLAGS);

    private static boolean looksLikeListItem(String text, TextSpan span) {
        return LIST_ITEM.matcher(text).region(lineStart(text, span), span.end()).lookingAt();
    }

    /**
     * A line that opens with a form, as list items read once their bullets are lost in scraping ("Huân chương Lao động
     * hạng Ba: Công ty A, ông B."; "Danh hiệu Chiến sĩ thi đua cấp tỉnh: …"; "Huân chương Hồ Chí Minh (2004)").
     */
    private boolean formLabelsLine(String text, TextSpan span) {
        return lineStart(text, span) == span.start() && formLabels(span.of(text));
    }

    private boolean formLabels(String s) {
        int colon = s.indexOf(':');
        String label = colon < 0 ? s : s.substring(0, colon); // "Huân chương Hồ Chí Minh (2004)": a line of its own
        List<Form> forms = forms(label);
        // the form opens the line ("Danh hiệu " may stand before it), and no verb makes the label a sentence
        return !forms.isEmpty() && forms.get(0).start() <= "Danh hiệu ".length()
                && !verbPattern.find(verbPattern.matcher(label), label, 0);
    }

    /** Where the line holding the span starts. */
    private static int lineStart(String text, TextSpan span) {
        return text.lastIndexOf('\n', Math.max(0, span.start() - 1)) + 1;
    }

    /** Several counted forms ("51 danh hiệu …, 2 Huân chương …"), or one after "Trong đó", "Cụ thể". */
    private static boolean isTally(String s, List<Form> forms) {
        int counted = 0;
        for (Form f : forms) {
            if (countBefore(s, f.start()) != null || COUNT_AFTER_COLON.matcher(s).region(f.end(), s.length()).lookingAt()) {
                counted++; // "30 cờ thi đua", "Cờ thi đua của UBND tỉnh: 54 tập thể"
            }
        }
        return counted >= 2 || counted == 1 && TALLY_OPENING.matcher(s).lookingAt();
    }

    /**
     * Who a tally's honours went to: the counted group of the conferral statement before it ("8.619 lượt tập thể, cá
     * nhân được Chủ tịch nước … khen thưởng"), "" when that names none, null when it is no conferral statement.
     */
    private String tallyContext(String previous) {
        if (!verbPattern.find(verbPattern.matcher(previous), previous, 0) || isProposal(previous, previous.length())
                || consultationStart(previous) < previous.length()) {
            return null; // no conferral statement, or a proposal ("12 tập thể được đề nghị tặng …")
        }
        Matcher cm = COUNT.matcher(previous);
        if (!cm.find()) {
            return "";
        }
        int end = previous.length();
        int passive = previous.indexOf(" được ", cm.end());
        if (passive >= 0) {
            end = passive;
        }
        Matcher vm = verbPattern.matcher(previous);
        if (verbPattern.find(vm, previous, cm.end()) && vm.start() < end) {
            end = vm.start();
        }
        return TRAILING_LIST_PUNCT.matcher(previous.substring(cm.start(), end).strip()).replaceAll("").strip();
    }

    /** Titles held by collectives: "Tập thể lao động xuất sắc", "Đơn vị quyết thắng". */
    private static final Pattern COLLECTIVE_TITLE = Pattern.compile("^(?:tập thể|đơn vị)(?![\\p{L}])", FLAGS);

    /** Where the number before a form starts (see {@link #countBefore}). */
    private static int countStart(String s, int formStart) {
        int e = formStart;
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        Matcher classifier = CLASSIFIER_BEFORE.matcher(s).region(Math.max(0, e - 8), e);
        if (classifier.find()) {
            e = classifier.start(); // "41 lá cờ thi đua", "3 tấm Huân chương": the count before its classifier
        }
        int b = e;
        while (b > 0 && (CharClass.isDigit(s.charAt(b - 1)) || s.charAt(b - 1) == '.' && b > 1 && CharClass.isDigit(s.charAt(b - 2)))) {
            b--;
        }
        return b;
    }

    /** A classifier between a count and the form it counts: "41 lá cờ", "2 tấm bằng khen". */
    private static final Pattern CLASSIFIER_BEFORE = Pattern.compile("(?<=\\d)\\s+(?:lá|tấm|bức|chiếc)$", FLAGS);

    /** The number written right before a form ("30 cờ thi đua", "6.379 bằng khen", "41 lá cờ"), or null. */
    private static Integer countBefore(String s, int formStart) {
        int b = countStart(s, formStart);
        int e = b;
        while (e < formStart && CharClass.isDigit(s.charAt(e)) || e < formStart && s.charAt(e) == '.') {
            e++;
        }
        if (b == e || e == formStart || b > 0 && CharClass.isLetterOrDigit(s.charAt(b - 1)) || !CharClass.isDigit(s.charAt(b))) {
            return null;
        }
        String digits = s.substring(b, e);
        return digits.matches("\\d{1,3}(?:\\.\\d{3})*|\\d+") ? number(digits) : null;
    }

    /**
     * The year of the conferral at form f: stated in its own clause (between ";"), a date or "năm" before the form
     * first ("Năm 2008, đơn vị được …"; "ngày 19/8/2020, Chủ tịch nước đã ký …"), else the first after it that opens
     * no span of years ("Bằng khen … năm 2005"; not "từ năm 2015-2019").
     */
    private static Integer yearOf(String s, Form f) {
        int[] clause = clause(s, f.start());
        Integer before = null;
        Integer after = null;
        Matcher m = YEAR_SCAN.matcher(s);
        for (int at = clause[0]; YEAR_SCAN.find(m, s, at, clause[1]); at = m.end()) {
            if (m.end() <= f.start()) {
                if (startsPeriod(s, m.start())) {
                    continue; // "Từ năm 2010 đến nay, … được tặng …": when a run of years began, not one conferral's
                }
                before = before == null ? Integer.valueOf(m.group(1)) : before;
            } else if (after == null && m.start() >= f.end() && m.end() <= clause[1] && !opensSpan(s, m.end())) {
                after = Integer.valueOf(m.group(1));
            }
        }
        if (s.lastIndexOf('/', f.start()) >= clause[0]) {
            Matcher date = DATE_YEAR.matcher(s);
            date.region(clause[0], f.start());
            if (date.find()) {
                before = Integer.valueOf(date.group(1)); // a decision's date before the form
            }
        }
        Matcher own = OWN_YEAR.matcher(s);
        own.region(f.end(), s.length());
        if (own.lookingAt()) {
            return Integer.valueOf(own.group(1)); // "Huân chương Độc lập hạng Ba (1989), hạng Nhì (1978)": its own year
        }
        return before != null ? before : after;
    }

    /** The years after the first in a form's own parentheses: 2009 of "hạng Nhất (1999 và 2009)". */
    private static List<Integer> laterOwnYears(String s, Form f) {
        Matcher own = OWN_YEARS.matcher(s).region(f.end(), s.length());
        if (!own.lookingAt()) {
            return List.of();
        }
        List<Integer> years = new ArrayList<>();
        Matcher y = YEAR_NUMBER.matcher(own.group(1));
        while (y.find()) {
            years.add(Integer.valueOf(y.group()));
        }
        return years;
    }

    private static final Pattern OWN_YEARS = Pattern.compile("\\s*\\((?:năm\\s+)?(?:19|20)\\d{2}((?:\\s*(?:,|và|;)\\s*(?:năm\\s+)?"
            + "(?:19|20)\\d{2})+)\\s*\\)", FLAGS);
    private static final Pattern YEAR_NUMBER = Pattern.compile("(?:19|20)\\d{2}");

    /** A year in parentheses right after a form: "(1989)", "(năm 2012)", "(1999 và 2009)". */
    private static final Pattern OWN_YEAR = Pattern.compile("\\s*\\((?:năm\\s+)?((?:19|20)\\d{2})(?!\\d)", FLAGS);
    /** A record's line opened by its year: "- Năm 2006: …", "Năm 2019: …". */
    private static final Pattern LINE_YEAR = Pattern.compile("^\\s*(?:(?:[-–+•*]\\s*)?Năm\\s+((?:19|20)\\d{2})\\s*:"
            + "|((?:19|20)\\d{2})\\s*\\|)"); // also a table's row "2007 | Tập thể Lao động xuất sắc | Quyết định … |"

    /** The year that opens the line of the span ("- Năm 2006: … Chính phủ tặng Bằng khen. Bằng khen Bộ LĐTBXH."), or null. */
    private static Integer lineYear(String text, TextSpan span) {
        Matcher m = LINE_YEAR.matcher(text);
        m.region(lineStart(text, span), span.end());
        return m.lookingAt() ? Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /**
     * "Huân chương Lao động Hạng III do Chủ tịch nước trao tặng (Quyết định số 508/QĐ-CT …)." on a line of its own, the next
     * line "Cờ thi đua … do Thủ tướng Chính phủ khen tặng.": a line that opens with its form is one item of a record.
     */
    private static boolean opensLineWithForm(String text, TextSpan span, List<Form> read) {
        return !read.isEmpty() && read.get(0).start() == 0 && (span.start() == 0 || text.charAt(span.start() - 1) == '\n');
    }

    /** A list item's line that dates what it lists ("- Năm 2008: …", "• Huân chương Hồ Chí Minh (2004)"): a record. */
    private static boolean onDatedListLine(String text, TextSpan span) {
        if (!looksLikeListItem(text, span)) {
            return false;
        }
        int lineEnd = text.indexOf('\n', span.start());
        String line = text.substring(lineStart(text, span), lineEnd < 0 ? text.length() : lineEnd);
        return LINE_YEAR.matcher(line).lookingAt() || DATED.matcher(line).find();
    }

    private static final Pattern DATED = Pattern.compile("\\((?:năm\\s+)?(?:19|20)\\d{2}(?!\\d)", FLAGS);

    /** "từ năm 2010", "kể từ năm 2010": the first year of a period. */
    private static boolean startsPeriod(String s, int yearAt) {
        return previousWord(s, yearAt).equalsIgnoreCase("từ");
    }

    /** "2015-2019", "2015 – 2019": a span of years, not the year of a conferral. */
    private static boolean opensSpan(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i + 1 < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '–') && (CharClass.isDigit(s.charAt(i + 1))
                || s.charAt(i + 1) == ' ' && i + 2 < s.length() && CharClass.isDigit(s.charAt(i + 2)));
    }

    /**
     * The clause of a record around {@code at}: between the ";" before and after it, trimmed; like the frames, no farther
     * than the window around a form (a huge unpunctuated "sentence" stays linear).
     */
    private static int[] clause(String s, int at) {
        return clause(s, at, WINDOW_AFTER);
    }

    /** As {@link #clause(String, int)}, looking as far as {@code reach} for the ";" before and after. */
    private static int[] clause(String s, int at, int reach) {
        int floor = Math.max(0, at - reach);
        int ceiling = (int) Math.min(s.length(), (long) at + reach);
        int start = at;
        while (start > floor && s.charAt(start - 1) != ';') {
            start--;
        }
        int end = at;
        while (end < ceiling && s.charAt(end) != ';') {
            end++;
        }
        while (start < end && CharClass.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && (CharClass.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '.')) {
            end--;
        }
        return new int[] {start, end};
    }

    /**
     * Coordinated forms share their recipients: "Nhiều tập thể, cá nhân được tặng thưởng Huân chương Chiến công, Bằng
     * khen của Thủ tướng Chính phủ, Giấy khen của …" (the subject, forward), "… tặng thưởng Huân chương Quân công,
     * Huân chương Bảo vệ Tổ quốc tặng 34 đồng chí" (the object, back over a gap without a verb); in a record the
     * clauses without a subject of their own ("; Bằng khen của Thủ tướng Chính phủ năm 2005;") go on with the first's.
     */
    private void shareCoordinatedRecipients(String s, List<Candidate> cs, List<Form> forms) {
        for (int k = 1; k < cs.size(); k++) {
            share(cs.get(k - 1), cs.get(k));
        }
        for (int k = cs.size() - 2; k >= 0; k--) {
            if (forms.get(k).end() > forms.get(k + 1).start()) {
                continue; // one form read inside another ("Danh hiệu Huân chương …"): nothing lies between them
            }
            // (up to 12 words: the earlier form's authority may stand between, "23 Bằng khen của Tổng Liên đoàn Lao
            // động Việt Nam, 21 Bằng khen của … cho các tập thể")
            String gap = s.substring(forms.get(k).end(), forms.get(k + 1).start());
            if (wordCount(gap) <= 12 && !verbPattern.find(verbPattern.matcher(gap), gap, 0) && !TO.matcher(gap).find()) {
                share(cs.get(k + 1), cs.get(k));
                Candidate later = cs.get(k + 1);
                if (cs.get(k).conferrer == null && later.conferrerIsAgent && !gap.contains(";")) {
                    // "nhận Huân chương A, Huân chương B do Chủ tịch nước tặng" (not the genitive: "A, Bằng khen của X")
                    cs.get(k).conferrer = later.conferrer;
                }
            }
        }
        for (int k = cs.size() - 2; k >= 0; k--) {
            // "huân chương X hạng Nhất, Nhì, Ba cho ba đồng chí": the classes of one order go to the chain's object, not
            // to a recipient shared forward from an earlier clause
            Candidate later = cs.get(k + 1);
            if (cs.get(k).inferred && !later.recipients.isEmpty() && forms.get(k).end() <= forms.get(k + 1).start()
                    && CLASS_CHAIN_GAP.matcher(s.substring(forms.get(k).end(), forms.get(k + 1).start())).matches()
                    && forms.get(k).kind() == Kind.ORDER && forms.get(k + 1).kind() == Kind.ORDER
                    && ORDER_CLASS.matcher(forms.get(k).award()).find()
                    && forms.get(k + 1).award().startsWith(ORDER_CLASS.matcher(forms.get(k).award()).replaceFirst(""))) {
                cs.get(k).recipients = new ArrayList<>(later.recipients);
                cs.get(k).recipientCount = later.recipientCount;
            }
        }
    }

    private static final Pattern CLASS_CHAIN_GAP = Pattern.compile("\\s*(?:,|và)\\s*");

    /** A record dates or counts its items: "năm 2005", "4 lần", "19/8/2020". */
    private static boolean datesItsItems(String s) {
        return YEAR_SCAN.find(YEAR_SCAN.matcher(s), s, 0) || TIMES.matcher(s).find() || DATE_YEAR.matcher(s).find();
    }

    private static final Pattern TIMES = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\d+|nhiều|hai|ba|bốn|năm)\\s+lần(?![\\p{L}])", FLAGS);

    private static void share(Candidate from, Candidate to) {
        if (to.recipients.isEmpty() && !from.recipients.isEmpty()) {
            to.inferred = true;
            to.recipients = new ArrayList<>(from.recipients);
            to.recipientCount = to.recipientCount != null ? to.recipientCount : from.recipientCount;
        }
    }

    /** "nhiều phần thưởng cao quý", "nhiều danh hiệu": the honours of years summed up, not one ceremony's. */
    private static final Pattern MANY_HONOURS = Pattern.compile("(?<![\\p{L}])nhiều\\s+(?:phần thưởng|danh hiệu|hình thức"
            + " khen thưởng|huân chương)(?![\\p{L}])", FLAGS);

    /**
     * A record of honours, whose items are conferrals of their own (never merged with a restatement): forms in
     * clauses at ";" ("Năm 2008, đơn vị được … tặng Huân chương …; Bằng khen của Thủ tướng Chính phủ năm 2005; …"),
     * dated or counted ("Năm 2008", "4 lần"), forms after "nhiều phần thưởng …" that sums them up, or three or more
     * forms each for a counted group of its own ("28 tập thể được tặng Cờ thi đua …, 1 tập thể …").
     */
    private static boolean isRecord(String s, List<Candidate> cs, List<Form> forms) {
        if (cs.size() < 2) {
            return false;
        }
        if (MANY_HONOURS.matcher(s).region(0, forms.get(0).start()).find()) {
            return true; // "… đã được tặng nhiều phần thưởng cao quý: Huân chương …, …": a summary of past honours
        }
        int semicolon = s.indexOf(';', forms.get(0).end());
        if (semicolon >= 0 && semicolon < forms.get(forms.size() - 1).start() && datesItsItems(s)) {
            return true; // not a lead's "A đón nhận Huân chương …; Chủ tịch UBND tỉnh tặng Bằng khen …"
        }
        Set<List<String>> counted = new HashSet<>();
        for (Candidate c : cs) {
            if (looksCounted(c.recipients)) {
                counted.add(c.recipients);
            }
        }
        return counted.size() >= 3;
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
            boolean open = false;
            if (m.group("order") != null) {
                kind = Kind.ORDER;
                if (BARE_ORDER.matcher(award).matches()) { // ("Huân  chương": a run of spaces as scraped)
                    open = true;
                    // an order of no listed name, often foreign: "Huân chương Tự do hạng Nhất", "Huân chương Sikatuna
                    // hạng Vàng", "Huân chương Vàng Quốc gia": its capitalized name and class
                    fe = orderNameEnd(s, fe);
                    award = s.substring(fs, fe);
                }
            } else if (m.group("medal") != null) {
                kind = Kind.MEDAL;
                if (award.toLowerCase(Locale.ROOT).endsWith("vì sự nghiệp")) {
                    fe = extendWords(s, fe, 8, CAUSE_END);
                    award = s.substring(fs, fe);
                }
            } else if (m.group("plain") != null && award.equalsIgnoreCase("Huy chương")) {
                // a medal of no listed name: "Huy chương Tự do hạng Nhì"; not a sports medal ("Huy chương Vàng")
                kind = Kind.MEDAL;
                open = true;
                fe = orderNameEnd(s, fe);
                award = s.substring(fs, fe);
                if (SPORTS_MEDAL.matcher(award).lookingAt()) {
                    continue;
                }
            } else if (m.group("plain") != null) {
                kind = Kind.PLAIN;
                open = award.equalsIgnoreCase("Cờ");
            } else if (m.group("open") != null) {
                open = true;
                // "danh hiệu Anh hùng LLVT lần thứ 2", "danh hiệu Nghệ nhân Ưu tú": a title not listed, up to where it ends
                kind = Kind.TITLE;
                int ts = fe;
                while (ts < s.length() && s.charAt(ts) == ' ') {
                    ts++;
                }
                fe = extendWords(s, ts, 10, TITLE_END);
                if (fe <= ts) {
                    continue;
                }
                award = s.substring(ts, fe);
            } else if (m.group("prefixed") != null) {
                kind = Kind.TITLE;
                award = QUOTE_MARKS.matcher(DANH_HIEU_PREFIX.matcher(award).replaceFirst("")).replaceAll("").strip();
            } else {
                kind = Kind.TITLE;
                if (titlesNeedingPrefix.contains(key(award)) || startsName(s, fe)
                        || DEGREE_AFTER.matcher(s).region(fe, s.length()).lookingAt()) {
                    // "Nghệ nhân Ưu tú Rơ Châm Phon", "nhà giáo ưu tú, PGS-TS Lương Minh Cừ": a title before a name
                    // (or before the degree opening it) describes the person
                    continue;
                }
            }
            if (kind == Kind.TITLE && award.regionMatches(true, 0, "Anh hùng", 0, 8)) {
                Matcher era = HERO_ERA.matcher(s).region(fe, s.length());
                if (era.lookingAt()) {
                    fe = era.end(); // "Anh hùng Lao động thời kỳ đổi mới": the era is part of the title
                    award = award + s.substring(m.end(), fe);
                }
            }
            boolean quoted = kind == Kind.TITLE && fs > 0 && (s.charAt(fs - 1) == '“' || s.charAt(fs - 1) == '"');
            String before = s.substring(Math.max(0, fs - 30), fs);
            if (kind != Kind.TITLE || m.group("prefixed") == null) {
                Matcher generic = GENERIC_BEFORE.matcher(before);
                if (generic.find() && countBefore(s, fs) == null && !givenBetween(before, generic.start())
                        && !OF_BY.matcher(s.substring(fe)).lookingAt()
                        && !GIVE_TO_GENERIC_END.matcher(before).matches()) {
                    continue; // "nhiều giải thưởng và bằng khen", "các Mẹ Việt Nam anh hùng": not one conferral
                }
                if (GENERIC_AFTER.matcher(s.substring(fe)).find() && countBefore(s, fs) == null) {
                    continue; // "các Huân chương khác"; a counted "591 Huân chương các loại" is a tally of conferrals
                }
            }
            if ((s.substring(0, fs).isBlank() || WHAT_IT_IS.matcher(s).region(fe, s.length()).lookingAt())
                    && DEFINITION_AFTER.matcher(s).region(fe, s.length()).lookingAt()) {
                continue; // "Huy hiệu Đảng là phần thưởng cao quý …": what the form is, not a conferral
            }
            int lastEnd = forms.isEmpty() ? -1 : forms.get(forms.size() - 1).end();
            if (lastEnd >= 0 && lastEnd <= fs && s.substring(lastEnd, fs).strip().equals("(")) {
                continue; // "Nghệ nhân Nhân dân (NNND)": the abbreviation of the form before it
            }
            if (kind == Kind.MEDAL && award.startsWith("Huy hiệu") && BADGE_YEARS.matcher(award).results().count() > 1) {
                // "Huy hiệu 45 năm, 40 năm và 30 năm tuổi Đảng": one badge per length of membership
                Matcher y = BADGE_YEARS.matcher(s).region(fs, fe);
                boolean firstBadge = true;
                while (y.find()) {
                    forms.add(new Form("Huy hiệu " + y.group() + " tuổi Đảng", kind, firstBadge ? fs : y.start(), fe, false,
                            false));
                    firstBadge = false;
                }
                continue;
            }
            forms.add(new Form(award, kind, fs, fe, quoted, open));
            if (kind == Kind.ORDER) {
                from = addElidedClasses(s, award, fe, forms, from);
            }
        }
        return forms;
    }

    /**
     * "Huân chương Độc lập hạng Ba (1989), hạng Nhì (1978), hạng Nhất (1999 và 2009)", "hạng Nhất, Nhì, Ba": the classes
     * after an order with its class, the order's name left out, are orders of their own (named in full).
     * @return where the form search goes on
     */
    private static int addElidedClasses(String s, String order, int end, List<Form> forms, int from) {
        Matcher cls = ORDER_CLASS.matcher(order);
        if (!cls.find()) {
            return from;
        }
        String name = order.substring(0, cls.start()).strip();
        Matcher next = ELIDED_CLASS.matcher(s);
        for (int at = end; next.region(at, s.length()).lookingAt(); at = next.end()) {
            String cls2 = next.group(1).regionMatches(true, 0, "hạng", 0, 4) ? next.group(1) : "hạng " + next.group(1);
            forms.add(new Form(name + " " + cls2, Kind.ORDER, next.start(1), next.end(1), false, false));
            from = Math.max(from, next.end());
        }
        return from;
    }

    private static final Pattern ORDER_CLASS = Pattern.compile("\\s+hạng\\s+\\S+$", FLAGS);
    private static final Pattern ELIDED_CLASS = Pattern.compile(
            "\\s*(?:\\([^()]{0,30}\\))?\\s*(?:,|và)\\s*(hạng\\s+(?:Nhất|Nhì|Ba|III|II|I|[123])"
                    // "hạng Nhất, Nhì, Ba": the later classes without "hạng", capitalized (lower-case "ba" is a count)
                    + "|(?-i:Nhất|Nhì|Ba|III|II))(?![\\p{L}\\d])", FLAGS);

    /** The end of the capitalized name (at most five words) and class ("hạng Nhất", "hạng Vàng") after "Huân chương". */
    private static int orderNameEnd(String s, int from) {
        int end = from;
        int at = from;
        boolean classWord = false;
        for (int words = 0; words < 6; words++) {
            int ws = skipSpaces(s, at);
            int we = wordEnd(s, ws);
            if (ws == at || we == ws) {
                break;
            }
            if (classWord) {
                if (CharClass.isUpperCase(s.charAt(ws)) || CharClass.isDigit(s.charAt(ws))
                        || RANK_WORDS.contains(s.substring(ws, we).toLowerCase(Locale.ROOT))) {
                    end = we;
                }
                break;
            }
            if (words > 0 && s.substring(ws, we).equalsIgnoreCase("hạng")) {
                classWord = true;
            } else if (CharClass.isUpperCase(s.charAt(ws)) || words > 0 && continuesName(s, we)) {
                end = we; // a lower-case syllable inside the name when the name goes on: "Tự do hạng Nhất"
            } else {
                break;
            }
            at = we;
        }
        return end;
    }

    /** "Kỷ niệm chương X là hình thức khen thưởng của …": what the form is, wherever it stands. */
    private static final Pattern WHAT_IT_IS = Pattern.compile("[”\"]?\\s+là\\s+(?:một\\s+)?(?:hình thức|phần thưởng|danh hiệu"
            + "|sự ghi nhận)(?![\\p{L}])", FLAGS);
    private static final Pattern DEFINITION_AFTER = Pattern.compile("\\s+là(?![\\p{L}])", FLAGS);
    private static final Pattern BARE_ORDER = Pattern.compile("Huân\\s+chương", FLAGS);
    private static final Pattern BADGE_YEARS = Pattern.compile("\\d{2}\\s+năm");
    /** The era a hero title was given for: "(trong) thời kỳ đổi mới", "thời kỳ kháng chiến chống Mỹ". */
    private static final Pattern HERO_ERA = Pattern.compile("\\s+(?:trong\\s+)?thời\\s+kỳ\\s+(?:đổi mới|kháng chiến"
            + "(?:\\s+chống\\s+(?:thực dân\\s+)?Pháp|\\s+chống\\s+(?:đế quốc\\s+)?Mỹ)?)(?![\\p{L}])", FLAGS);
    /** Gold, silver and bronze are the medals of sports and contests, which are no state awards. */
    private static final Pattern SPORTS_MEDAL = Pattern.compile("Huy chương\\s+(?:Vàng|Bạc|Đồng)(?![\\p{L}])", FLAGS);
    private static final Set<String> RANK_WORDS = Set.of("nhất", "nhì", "ba");

    /** The first index at or after {@code i} that holds no space. */
    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of the run of letters and digits at {@code i}. */
    private static int wordEnd(String s, int i) {
        while (i < s.length() && CharClass.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether a capitalized word follows right after {@code at} (one space, no punctuation). */
    /** An academic degree or rank after a title and its comma: the title describes the person named next. */
    private static final Pattern DEGREE_AFTER = Pattern.compile(",\\s*(?:(?-i:GS|PGS|TS|ThS|BS|BSCKI{1,2}|Đại tá|Thượng tá|Trung tá"
            + "|Thiếu tướng|Trung tướng)(?=[\\s.\\-])|(?:nghệ nhân|nhà giáo|bác sĩ|nhà văn|nhà báo|nhà khoa học|kỹ sư)\\s+(?-i:\\p{Lu}))");

    private static boolean startsName(String s, int at) {
        return at + 1 < s.length() && s.charAt(at) == ' ' && CharClass.isUpperCase(s.charAt(at + 1));
    }

    /** Whether the word after {@code at} is "hạng" or capitalized. */
    private static boolean continuesName(String s, int at) {
        int ws = skipSpaces(s, at);
        return ws > at && ws < s.length() && (CharClass.isUpperCase(s.charAt(ws)) || s.regionMatches(true, ws, "hạng ", 0, 5));
    }

    /** "Vì sự nghiệp Giáo dục": the field after the fixed words, up to the next function word or punctuation. */
    private static int extendWords(String s, int from, int max, Set<String> stops) {
        int end = from;
        int i = from;
        for (int w = 0; w < max; w++) {
            int ws = skipSpaces(s, i);
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
            if (stops.contains(word)) {
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
                local.add(new Form(o.award(), o.kind(), o.start() - from, o.end() - from, o.quotedTitle(), o.open()));
            }
        }
        Form shifted = new Form(f.award(), f.kind(), f.start() - from, f.end() - from, f.quotedTitle(), f.open());
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
        c.award = f.award();
        c.openForm = f.open();
        c.key = f.kind() == Kind.PLAIN ? PLAIN_QUALIFIER.matcher(awardKey(f.award())).replaceFirst("")
                : f.kind() == Kind.TITLE ? HERO_ERA_KEY.matcher(awardKey(f.award())).replaceFirst("$1") : awardKey(f.award());
        c.key = titleAbbreviations.getOrDefault(c.key, c.key);
        if (f.kind() == Kind.PLAIN && f.award().equalsIgnoreCase("Cờ")) {
            Matcher quoted = QUOTED.matcher(s.substring(f.end()));
            if (quoted.find()) {
                c.key += " " + key(quoted.group(1)); // two flags with their own quoted titles are two conferrals
            }
        }
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
            c.conferrerIsAgent = ob.group(1).equalsIgnoreCase("do");
            postFrom = readAuthority(c, post, ob.end(), c.conferrerIsAgent, false);
        } else if (eb.lookingAt()) {
            c.conferrerIsAgent = true;
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
        boolean givenRightBefore = givenRightBefore(s, f.start());
        // "tặng cờ thi đua Đơn vị dẫn đầu …": the flag's citation, not a unit it was given to
        boolean flagCitation = f.award().regionMatches(true, 0, "Cờ", 0, 2)
                && FLAG_CITATION.matcher(post).region(postFrom, post.length()).lookingAt();
        if (c.recipients.isEmpty() && givenRightBefore && !flagCitation) {
            Matcher object = DIRECT_OBJECT.matcher(post);
            object.region(postFrom, post.length());
            if (object.lookingAt()) {
                addRecipients(c, readRecipients(post, object.end())); // "… tặng bằng khen cá nhân xuất sắc"
            }
        }
        if (c.conferrer == null && !givenRightBefore && f.kind() == Kind.PLAIN && postFrom == 0) {
            readAuthority(c, post, 0, false, true); // "30 cờ thi đua Chính phủ", "nhận Bằng khen UBND tỉnh"
        }
        if (c.title == null) {
            Matcher q2 = ANY_QUOTED.matcher(post);
            if (q2.find() && q2.start() < 120) {
                c.title = q2.group(1).strip();
            }
        }

        // The frame before the form: who gives it, who receives it.
        int floor = passiveOverGivers(s, clauseStart(s, f.start()));
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
        // "trao cho Công ty Điện lực Hòa Bình Bằng khen": the recipient may stand between the verb and the form
        Matcher firstObject = verbType == null ? null : OBJECT_FIRST.matcher(pre.substring(verbEnd));
        boolean objectFirst = firstObject != null && firstObject.lookingAt() && wordCount(firstObject.group(1)) <= 12;
        if (!objectFirst && verbType != null && !verbType.equals("RECEIVE")) {
            firstObject = NAMED_OBJECT_FIRST.matcher(pre.substring(verbEnd));
            objectFirst = firstObject.lookingAt() && wordCount(firstObject.group(1)) <= 12
                    && namesABody(firstObject.group(1));
        }
        boolean ownFrame = verbType != null && (wordCount(pre.substring(verbEnd)) <= 6 || objectFirst);
        c.ownFrame = ownFrame;
        if (ownFrame) {
            String verb = pre.substring(verbStart, verbEnd).toLowerCase(Locale.ROOT);
            // the regexes below run only when their literal word stands in the text (a find() tries every position)
            Matcher passive = StartScanner.containsFolded(pre, "được")
                    ? this.passive.matcher(pre.substring(0, verbEnd)) : null;
            if (passive != null && passive.find()) {
                // "được Nhà nước phong tặng, truy tặng": the first of two coordinated verbs is no part of the agent
                String agent = AGENT_TRAILING_VERB.matcher(passive.group(1)).replaceFirst("");
                Matcher agentEnd = SUBJECT_END.matcher(agent);
                if (agentEnd.find() && agentEnd.start() > 0) {
                    agent = agent.substring(0, agentEnd.start()); // "được Chủ tịch nước quyết định tặng thưởng"
                }
                Authority a = authority(agent);
                if (a != null && a.authority() != null && c.conferrer == null) {
                    c.conferrer = a.authority();
                }
                String subject = s.substring(namedSubjectStart(s, floor), floor) + pre.substring(0, passive.start());
                // "Chị A, giáo viên Trường B được tặng …": she receives it, not her description
                if (!appositionRecipients(c, s, floor, subject)) {
                    addSubjectRecipients(c, subject);
                }
                widenCountedRecipients(c, s, floor);
                if (c.recipients.isEmpty() && floor > 0 && s.charAt(floor - 1) == ',') {
                    subjectBeforeApposition(c, s, floor);
                    headSubjectReceives(c, s, floor); // "Trường A đạt chuẩn quốc gia, được Thủ tướng tặng Bằng khen"
                }
            } else if (verbType.equals("RECEIVE")) {
                String subject = s.substring(namedSubjectStart(s, floor), floor) + pre.substring(0, verbStart);
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
                Matcher guest = StartScanner.containsFolded(subject, "lễ") ? ATTENDS_CEREMONY.matcher(subject) : null;
                if (guest != null && guest.find()) {
                    subject = ""; // "Thủ tướng A đến dự lễ kỷ niệm … và đón nhận Huân chương …": a guest receives nothing
                }
                // "UBND tỉnh tổ chức lễ đón nhận danh hiệu … do Chủ tịch nước trao tặng cho Bệnh viện X": when the
                // sentence names who it was given to, the subject only hosts the ceremony
                // "Anh A, công nhân Nhà máy B nhận danh hiệu …": read through the apposition
                boolean appositive = c.recipients.isEmpty() && appositionRecipients(c, s, floor, subject);
                if (!appositive && (!hostsCeremony || c.recipients.isEmpty())) {
                    addSubjectRecipients(c, subject);
                    widenCountedRecipients(c, s, floor);
                }
                if (floor > 0 && s.charAt(floor - 1) == ',' && POSITION.matcher(subject.strip()).find()) {
                    // "Ông Phạm Văn Lộc, Chủ tịch Hội …, được tặng …": the named person before the title receives it
                    String person = lastPerson(s.substring(0, floor));
                    if (person != null) {
                        addUnique(c.recipients, person);
                    }
                } else if (c.recipients.isEmpty() && floor > 0 && s.charAt(floor - 1) == ',') {
                    subjectBeforeApposition(c, s, floor);
                    headSubjectReceives(c, s, floor); // "xã A đã tổ chức lễ kỷ niệm …, đón nhận Huân chương …"
                }
            } else {
                if (objectFirst && c.recipients.isEmpty()) {
                    addRecipients(c, firstObject.group(1).strip());
                }
                String subject = pre.substring(0, verbStart);
                Matcher host = StartScanner.containsFolded(subject, "lễ") ? HOSTS.matcher(subject) : null;
                boolean hosts = host != null && host.find();
                if (hosts) {
                    // "Bộ Chỉ huy … tổ chức Lễ trao tặng danh hiệu …": the host; "Chủ tịch nước … dự Lễ truy tặng …": the
                    // guest of honour, who may confer
                    subject = host.group(1) != null ? "" : subject.substring(0, host.start());
                }
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
                subject = TRAILING_ADVERBS.matcher(" " + subject).replaceFirst("").strip(); // "Bộ Công an còn tặng …"
                if (c.recipients.isEmpty() && COUNTED_GROUPS.matcher(subject).matches()) {
                    // "4.222 tập thể, 19.729 cá nhân tặng bằng khen": a passive without "được"; a giver is never counted
                    addSubjectRecipients(c, subject);
                    widenCountedRecipients(c, s, floor);
                    subject = "";
                }
                Authority a = authority(subject);
                Matcher decision = StartScanner.containsFolded(pre, "quyết định")
                        ? DECISION_OF.matcher(pre.substring(0, verbStart)) : null;
                if (decision != null && decision.find() && c.conferrer == null) {
                    // "A đã trao Quyết định … của Chủ tịch nước về việc tặng thưởng …": A only hands the decision over
                    Authority author = authority(pre.substring(decision.end(), authorityEnd(pre, decision.end())));
                    if (author != null && author.authority() != null) {
                        c.conferrer = author.authority();
                        a = null;
                    }
                }
                // a named holder who hands it over presents it; a position without a name, handing over a form that
                // position gives itself, is the authority ("Giám đốc Công an tỉnh trao Giấy khen …"); a state order
                // or medal it only presents ("…, Thứ trưởng Bộ Công an trao Huy chương …": conferrer unknown)
                // ... and a body that hands over a state order, medal or title ("Bộ CHQS tỉnh trao Huân chương Bảo vệ Tổ
                // quốc") presents what the President confers
                boolean presentsOnly = verbType.equals("PRESENT") && (POSITION.matcher(subject.strip()).find()
                        && (a == null || a.person() != null || !HOLDER_GIVEN_FORM.matcher(c.award).lookingAt())
                        || !HOLDER_GIVEN_FORM.matcher(c.award).lookingAt());
                if (a != null && a.authority() != null && c.conferrer == null && !presentsOnly) {
                    c.conferrer = a.authority();
                    c.conferrerFromGiver = true;
                } else if (subject.isBlank() && c.conferrer == null && previous != null && previous.conferrerFromGiver
                        && floor > 0 && (s.charAt(floor - 1) == ';' || s.charAt(floor - 1) == ',')) {
                    // "Ban Thường vụ tặng cờ … cho A; tặng bằng khen cho 2 tập thể …": the giver is said once
                    c.conferrer = previous.conferrer;
                    c.conferrerFromGiver = true;
                }
                if (verbType.equals("PRESENT") || verb.contains("trao")) {
                    String person = a != null && a.person() != null ? a.person() : lastPerson(s.substring(0, floor + verbStart));
                    if (person != null) {
                        c.presenter = person;
                    }
                }
                if (a != null && a.authority() != null && floor > 0 && s.charAt(floor - 1) == ','
                        && !POSITION.matcher(subject.strip()).lookingAt()) {
                    headSubjectReceives(c, s, floor); // "Công đoàn đạt VMXS, LĐLĐ tỉnh tặng bằng khen": the union receives it
                }
            }
        } else if (previous != null && prevForm != null && s.substring(prevForm.end(), f.start()).indexOf(';') < 0) {
            // "… tặng danh hiệu X cho A và Bằng khen cho 5 cá nhân": the second form shares the first one's frame (not
            // across the ";" of a record).
            c.conferrer = c.conferrer != null ? c.conferrer : previous.conferrer;
            c.presenter = previous.presenter;
        }
        Matcher d = DELEGATED_SCAN.matcher(s);
        if (DELEGATED_SCAN.find(d, s, 0) && d.start() < f.start()) {
            Authority a = authority(s.substring(d.end(), authorityEnd(s, d.end())));
            if (a != null && a.authority() != null) {
                c.conferrer = a.authority();
            } else if (c.conferrerFromGiver) {
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
        } else if (post.indexOf(':', postFrom) >= 0 && (c.recipients.isEmpty() || looksCounted(c.recipients)
                || c.recipients.size() == 1 && PLURAL_GROUP.matcher(c.recipients.get(0)).matches())) {
            // "… tặng Bằng khen: 1. Ủy ban …; 2. Đài …", "đón nhận Huân chương … có các lãnh đạo: A, Bộ trưởng …; B"
            Matcher colon = COLON_LIST.matcher(post);
            colon.region(postFrom, post.length());
            List<String> items = colon.lookingAt() ? splitList(colon.group(1)) : List.of();
            if (!items.isEmpty()) {
                c.recipients = items;
            }
        }
        if (c.recipients.stream().allMatch(AwardExtractor::isDescription)) {
            // "7 tập thể được phong tặng danh hiệu … gồm Lữ đoàn 74, Tổng cục II; Nhà máy X51 …", "02 tập thể … được tặng
            // Bằng khen của Chủ tịch UBND tỉnh là Nhân dân và cán bộ xã A, Nhân dân và cán bộ xã B": the names follow
            Matcher named = NAMED_LIST.matcher(post);
            named.region(postFrom, post.length());
            if (named.find() && (CharClass.isUpperCase(named.group(1).charAt(0)) || honorific.matcher(named.group(1)).lookingAt())) {
                List<String> items = namedRun(named.group(1));
                if (!items.isEmpty()) {
                    c.recipients = new ArrayList<>(items);
                }
            }
        }
        if (c.conferrer == null && StartScanner.containsFolded(s, "quyết định")) {
            Matcher decision = DECISION_OF.matcher(s);
            decision.region(0, f.start());
            if (decision.find()) { // "Theo quyết định của Chủ tịch nước …, 28 người … được trao tặng danh hiệu …"
                Authority author = authority(s.substring(decision.end(), authorityEnd(s, decision.end())));
                c.conferrer = author == null ? null : author.authority();
            }
        }
        if (c.title != null && key(c.title).equals(c.key)) {
            c.title = null;
        }
        return c;
    }

    /**
     * "… Công an tỉnh đã liên tục được Chính phủ, Bộ Công an, UBND tỉnh tặng cờ thi đua": the givers of one passive are
     * listed with commas, so the form's clause opens before its "được", not after the last giver's comma. The floor as
     * it was unless the clause holds only a giver and its verb and every chunk back to "được" is a giver.
     */
    private int passiveOverGivers(String s, int floor) {
        if (floor < 2 || s.charAt(floor - 1) != ',') {
            return floor;
        }
        String clause = s.substring(floor);
        Matcher verb = verbPattern.matcher(clause);
        if (!verbPattern.find(verb, clause, 0) || !coordinatedGiver(clause.substring(0, verb.start()))) {
            return floor;
        }
        int at = floor;
        for (int n = 0; n < 6 && at > 1 && s.charAt(at - 1) == ','; n++) {
            int start = clauseStart(s, at - 1);
            String chunk = s.substring(start, at - 1);
            Matcher passive = LAST_PASSIVE.matcher(chunk);
            if (StartScanner.containsFolded(chunk, "được") && passive.find()) {
                return giver(passive.group(1)) != null ? start : floor;
            }
            if (!coordinatedGiver(chunk)) {
                return floor;
            }
            at = start;
        }
        return floor;
    }

    /** A giver, or a short capitalized item of a list of givers ("được UBND tỉnh, Bộ, Ngành Trung ương tặng"). */
    private boolean coordinatedGiver(String phrase) {
        String p = phrase.strip();
        return giver(p) != null || !p.isEmpty() && CharClass.isUpperCase(p.charAt(0)) && wordCount(p) <= 4
                && p.chars().noneMatch(Character::isDigit);
    }

    private static final Pattern LAST_PASSIVE = Pattern.compile("(?<![\\p{L}])được\\s+([^,]{2,60})$", FLAGS);

    /** A short capitalized phrase that names an authority ("Bộ Công an", "UBND tỉnh"); null otherwise. */
    private Authority giver(String phrase) {
        String p = phrase.strip();
        return p.isEmpty() || !CharClass.isUpperCase(p.charAt(0)) || wordCount(p) > 6 ? null : authority(p);
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
            // (at 0 too: "…, 5 Huân chương Lao động hạng Ba; Thủ tướng Chính phủ tặng 12 Bằng khen")
            int semicolon = head.lastIndexOf(';');
            if (semicolon >= 0) {
                return from + semicolon; // "… cho 5 tập thể và 10 cá nhân; Giám đốc Công an tỉnh tặng Giấy khen …"
            }
            int and = Math.max(head.lastIndexOf(" và "), head.lastIndexOf(','));
            if (and >= 0) {
                return from + and;
            }
        }
        int semicolon = between.lastIndexOf(';');
        if (semicolon > 0) {
            return from + semicolon; // "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo cho 4 giáo viên; Giấy khen …"
        }
        int and = between.lastIndexOf(" và ");
        while (and > 0 && and + 4 < between.length() && insideName(between, and)) {
            and = between.lastIndexOf(" và ", and - 1);
        }
        return and > 0 ? from + and : nextStart;
    }

    /** "Bộ Giáo dục và Đào tạo": a "và" between two capitalized words, with more of the name after it, joins a name. */
    private static boolean insideName(String s, int and) {
        int before = s.lastIndexOf(' ', and - 1) + 1;
        int after = and + 4;
        return before < and && CharClass.isUpperCase(s.charAt(before)) && after < s.length()
                && CharClass.isUpperCase(s.charAt(after)) && s.substring(after).strip().contains(" ")
                || insideCentralBody(s, and);
    }

    /** "Bộ Lao động - Thương binh và Xã hội": the "và" at and is inside a central body's name. */
    private static boolean insideCentralBody(String s, int and) {
        int after = and + 4;
        return after < s.length() && CharClass.isUpperCase(s.charAt(after)) && centralBodyAcross(s, 0, and, 5) >= 0;
    }

    /**
     * The end of a central body's name (reference data) that runs across {@code at}: it opens with a capitalized word
     * at most eight words before {@code at} and not before {@code floor}, and closes with one of the next
     * {@code wordsAfter} words (trailing punctuation left out; a word that ends in punctuation is the last tried). The
     * longest such name's end, or -1.
     */
    private static int centralBodyAcross(String s, int floor, int at, int wordsAfter) {
        int[] ends = new int[wordsAfter];
        int n = 0;
        for (int i = at; n < wordsAfter; ) {
            int a = skipSpaces(s, i);
            int b = a;
            while (b < s.length() && !CharClass.isWhitespace(s.charAt(b))) {
                b++;
            }
            int e = b;
            while (e > a && TRAILING_WORD_PUNCT_CHARS.indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            if (e == a) {
                break;
            }
            ends[n++] = e;
            if (e < b) {
                break; // "… Thể thao và Du lịch, …": the name ends at the punctuation at the latest
            }
            i = b;
        }
        int[] starts = new int[8];
        int m = 0;
        for (int j = at - 1; j >= floor && m < starts.length; j--) {
            if (!CharClass.isWhitespace(s.charAt(j)) && (j == floor || CharClass.isWhitespace(s.charAt(j - 1)))) {
                starts[m++] = j;
            }
        }
        CentralBodies bodies = CentralBodies.get();
        for (int k = n - 1; k >= 0; k--) {
            for (int q = 0; q < m; q++) {
                if (CharClass.isUpperCase(s.charAt(starts[q])) && bodies.isName(s.substring(starts[q], ends[k]))) {
                    return ends[k];
                }
            }
        }
        return -1;
    }

    /** "nhiều lần được tặng Giấy khen": a conferral verb after the quantifier, which counts the times, not the form. */
    private boolean givenBetween(String before, int quantifier) {
        String between = before.substring(quantifier);
        return verbPattern.find(verbPattern.matcher(between), between, 0);
    }

    /** Whether a giving verb stands right before the form ("tặng Bằng khen", "trao tặng danh hiệu"). */
    private static boolean givenRightBefore(String s, int formStart) {
        return GIVING_WORDS.contains(previousWord(s, formStart));
    }

    private static final Set<String> GIVING_WORDS = Set.of("tặng", "trao", "thưởng", "gắn", "truy");

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
                while (j < words.length && j - i < 4 && isCapitalized(words[j]) && !isAcronym(words[j])) {
                    j++; // "Phạm Văn Thành TGĐ công ty …": a position's acronym is no syllable of the name
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

    private static boolean isAcronym(String w) {
        return w.length() >= 2 && CharClass.isUpperCase(w.charAt(0)) && CharClass.isUpperCase(w.charAt(1));
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

    /** Where the clause holding {@code at} starts; a comma inside quotes ("“Giỏi việc nước, đảm việc nhà”") ends none. */
    private static int clauseStart(String s, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '”') {
                int open = s.lastIndexOf('“', i);
                if (open >= 0 && i - open <= 120) {
                    i = open;
                    continue;
                }
            }
            if (c == ',' && pairedStaff(s, i)) {
                continue; // "139 lượt cán bộ, chiến sỹ được tặng …": one group, not two clauses
            }
            if (c == ',' && i > 0 && i + 1 < s.length() && CharClass.isDigit(s.charAt(i - 1))
                    && CharClass.isDigit(s.charAt(i + 1))) {
                continue; // "16,8% đạt danh hiệu …": a decimal comma
            }
            if (c == ',' && coordinatedVerbs(s, i)) {
                continue; // "được phong tặng, truy tặng danh hiệu …": one predicate with two verbs
            }
            if (c == ')') {
                int open = s.lastIndexOf('(', i);
                if (open >= 0 && PHOTO_POSITION.matcher(s).region(open, i + 1).matches()) {
                    i = open; // "Trung tá A (trái) và Đại tá B (phải) nhận …": a caption's note inside the subject
                    continue;
                }
                if (open > 0 && noteOnTheWordBefore(s, open, i)) {
                    i = open; // "ông A (huyện B) được nhận …", "Ban X (nay là Y) đã được …": a note, not a clause
                    continue;
                }
            }
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '–' || c == '—') {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Whether the brackets {@code open..close} hold a short note on the word before them (its place, its present
     * name, a date span) rather than a clause of their own: {@link #BRACKET_NOTE}, the space before them included.
     */
    private static boolean noteOnTheWordBefore(String s, int open, int close) {
        return open >= 2 && BRACKET_NOTE.matcher(s).region(open - 1, close + 1).useTransparentBounds(true).matches();
    }

    /** "cán bộ, chiến sĩ", "cán bộ, công chức", "giáo viên, nhân viên": the staff of a body named as a pair. */
    private static final Pattern STAFF_PAIR_AFTER = Pattern.compile("\\s*(?:chiến sĩ|chiến sỹ|công chức|viên chức|giáo viên|"
            + "nhân viên|đảng viên|công nhân|hội viên|người lao động|đoàn viên)(?![\\p{L}])", FLAGS);
    private static final Set<String> STAFF_PAIR_BEFORE = Set.of("bộ", "viên", "chức", "sĩ", "sỹ", "nhân");

    private static final String CONFERRAL_VERB = "(?:phong tặng|truy tặng|truy phong|tặng thưởng|trao tặng|phong|tặng)";
    private static final Pattern CONFERRAL_VERB_BEFORE = Pattern.compile("(?<![\\p{L}])" + CONFERRAL_VERB + "$", FLAGS);
    private static final Pattern CONFERRAL_VERB_AFTER = Pattern.compile("\\s*" + CONFERRAL_VERB + "(?![\\p{L}])", FLAGS);

    private static final Pattern AGENT_TRAILING_VERB = Pattern.compile("(?:^|\\s+)" + CONFERRAL_VERB + "\\s*(?:,|và)?\\s*$", FLAGS);

    /** "phong tặng, truy tặng": two conferral verbs joined by a comma. */
    private static boolean coordinatedVerbs(String s, int comma) {
        return CONFERRAL_VERB_BEFORE.matcher(s).region(Math.max(0, comma - 12), comma).find()
                && CONFERRAL_VERB_AFTER.matcher(s).region(comma + 1, s.length()).lookingAt();
    }

    private static boolean pairedStaff(String s, int comma) {
        return STAFF_PAIR_BEFORE.contains(previousWord(s, comma))
                && STAFF_PAIR_AFTER.matcher(s).region(comma + 1, s.length()).lookingAt();
    }

    /** End of an authority phrase: the first stop word written in lower case, digit, quote or punctuation. */
    private static int authorityEnd(String s, int from) {
        int i = from;
        int end = from;
        int words = 0;
        while (i < s.length() && words < 12) {
            int ws = skipSpaces(s, i);
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
                    || !CharClass.isUpperCase(bare.charAt(0)) && AUTHORITY_STOP.contains(bare)
                    && !(bare.equals("nhân") && s.startsWith("dân", skipSpaces(s, we)))) {
                // a capitalized word continues the name ("Giám đốc Công an tỉnh": "công" only as in "công bố")
                break;
            }
            if (bare.equals("và") && bare.length() == w.length()) {
                int nx = skipSpaces(s, we);
                if (nx < s.length() && !CharClass.isUpperCase(s.charAt(nx))) {
                    break; // "Bằng khen của Bộ trưởng Bộ Y tế và phần thưởng cho …": a second gift, not "… Thể thao và Du lịch"
                }
            }
            end = ws + bare.length();
            if (bare.length() < w.length()) {
                int bodyEnd = w.endsWith(",") ? centralBodyAcross(s, from, we, 6) : -1;
                if (bodyEnd < 0) {
                    break;
                }
                end = bodyEnd; // "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch": the comma is inside the body's name
                we = bodyEnd;
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
            // two syllables only after a lower-case word that is no administrative prefix ("Chủ tịch nước Lương Cường";
            // not "UBND tỉnh Lâm Đồng")
            boolean shortName = run == 2 && !words[i - 1].isEmpty() && CharClass.isLowerCase(words[i - 1].charAt(0))
                    && !ADMIN_PREFIXES.contains(words[i - 1].toLowerCase(Locale.ROOT));
            if (surnames.contains(words[i]) && (run >= 3 || shortName) && run <= 4 && allCapitalized(words, i)) {
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

    /**
     * A province or district of either map (reference data) or a place of the lexicons: "Lâm Đồng", "Trần Văn Thời"
     * after a title are no person. Communes are left out: many wards bear a person's name ("Phường Lê Lợi").
     */
    private boolean isPlace(String name) {
        AdminUnits units = AdminUnits.get();
        return places.contains(key(name)) || units.isName(name, AdminLevel.PROVINCE) || units.isName(name, AdminLevel.DISTRICT);
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

    /**
     * A mark that ends a recipient list at i: one of {@code .;:“"”()}, or a dash between whitespace (regex \s). A dot
     * inside a number or a word ("1.355 học sinh", "TP.Hà Nội") ends nothing.
     */
    private static boolean stopMarkAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '.' && i > 0 && i + 1 < s.length() && CharClass.isLetterOrDigit(s.charAt(i - 1))
                && CharClass.isLetterOrDigit(s.charAt(i + 1))) {
            return false;
        }
        if (c == '.' || c == ';' || c == ':' || c == '“' || c == '"' || c == '”' || c == '(' || c == ')') {
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
            count += number(cm.group(1));
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

    /**
     * "Nghệ nhân Ưu tú Rơ Châm Phon, làng Kon Tum Kơ Nâm, được … phong tặng …": when the clause before the verb is only
     * an apposition, the subject is the sentence's first clause, a name after its honorific or title.
     */
    /**
     * The people and bodies before a chain of appositions ({@link #subjectThroughAppositions}), else the person before
     * a description ({@link #personBeforeDescription}), receive; false when the subject has no apposition.
     */
    private boolean appositionRecipients(Candidate c, String s, int floor, String subject) {
        List<String> chain = subjectThroughAppositions(s, floor, subject);
        if (!chain.isEmpty()) {
            c.recipients.addAll(chain);
            return true;
        }
        String described = personBeforeDescription(s, floor, subject);
        if (described != null) {
            addUnique(c.recipients, described);
            return true;
        }
        return false;
    }

    /**
     * "Chị Hoàng Thị Mai, giáo viên Trường Mầm non Hoa Sen được tặng …": a subject in lower case (what she does) after a
     * clause that is only a person's name describes that person, who is the recipient; null otherwise.
     */
    private String personBeforeDescription(String s, int floor, String subject) {
        String d = subject.strip();
        if (floor < 2 || s.charAt(floor - 1) != ',' || d.isEmpty() || !CharClass.isLowerCase(d.charAt(0))
                || PERSON_PRONOUNS.contains(Lexicon.lower(d))) {
            return null;
        }
        String before = s.substring(clauseStart(s, floor - 1), floor - 1).strip();
        String person = lastPerson(before);
        return person != null && before.endsWith(person) && wordCount(before) <= wordCount(person) + 2 ? person : null;
    }

    /**
     * "Theo Quyết định số …, Liệt sỹ, Đại úy A, nguyên Chỉ huy trưởng …, Quân chủng Hải quân, được truy tặng …", "Các tập
     * thể Phòng PC03, PA06 và Đại tá B, Phó Giám đốc Công an tỉnh; Thiếu tá C, Phó trưởng Phòng PC02, Công an TPHCM đón
     * nhận …": the clause before the verb only continues a position's apposition, so the recipients are the people
     * (and the bodies opening the subject) named in the chunks before it, after the sentence's frame ("Theo …",
     * "Năm 2020"). Empty when the clause is a subject of its own.
     */
    private List<String> subjectThroughAppositions(String s, int floor, String subject) {
        if (floor < 2 || APPOSITION_MARKS.indexOf(s.charAt(floor - 1)) < 0) {
            return List.of();
        }
        List<String> chunks = new ArrayList<>();
        for (String ch : APPOSITION_SPLIT.split(s.substring(0, floor - 1))) {
            if (!ch.isBlank()) {
                chunks.add(ch.strip());
            }
        }
        if (chunks.size() < 2) {
            return List.of();
        }
        String last = chunks.get(chunks.size() - 1);
        String own = TRAILING_ADVERBS.matcher(" " + subject).replaceFirst("").strip();
        // "ông A – chủ tịch HĐQT – TGĐ tổng công ty được …", "ông B và ông C – Trưởng phòng TCHC nhận …"
        if (!own.isEmpty() && !isApposition(last) && !isApposition(own)) {
            return List.of();
        }
        // the subject's chunks run back from the verb to the sentence's frame ("Theo …", "Năm 2020") or to a clause of
        // its own (a verb or an award form: "… được tặng Huân chương …, các ông A và B – Trưởng phòng … nhận …")
        int from = chunks.size();
        while (from > 0 && !FRAME_CHUNK.matcher(chunks.get(from - 1)).lookingAt() && !hasFrame(chunks.get(from - 1))) {
            from--;
        }
        List<String> out = new ArrayList<>();
        for (int k = from; k < chunks.size(); k++) {
            String ch = chunks.get(k);
            if (isApposition(ch)) {
                continue;
            }
            for (String part : SPLIT_AND.split(ch)) {
                String person = lastPerson(part);
                String body = LEADING_COLLECTIVE.matcher(part.strip()).replaceFirst("");
                if (person != null) {
                    addUnique(out, person);
                } else if (k == from && bodyHead.matcher(body).lookingAt()) {
                    addUnique(out, body);
                }
            }
        }
        return out.stream().anyMatch(this::looksLikePersonName) ? out : List.of();
    }

    private boolean hasFrame(String chunk) {
        return verbPattern.find(verbPattern.matcher(chunk), chunk, 0) || formPattern.find(formPattern.matcher(chunk), chunk, 0);
    }

    /**
     * A position, a former one or a description without a name of its own ("Phó trưởng Phòng PC02", "nguyên Chỉ huy
     * trưởng …", "cán bộ Phòng PA08"): it describes a name before it. "Thượng úy Hà Văn Khiêm" names one.
     */
    private boolean isApposition(String chunk) {
        return (FORMER_WORD.matcher(chunk).lookingAt() || titleStart.matcher(chunk).lookingAt()
                || CharClass.isLowerCase(chunk.charAt(0))) && lastPerson(chunk) == null;
    }

    private static final Pattern APPOSITION_SPLIT = Pattern.compile("[,;–—]");
    /** What separates a name from its positions: a comma or a dash. */
    private static final String APPOSITION_MARKS = ",–—";
    private static final Pattern SPLIT_AND = Pattern.compile("\\s+và\\s+");
    private static final Pattern FORMER_WORD = Pattern.compile("nguyên\\s", FLAGS);
    private static final Pattern LEADING_COLLECTIVE = Pattern.compile("^(?:các|những)?\\s*(?:tập thể|đơn vị|cá nhân)\\s+(?=\\p{Lu})", FLAGS);
    /** How a sentence opens before its subject: the decision, the time, the occasion. */
    private static final Pattern FRAME_CHUNK = Pattern.compile(
            "(?:Theo|Căn cứ|Thực hiện|Năm|Ngày|Sáng|Chiều|Tối|Dịp này|Nhân dịp|Tại|Trong|Qua|Với|Thừa)(?![\\p{L}])", FLAGS);

    private void subjectBeforeApposition(Candidate c, String s, int floor) {
        int comma = s.indexOf(',');
        if (comma <= 0 || comma >= floor - 1) {
            return;
        }
        String first = DATELINE.matcher(s.substring(0, comma).strip()).replaceFirst("");
        if (first.isEmpty() || FRAME_CHUNK.matcher(first).lookingAt() || LEADING_TIME.matcher(first).lookingAt()) {
            return; // "NGHỆ AN - Ngày 21.1, …": the dateline and the day, not who
        }
        Matcher title = formPattern.matcher(first);
        if (formPattern.find(title, first, 0) && title.start() == 0) {
            first = first.substring(title.end()).strip(); // "Nghệ nhân Ưu tú Rơ Châm Phon": the title describes him
        }
        Matcher own = OWN_PREDICATE.matcher(first);
        if (own.find() && own.group().strip().toLowerCase(Locale.ROOT).endsWith("được")) {
            // "Công an tỉnh đã vinh dự được Đảng, Nhà nước tặng …, được Chủ tịch nước tặng …": a first passive
            // whose givers run past the comma; the subject is what stands before it
            first = first.substring(0, own.start()).strip();
        }
        if (first.isEmpty() || !CharClass.isUpperCase(first.charAt(0)) || wordCount(first) > 8
                || verbPattern.find(verbPattern.matcher(first), first, 0)) {
            return;
        }
        addRecipients(c, first);
    }

    /** The people of an institution named after them: "(tập thể) cán bộ, giảng viên và sinh viên Nhà trường". */
    private static final String MEMBER_NOUNS = "(?:cán bộ|giảng viên|giáo viên|công nhân viên|công nhân|viên chức|nhân viên"
            + "|người lao động|sinh viên|học sinh|học viên|chiến sĩ|chiến sỹ|sĩ quan|y bác sĩ|bác sĩ|đảng viên|hội viên|đoàn viên"
            + "|công chức|nhân dân)";
    private static final Pattern MEMBERS_OF = Pattern.compile("(?<![\\p{L}])(?:toàn thể\\s+|tập thể\\s+)?" + MEMBER_NOUNS
            + "(?:(?:\\s*,\\s*|\\s+và\\s+|\\s+)" + MEMBER_NOUNS + ")*\\s+((?-i:\\p{Lu})\\S*(?:\\s+\\S+){0,8})$", FLAGS);

    /** Where a person stands in a photo: "(trái)", "(thứ 2 từ phải sang)", "(đứng giữa)", "(hàng đầu, bên trái)". */
    private static final Pattern PHOTO_POSITION = Pattern.compile("\\s*\\((?:[^()]{0,20}\\s)?(?:trái|phải|giữa|hàng đầu)"
            + "(?:\\s[^()]{0,20})?\\)", FLAGS);

    /**
     * A short note in brackets on the word before it: at most 78 characters, none a comma, semicolon or bracket
     * ("ông A (huyện B)", "Ban X (nay là Y)", "(1965 - 2025)"). It ends no clause and is no part of a recipient.
     */
    private static final Pattern BRACKET_NOTE = Pattern.compile("(?<=[\\p{L}\\p{N}])\\s+\\([^(),;]{1,78}\\)", FLAGS);

    /** "(X) tổ chức Lễ kỷ niệm 45 năm … và đón nhận …", "Kỷ niệm 68 năm Ngày thành lập và đón nhận …": the event. */
    private static final Pattern EVENT_AND = Pattern.compile("(?:^|\\s+)(?:(?:lễ\\s+)?(?:kỷ niệm(?!\\s+chương)|tổng kết)(?![\\p{L}])"
            + "|(?:long trọng\\s+)?tổ chức\\s+(?:lễ|buổi lễ|hội nghị|lễ kỷ niệm)(?![\\p{L}])).*(?:\\s+và|,)\\s*$", FLAGS);
    /** "Trong số 3.401 đảng viên được tặng …": the counted group is the subject. */
    private static final Pattern AMONG = Pattern.compile("^trong\\s+số\\s+(?=\\d)", FLAGS);

    private void addSubjectRecipients(Candidate c, String subject) {
        String r = BULLET.matcher(subject.strip()).replaceFirst(""); // "- Binh chủng được tặng …": a list's mark
        r = PHOTO_POSITION.matcher(r).replaceAll(""); // a caption's "A (trái) và B (phải) nhận …"
        r = BRACKET_NOTE.matcher(r).replaceAll(""); // "ông A (huyện B)", "Ban X (nay là Y)": a note on the name
        r = EVENT_AND.matcher(r).replaceFirst(""); // "X: Kỷ niệm 68 năm Ngày thành lập và đón nhận …": what, not who
        r = TRAILING_ADVERBS.matcher(" " + r).replaceFirst("").strip(); // also a subject of adverbs alone ("đã")
        if (NOT_A_SUBJECT.matcher(r).find() || CONTRIBUTION.matcher(r).lookingAt()) {
            return; // "…, góp phần vào sự nghiệp … đã được tặng": why, not who (the subject stands before it)
        }
        r = LEADING_TIME.matcher(r).replaceFirst(""); // "năm 2019 được Chủ tịch nước tặng …": when, not who
        r = LEADING_TIME.matcher(LEADING_AND.matcher(r).replaceFirst("")).replaceFirst(""); // "và 17 năm đạt …": how long
        for (Matcher lead = LEADING_YEAR_OR_ADVERB.matcher(r); lead.lookingAt() && lead.end() < r.length(); lead = LEADING_YEAR_OR_ADVERB.matcher(r)) {
            r = r.substring(lead.end()); // "Năm 2011, 2012 anh liên tục đạt …": the second year of the frame; "liên tục anh Hải"
        }
        if (r.isEmpty() || CONJUNCTION_ONLY.matcher(r).matches()) {
            return; // "A được X tặng Giấy khen và được Y tặng Bằng khen": the second shares the first's subject
        }
        if (PERSON_PRONOUNS.contains(Lexicon.lower(r.strip()))) {
            addUnique(c.recipients, r.strip()); // "Ông từng được … tặng": kept for the reference back (resolveAnaphor)
            return;
        }
        Matcher has = StartScanner.containsFolded(r, "có") ? HAS_COUNT.matcher(r) : null;
        if (has != null && has.find()) {
            r = r.substring(has.end()); // "trên địa bàn tỉnh có 7 doanh nghiệp được … tặng": the counted group
        }
        r = afterFrameOpener(r);
        r = EXAMPLE_OPENER.matcher(r).replaceFirst(""); // "Điển hình là phường A được …": the example is the subject
        r = AMONG.matcher(r).replaceFirst("");
        Matcher members = MEMBERS_OF.matcher(r);
        if (members.find()) {
            r = members.group(1); // "tập thể cán bộ, giảng viên và sinh viên Nhà trường": the institution they make up
        }
        r = FREQUENCY.matcher(r).replaceFirst(""); // "4 lần được UBND tỉnh tặng": how often, not who
        r = TRAILING_FREQUENCY.matcher(r).replaceFirst(""); // "Bộ đội Biên phòng tỉnh 2 lần được phong tặng"
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
        if (r.isEmpty()) {
            return;
        }
        Matcher named = COUNTED_THEN_NAMES.matcher(r);
        if (named.matches()) {
            List<String> items = namedRun(named.group(1)); // "4 tập thể là Trường A (Tân Trụ), Trường B và 43 cá nhân"
            if (!items.isEmpty()) {
                items.forEach(item -> addUnique(c.recipients, item));
                return;
            }
        }
        Matcher predicate0 = PREDICATE_START.matcher(r);
        if (!r.isEmpty() && CharClass.isUpperCase(r.charAt(0)) && predicate0.find() && predicate0.start() > 0) {
            r = r.substring(0, predicate0.start()); // "Bệnh viện luôn hoàn thành xuất sắc … và (đã được tặng)": the name
        }
        int copula = r.indexOf(" là ");
        String predicate = copula > 0 ? r.substring(copula) : "";
        if (copula > 0 && CharClass.isUpperCase(r.charAt(0)) && !predicate.contains(" và ") && predicate.indexOf(',') < 0) {
            // (not "A là điểm sáng … và 5 năm liên tục B được tặng …", where "và" opens the subject's own clause)
            // "DIC cũng là doanh nghiệp liên tục nhận được …": the name, not what it is
            r = TRAILING_ADVERBS.matcher(r.substring(0, copula)).replaceFirst("").strip();
        }
        if (r.isEmpty() || r.length() > 150) {
            return;
        }
        addRecipients(c, r);
    }

    private static final Pattern BULLET = Pattern.compile("^[-–+•*]\\s*");
    /** "Với những thành tích đã đạt được", "Nhờ những đóng góp to lớn": why, said before the subject. */
    private static final Pattern FOR_ACHIEVEMENTS = Pattern.compile("^(?:với|bằng|nhờ)\\s+(?:những\\s+)?(?:thành tích|kết quả|"
            + "đóng góp)(?:\\s+(?:xuất sắc|to lớn|nổi bật))?(?:\\s+(?:đã\\s+)?đạt được)?\\s+(?=\\S)", FLAGS);
    /** An adverbial that opens a sentence: "Qua …", "Với …", "Trải qua …", "Sau …", "Trong …". */
    private static final Pattern FRAME_OPENER = Pattern.compile("^(?:qua|với|trải qua|sau|trong)\\s+", FLAGS);
    private static final Pattern EXAMPLE_OPENER = Pattern.compile("^(?:(?:điển hình|tiêu biểu|nổi bật)(?:\\s+như)?\\s+(?:là\\s+)?|đó là\\s+)",
            FLAGS);
    /** A predicate after a subject said once at the head of a sentence ("Trường A đạt chuẩn …", "Công đoàn đạt VMXS"). */
    private static final Pattern OWN_PREDICATE = Pattern.compile("\\s+(?:đã\\s+)?(?:vinh dự\\s+)?(?:đạt|có|là|hoàn thành|luôn|liên tục|tiếp tục|"
            + "giữ vững|xếp|đứng|được|(?:long trọng\\s+)?tổ chức\\s+(?:lễ|buổi lễ))(?![\\p{L}])", FLAGS);
    /** "4 cá nhân", "12 tập thể và 30 cá nhân": a counted group of recipients, the whole of a head subject. */
    private static final Pattern COUNTED_GROUP_START = Pattern.compile("\\d+\\s+(?:tập thể|cá nhân|đơn vị)"
            + "(?:\\s+(?:và|,)\\s*\\d+\\s+(?:tập thể|cá nhân|đơn vị))?", FLAGS);
    /** A dateline before the lead: "NGHỆ AN - ", "HÀ NỘI – ". */
    private static final Pattern DATELINE = Pattern.compile("^(?:\\p{Lu}{2,}\\s+)*\\p{Lu}{2,}\\s*[-–]\\s*");

    /**
     * "Qua nhiều năm hình thành và phát triển Bệnh viện 2 lần được tặng …": an adverbial frame written without its comma
     * before the subject; the subject is the institution named after it (the text as it was when none is named).
     */
    private String afterFrameOpener(String r) {
        Matcher reason = FOR_ACHIEVEMENTS.matcher(r);
        if (reason.lookingAt()) {
            return r.substring(reason.end()); // "Với những thành tích đã đạt được tập thể … Nhà trường được tặng …"
        }
        Matcher m = FRAME_OPENER.matcher(r);
        if (!m.lookingAt()) {
            return r;
        }
        Matcher head = bodyHead.matcher(r);
        for (int i = m.end(); i < r.length(); i++) {
            if (r.charAt(i - 1) == ' ' && CharClass.isUpperCase(r.charAt(i)) && head.region(i, r.length()).lookingAt()) {
                return r.substring(i);
            }
        }
        return r;
    }

    /**
     * "Trường Mầm non A đạt chuẩn quốc gia, được Thủ tướng tặng Bằng khen", "Công đoàn đạt VMXS, LĐLĐ tỉnh tặng bằng
     * khen": the subject is said once, at the head of the sentence, before a predicate of its own; a later clause that
     * names no recipient has it. The sentence's frame ("Năm 2020,", "Qua 30 năm xây dựng,") is passed over; null when
     * the first clause after it is no named institution or person followed by its predicate.
     */
    private String headSubject(String s, int floor) {
        int from = 0;
        while (from < floor) {
            int comma = s.indexOf(',', from);
            if (comma < 0 || comma >= floor) {
                return null; // the clause of the form itself: no subject said before it
            }
            String chunk = BULLET.matcher(DATELINE.matcher(s.substring(from, comma).strip()).replaceFirst("")).replaceFirst("");
            chunk = chunk.substring(chunk.lastIndexOf(':') + 1).strip(); // "+ Năm 2003-2004: Công đoàn đạt …"
            from = comma + 1;
            if (chunk.isEmpty() || FRAME_CHUNK.matcher(chunk).lookingAt() || LEADING_TIME.matcher(chunk).lookingAt()) {
                continue;
            }
            Matcher predicate = OWN_PREDICATE.matcher(chunk);
            // a commune or district is written with its level in lower case: "xã Nghi Xuân đã tổ chức lễ …"; a counted
            // group opens with its number: "4 cá nhân có thành tích …, góp phần …, đã được tặng …"
            boolean counted = COUNTED_GROUP_START.matcher(chunk).lookingAt();
            if (!CharClass.isUpperCase(chunk.charAt(0)) && !adminStart.matcher(chunk).lookingAt() && !counted
                    || !predicate.find()) {
                return null;
            }
            String name = chunk.substring(0, predicate.start()).strip();
            name = TRAILING_FREQUENCY.matcher(name).replaceFirst("");
            boolean named = bodyHead.matcher(name).lookingAt() || looksLikePersonName(name) || adminStart.matcher(name).lookingAt()
                    && wordCount(name) >= 2 && CharClass.isUpperCase(name.charAt(name.indexOf(' ') + 1))
                    || counted && COUNTED_GROUP_START.matcher(name).matches();
            return named && wordCount(name) <= 8 && !POSITION.matcher(name).lookingAt()
                    && !verbPattern.find(verbPattern.matcher(name), name, 0) ? name : null;
        }
        return null;
    }

    /** A candidate that names no recipient yet gets the sentence's {@link #headSubject}, if it has one. */
    private void headSubjectReceives(Candidate c, String s, int floor) {
        String head = c.recipients.isEmpty() ? headSubject(s, floor) : null;
        if (head != null) {
            addRecipients(c, head);
        }
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
    /** A capitalized item whose "và" goes on with a lower-case noun that is no new counted or generic group. */
    private static boolean joinsDescription(String left, String right) {
        String l = left.strip();
        String r = right.strip();
        return !l.isEmpty() && CharClass.isUpperCase(l.charAt(0)) && PEOPLE.matcher(l).lookingAt() && !r.isEmpty()
                && CharClass.isLowerCase(r.charAt(0)) && PEOPLE.matcher(r).lookingAt();
    }

    /** Nouns for the people of a place or body, which pair up in one collective ("Nhân dân và cán bộ xã A", "Thầy và trò"). */
    private static final Pattern PEOPLE = Pattern.compile("(?:nhân dân|cán bộ|chiến sĩ|công nhân|nhân viên|người lao động|"
            + "đoàn viên|hội viên|giáo viên|học sinh|sinh viên|thầy|trò|công chức|viên chức|lực lượng vũ trang)(?![\\p{L}])", FLAGS);

    /** Whether a bracket opened in {@code l} between {@code from} and {@code at} is still open at {@code at}. */
    private static boolean insideBrackets(String l, int from, int at) {
        int depth = 0;
        for (int i = from; i < at; i++) {
            char c = l.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private String[] splitCommasAndAnd(String l) {
        int firstComma = l.indexOf(',');
        List<String> out = new ArrayList<>();
        Matcher sep = COMMA_AND_SPLIT.matcher(l);
        int itemStart = 0;
        int from = 0;
        while (sep.find()) {
            if (insideBrackets(l, itemStart, sep.start())) {
                continue; // "Nguyễn Văn An (xã Mỹ Lộc, huyện Can Lộc)": the item's address, not two items
            }
            String left = l.substring(itemStart, sep.start()).strip();
            boolean isAnd = sep.group().strip().equalsIgnoreCase("và");
            if (isAnd && (firstComma < 0 || sep.start() < firstComma) && continuesBodyName(left, l.substring(sep.end()))) {
                continue; // keep the "và" inside the item
            }
            if (isAnd && joinsDescription(left, l.substring(sep.end()))) {
                continue; // "Nhân dân và cán bộ xã Châu Hóa": one collective, its second noun in lower case
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

    private static final Pattern ROLE_AFTER_DASH = Pattern.compile("\\s+[-–]\\s+(\\S.*)$");

    private List<String> splitList(String list) {
        String l = TRAILING_ELLIPSIS.matcher(list.strip()).replaceAll("").strip();
        List<String> items = new ArrayList<>();
        String[] parts = l.contains(";") ? SEMICOLON_SPLIT.split(l) : splitCommasAndAnd(l);
        boolean afterPerson = false;
        for (String p : parts) {
            String t = TRAILING_LIST_PUNCT.matcher(LEADING_AND.matcher(ITEM_NUMBER.matcher(p.strip()).replaceFirst(""))
                    .replaceAll("")).replaceAll("").strip();
            if (!t.isEmpty() && !t.chars().allMatch(ch -> CharClass.isDigit((char) ch)) && !isHonorificAlone(t)) {
                Matcher role = ROLE_AFTER_DASH.matcher(t);
                if (role.find() && titleStart.matcher(FORMER.matcher(role.group(1)).replaceFirst("")).lookingAt()) {
                    t = t.substring(0, role.start()); // "Lê Thị C - Phó Chủ tịch UBND tỉnh": the name, then the position
                }
                String position = FORMER.matcher(t).replaceFirst("");
                if (afterPerson && titleStart.matcher(position).lookingAt() && !honorific.matcher(t).lookingAt()) {
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

    /** "1.355" is 1355: Vietnamese writes thousands with dots. */
    private static int number(String digits) {
        return Integer.parseInt(digits.replace(".", ""));
    }

    /**
     * "Nhân dịp này, 9 tập thể, 31 cá nhân được … tặng Giấy khen": the clause split at the comma left only the last
     * counted group; the groups coordinated before it belong to the same recipients, kept as one descriptive span.
     */
    private static void widenCountedRecipients(Candidate c, String s, int floor) {
        // "12.500 tập thể, cá nhân được …": one group, counted once for both nouns
        if (c.recipients.size() != 1 || floor <= 0 || !COUNTED_GROUPS.matcher(c.recipients.get(0)).matches()
                && !BARE_GROUP.matcher(c.recipients.get(0)).matches()) {
            return;
        }
        String last = c.recipients.get(0);
        int at = s.indexOf(last, floor);
        int start = floor;
        Matcher before = COUNTED_GROUP_BEFORE.matcher(s).useTransparentBounds(true); // see "4." before "222 tập thể"
        while (at >= 0 && start > 0) {
            before.region(Math.max(0, start - 40), start);
            if (!before.find() || GIVEN_TO_BEFORE.matcher(s).region(0, before.start()).find()) {
                break; // "tặng Cờ thi đua cho 120 tập thể, 3.400 đơn vị đạt …": that group is the earlier verb's object
            }
            start = before.start();
        }
        if (at < 0 || start == floor) {
            return;
        }
        String span = s.substring(start, at + last.length());
        int count = 0;
        for (Matcher cm = COUNT.matcher(span); cm.find(); ) {
            count += number(cm.group(1));
        }
        c.recipients.set(0, span);
        c.recipientCount = count;
    }

    private static boolean looksCounted(List<String> recipients) {
        return recipients.size() == 1 && COUNT.matcher(recipients.get(0)).find();
    }

    /**
     * "… tặng Bằng khen: 1. Ban Dân tộc tỉnh; 2. …" when the split cut the sentence at the colon or at an item's number:
     * the rest of the line, or the lines after it that open with list markers.
     */
    private List<String> listAfterColon(String text, TextSpan span, String s, Form last) {
        if (!COLON_AT_END.matcher(s).region(last.end(), s.length()).find()) {
            return List.of();
        }
        int from = span.end();
        int lineEnd = text.indexOf('\n', from);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        StringBuilder items = new StringBuilder(text.substring(from, Math.min(lineEnd, from + WINDOW_AFTER)).strip());
        boolean fromLines = items.length() == 0;
        for (int line = 0, at = lineEnd + 1; fromLines && line < 30 && at < text.length(); line++) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end;
            if (!LIST_ITEM.matcher(text).region(at, end).lookingAt()) {
                break;
            }
            String item = text.substring(at, end);
            if (formPattern.find(formPattern.matcher(item), item, 0)) {
                return List.of(); // "- Huân chương Lao động hạng Ba cho …": items with forms are conferrals of their own
            }
            items.append(items.length() == 0 ? "" : "; ").append(item);
            at = end + 1;
        }
        return items.length() == 0 ? List.of() : splitList(items.toString());
    }

    /** The recipients of a list's intro, which its items name: "các tập thể, cá nhân (như) sau". */
    private static final Pattern LIST_PLACEHOLDER = Pattern.compile("(?<![\\p{L}])(?:như sau|sau đây|sau)$", FLAGS);
    /** A sentence ending in the colon that opens a list, maybe with the first item's number cut off into it. */
    private static final Pattern COLON_AT_END = Pattern.compile(
            "^(?:[^.;]{0,80}|[^;]{0,300}?(?<![\\p{L}])(?:gồm|gồm có|như sau))\\s*:\\s*(?:\\d{1,2}\\s*[.)])?\\s*$");

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
     * "… tổ chức lễ đón nhận Huân chương Bảo vệ Tổ quốc hạng Nhì. Thiếu tướng A … trao Huân chương (cho đơn vị).", a
     * caption's "Trao Kỷ niệm chương … cho các cá nhân" before the decision's "Kỷ niệm chương Vì sự nghiệp … cho 9 đồng
     * chí", a lead's "Huân chương Chiến công cho tập thể, cá nhân" before its three classes: a form less specific than a
     * named one of the article (a bare "Huân chương", or a name another form's name continues) refers to it when it has
     * no recipients, the named one's, or only a generic group; its giver fills that award's gaps. A counted or recorded
     * form is a conferral of its own ("2 Huân chương Độc lập (1 … hạng Nhất cho tỉnh X)", "Huân chương Lao động (1998)").
     */
    private List<Candidate> foldBareReferences(List<Candidate> found) {
        List<Candidate> kept = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Candidate c = found.get(i);
            boolean bare = bareForms.contains(c.key);
            Candidate named = null;
            for (int k = i - 1; k >= 0 && named == null; k--) {
                named = refersTo(c, found.get(k), bare);
            }
            for (int k = i + 1; k < found.size() && named == null; k++) {
                named = refersTo(c, found.get(k), bare);
            }
            if (named == null) {
                kept.add(c);
                continue;
            }
            for (Candidate n : found) {
                // a bare restatement fills the award it restates; a lead's classless order every class it introduces
                if (n == named || !bare && n != c && refersTo(c, n, false) != null) {
                    n.presenter = n.presenter != null ? n.presenter : c.presenter;
                    n.conferrer = n.conferrer != null ? n.conferrer : c.conferrer;
                }
                if (bare && n != c && n.recipients.isEmpty() && !c.recipients.isEmpty() && n.start == c.start
                        && n.tally != null && refersTo(c, n, true) != null) {
                    // "trao Huân chương … cho 83 đồng chí …, gồm: 9 Huân chương Độc lập hạng Ba, 3 …": the counted
                    // orders the bare one introduces go to its recipients
                    n.recipients = new ArrayList<>(c.recipients);
                    n.inferred = true;
                }
            }
        }
        return kept;
    }

    /** "Ngoài ra, …", "Bên cạnh đó, …": a sentence that adds to the one before, about the same recipient. */
    private static final Pattern ADDITIVE_OPENING = Pattern.compile("^\\s*(?:ngoài ra|bên cạnh đó|đồng thời|ngoài những phần"
            + " thưởng (?:trên|này))\\s*,", FLAGS);
    /** A recipient's dangling "và" or comma, left where its clause was cut. */
    private static final Pattern TRAILING_AND = Pattern.compile("(?:\\s+và|\\s*,)\\s*$", FLAGS);
    private static final Pattern ALL_CLASSES = Pattern.compile("\\s+các\\s+hạng(?![\\p{L}])", FLAGS);

    /** {@code named} when the less specific {@code c} refers to it (see {@link #foldBareReferences}), else null. */
    private static Candidate refersTo(Candidate c, Candidate named, boolean bare) {
        if (c.allClasses && named.key.startsWith(c.key + " ") && !named.allClasses) {
            return named; // "tặng Huân chương Lao động các hạng cho 6 tập thể và 3 cá nhân" over the classes it lists
        }
        if (named.key.equals(c.key) && !bare && c.tally == null && !c.record && !c.recipients.isEmpty()
                && c.recipients.stream().allMatch(AwardExtractor::isGenericGroup)
                && named.recipients.stream().anyMatch(r -> !isGenericGroup(r))
                && (named.conferrer == null || c.conferrer == null || sameAuthority(named.conferrer, c.conferrer))) {
            return named; // a caption's "trao bằng khen cho các doanh nghiệp" over the body's "122 doanh nghiệp được … tặng"
        }
        if (!named.key.startsWith(c.key + " ") || !bare && (c.tally != null || c.record)) {
            return null;
        }
        boolean generic = c.tally == null && !c.recipients.isEmpty() && c.recipients.stream().allMatch(AwardExtractor::isGenericGroup);
        return c.recipients.isEmpty() || sharesRecipient(named, c) || shortNameOf(named, c) || generic ? named : null;
    }

    /**
     * A headline's short name for a recipient named in full: every syllable of "Biên phòng Lạng Sơn" is in "Bộ Chỉ huy
     * Bộ đội Biên phòng tỉnh Lạng Sơn".
     */
    private static boolean shortNameOf(Candidate named, Candidate c) {
        for (String y : c.recipients) {
            List<String> short_ = List.of(WHITESPACE_RUN.split(key(y)));
            if (short_.size() < 2 || y.isEmpty() || !CharClass.isUpperCase(y.charAt(0))) {
                continue;
            }
            for (String x : named.recipients) {
                if (List.of(WHITESPACE_RUN.split(key(x))).containsAll(short_)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "tập thể", "cá nhân thuộc Công an tỉnh", "các cá nhân ở Nghệ An": a group in lower case with no count and no name first. */
    private static boolean isGenericGroup(String r) {
        String t = r.strip();
        // (a capital only where the group opens the sentence: "Nhiều tập thể và cá nhân đã được nhận …")
        return !t.isEmpty() && (CharClass.isLowerCase(t.charAt(0)) || GENERIC_BEFORE_NAME.matcher(t).lookingAt())
                && (GENERIC_GROUP.matcher(t).lookingAt() || GENERIC_PLURAL.matcher(t).lookingAt());
    }

    private static final Pattern GENERIC_BEFORE_NAME = Pattern.compile("(?:Các|Những|Nhiều)\\s");

    /** "các doanh nghiệp", "những hộ gia đình": a plural with no count and no name. */
    private static final Pattern GENERIC_PLURAL = Pattern.compile("(?:các|những|nhiều)\\s+\\p{Ll}", FLAGS);

    private static final Pattern GENERIC_GROUP = Pattern.compile("(?:các|những|nhiều)?\\s*(?:tập thể|cá nhân|đơn vị|đồng chí|cán bộ)(?![\\p{L}])",
            FLAGS);

    /**
     * The names a list opens with, up to what it says of them: "Trường A (huyện X), Trường B đã hoàn thành xuất sắc, toàn
     * diện …" gives Trường A and Trường B; a counted group after them ("… và 43 cá nhân") is kept.
     */
    private List<String> namedRun(String list) {
        Matcher stop = RECIPIENT_STOP_WORDS.matcher(list);
        String l = RECIPIENT_STOP_WORDS.find(stop, list, 0) ? list.substring(0, stop.start()) : list;
        List<String> items = new ArrayList<>();
        for (String item : splitList(l)) {
            if (isDescription(item) && !COUNTED_START.matcher(item).lookingAt()) {
                break;
            }
            items.add(item);
        }
        return items.stream().anyMatch(i -> !isDescription(i)) ? items : List.of();
    }

    /** "gồm"/"là" and a capitalized name: the named list of the counted group before (no colon needed). */
    private static final Pattern NAMED_LIST = Pattern.compile("(?<![\\p{L}])(?:gồm(?:\\s+có)?|bao gồm|là)\\s+(\\S.*)$");

    /**
     * "… trao Huân chương Chiến công hạng Nhì cho Bộ Chỉ huy …" and the caption "Trung tá A và Đại tá B nhận Huân chương
     * Chiến công hạng Nhì": a mention naming only persons (its caller checks) that no member of the group names gives
     * them a conferral of their own. Only persons: a body is written under several names across lead, caption and body,
     * a person under one.
     */
    private static boolean namedApart(List<Candidate> group, Candidate c) {
        boolean namedInGroup = false;
        // (a sentence's own coordinated mentions are one statement; a restatement group is small, so the first members
        // decide and a long run of one form stays linear)
        for (Candidate m : group.subList(0, Math.min(group.size(), 8))) {
            if (m.start == c.start) {
                return false;
            }
            if (m.inferred || m.recipients.isEmpty() || m.recipients.stream().anyMatch(AwardExtractor::isDescription)) {
                continue;
            }
            namedInGroup = true;
            if (sharesRecipient(m, c) || shortNameOf(m, c) || shortNameOf(c, m) || givenNameOf(m, c) || givenNameOf(c, m)) {
                return false;
            }
        }
        return namedInGroup;
    }

    /** "anh Huy" after "anh Phan Quốc Huy": a person called by the given name. */
    private static boolean givenNameOf(Candidate named, Candidate c) {
        for (String y : c.recipients) {
            String ky = key(y);
            if (ky.isEmpty() || ky.contains(" ")) {
                continue;
            }
            for (String x : named.recipients) {
                if (key(x).endsWith(" " + ky)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A recipient that describes rather than names: "bảy tập thể", "02 tập thể đã có thành tích …", "các cá nhân". */
    private static boolean isDescription(String r) {
        String t = r.strip();
        return t.isEmpty() || !CharClass.isUpperCase(t.charAt(0)) || COUNTED_START.matcher(t).lookingAt();
    }

    /**
     * Where a counted group named item by item opens, when the clause before the verb is its last item ("2 tập thể là
     * Trường A, Trường B và 12 cá nhân nhận …": the split at the comma left "Trường B và 12 cá nhân"); else {@code floor}.
     */
    private int namedSubjectStart(String s, int floor) {
        if (floor == 0 || !(StartScanner.containsFolded(s, "là") || StartScanner.containsFolded(s, "gồm"))) {
            return floor;
        }
        Matcher m = COUNTED_THEN_NAMES_OPENER.matcher(s);
        m.region(0, floor);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        if (start < 0) {
            return floor;
        }
        String between = s.substring(end, floor);
        return between.indexOf(';') < 0 && !verbPattern.find(verbPattern.matcher(between), between, 0) ? start : floor;
    }

    /** A count in digits or words. */
    private static final String NUMBER = "(?:\\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)";
    /** "4 tập thể là", "các đơn vị tiêu biểu gồm": a counted group that its names follow. */
    private static final String COUNTED_GROUP_NAMED_BY = "(?:" + NUMBER + "|các)\\s+(?:tập thể|cá nhân|đơn vị)[^,;:]{0,30}?"
            + "\\s+(?:là|gồm)\\s+";
    private static final Pattern COUNTED_THEN_NAMES_OPENER = Pattern.compile(
            "(?<![\\p{L}\\d])" + COUNTED_GROUP_NAMED_BY + "(?=\\p{Lu})", FLAGS);
    /** An adverb that opens a predicate ("luôn hoàn thành …", "không ngừng …") ends the subject before it. */
    private static final Pattern PREDICATE_START = Pattern.compile(
            "\\s+(?:luôn|luôn luôn|đang|vẫn|thường xuyên|không ngừng)\\s+\\p{Ll}", FLAGS);
    private static final Pattern COUNTED_THEN_NAMES = Pattern.compile(COUNTED_GROUP_NAMED_BY + "(\\p{Lu}.*)", FLAGS);
    private static final Pattern COUNTED_START = Pattern.compile(
            "(?:" + NUMBER + "|các|những|nhiều)\\s+(?:tập thể|cá nhân|đơn vị|\\p{Ll})", FLAGS);

    /** One recipient of each names the same group: equal, or one begins the other ("9 đồng chí", "9 đồng chí lãnh đạo …"). */
    private static boolean sharesRecipient(Candidate a, Candidate b) {
        for (String x : a.recipients) {
            for (String y : b.recipients) {
                String kx = key(x);
                String ky = key(y);
                if (!kx.isEmpty() && !ky.isEmpty() && (kx.equals(ky) || kx.startsWith(ky + " ") || ky.startsWith(kx + " "))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Quyết định số 2364/QĐ-CTN": two decisions are two conferrals, even of one form. */
    private static String decisionNumber(String s) {
        if (!StartScanner.containsFolded(s, "quyết định")) {
            return null;
        }
        Matcher m = DECISION_NUMBER.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern DECISION_NUMBER = Pattern.compile("quyết định\\s+(?:số\\s+)?(\\d+/[\\p{L}\\d/-]+)", FLAGS);

    private static final class MergeGroup {
        final boolean record;
        int list;
        String decision;
        Integer year;
        final Set<String> recipientKeys = new HashSet<>();
        String conferrer;
        Integer count;
        String noun;

        MergeGroup(boolean record, int list) {
            this.record = record;
            this.list = list;
        }
    }

    /** The noun a counted description counts ("16 cá nhân tham gia …": "ca nhan"). */
    private static String countedNoun(String description) {
        Matcher m = COUNT.matcher(description);
        return m.find() ? key(m.group(2)) : "";
    }

    /**
     * Whether two conferrers name one authority as the article writes it: one contains the other ("UBND tỉnh", "Chủ tịch
     * UBND tỉnh Vĩnh Phúc"; "Giám đốc", "Giám đốc Công an tỉnh"), the same body behind its head's title ("Bộ trưởng
     * GD-ĐT", "Bộ GD-ĐT"), or an abbreviation of the words' initials ("Bộ GD-ĐT", "Bộ Giáo dục và Đào tạo"; "UBND", "Ủy
     * ban nhân dân").
     */
    static boolean sameAuthority(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String ka = key(a);
        String kb = key(b);
        if (containsWords(ka, STATE) && kb.equals(HEAD_OF_STATE) || containsWords(kb, STATE) && ka.equals(HEAD_OF_STATE)) {
            return true; // "Đảng, Nhà nước" and "Chủ tịch nước": the President confers in the State's name
        }
        String ha = key(bodyOfHolder(a));
        String hb = key(bodyOfHolder(b));
        for (String x : List.of(ka, ha)) {
            for (String y : List.of(kb, hb)) {
                if (!x.isEmpty() && !y.isEmpty() && (containsWords(x, y) || containsWords(y, x))) {
                    return true;
                }
            }
        }
        if (!hasAbbreviation(a) && !hasAbbreviation(b)) {
            return false;
        }
        for (String x : List.of(initials(a), initials(bodyOfHolder(a)))) {
            for (String y : List.of(initials(b), initials(bodyOfHolder(b)))) {
                if (x.length() >= 3 && y.length() >= 3 && (x.contains(y) || y.contains(x))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keys (see {@link #key}) of "Nhà nước" and "Chủ tịch nước"; written out because KEY_FOLD is built after this. */
    private static final String STATE = "nha nuoc";
    private static final String HEAD_OF_STATE = "chu tich nuoc";

    private static boolean containsWords(String outer, String inner) {
        return (" " + outer + " ").contains(" " + inner + " ");
    }

    /** "Bộ trưởng Bộ Tài chính" is "Bộ Tài chính", "Bộ trưởng GD-ĐT" "Bộ GD-ĐT", "Giám đốc Công an tỉnh" "Công an tỉnh". */
    private static String bodyOfHolder(String authority) {
        Matcher m = HOLDER.matcher(authority);
        if (!m.lookingAt()) {
            return authority;
        }
        String body = authority.substring(m.end()).strip();
        if (m.group(1) != null && !body.toLowerCase(Locale.ROOT).startsWith("bộ")) {
            return "Bộ " + body; // "Bộ trưởng GD-ĐT"
        }
        return body.isEmpty() && m.group().toLowerCase(Locale.ROOT).startsWith("thủ tướng") ? "Chính phủ" : body;
    }

    private static final Pattern HOLDER = Pattern.compile("(?:Phó\\s+)?(?:(Bộ trưởng)|Thủ tướng|Chủ tịch(?!\\s+nước)|Giám đốc|"
            + "Tổng Giám đốc|Cục trưởng|Tổng cục trưởng|Viện trưởng|Hiệu trưởng|Tư lệnh|Chánh án|Trưởng ban)(?![\\p{L}])\\s*", FLAGS);

    private static boolean hasAbbreviation(String s) {
        for (String w : ABBREVIATION_SPLIT.split(s)) {
            if (isAbbreviation(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbbreviation(String w) {
        if (w.length() < 2) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!CharClass.isUpperCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern ABBREVIATION_SPLIT = Pattern.compile("[\\s\\-–&/().,]+");

    /** The initials a Vietnamese abbreviation is made of: every letter of an abbreviation, the first of other words. */
    private static String initials(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : ABBREVIATION_SPLIT.split(s)) {
            if (w.isEmpty() || w.equalsIgnoreCase("và")) {
                continue;
            }
            String k = key(isAbbreviation(w) ? w : w.substring(0, 1));
            b.append(k);
        }
        return b.toString();
    }

    /**
     * "524 đảng viên được trao tặng Huy hiệu Đảng và 20 đảng viên được truy tặng Huy hiệu Đảng": one sentence counting
     * other recipients of the same form states another conferral, never a restatement (unless the sentence breaks a
     * total down: "Trong đó, 3.197 đảng viên được tặng …, 176 đảng viên được tặng sớm …").
     */
    private static boolean countedApartInSentence(List<Candidate> group, Candidate c, Integer count) {
        for (Candidate m : group) {
            if (m.start == c.start && !m.record && looksCounted(m.recipients) && !count.equals(m.recipientCount)) {
                return true;
            }
        }
        return false;
    }

    private List<AwardMention> merge(List<Candidate> found, String text) {
        found = foldBareReferences(found);
        // Members of a group agree on the conferrer, so one conferrer per group (the most specific) decides a conflict
        // (linear in mentions). Likewise on a counted recipient description: "Bằng khen cho 25 cá nhân" and "Bằng khen cho
        // 10 tập thể" are two conferrals, whatever else they share. An item of a record is a conferral of its own.
        List<List<Candidate>> groups = new ArrayList<>();
        List<MergeGroup> states = new ArrayList<>();
        for (Candidate c : found) {
            Integer cc = looksCounted(c.recipients) ? c.recipientCount : null;
            String noun = cc == null ? null : countedNoun(c.recipients.get(0));
            // "Trong đó, 3.197 đảng viên …": parts of the total stated before (read once per mention)
            boolean breakdown = TALLY_OPENING.matcher(text).region(c.start, text.length()).lookingAt();
            boolean namesPersons = !c.inferred && !c.recipients.isEmpty()
                    && c.recipients.stream().allMatch(this::looksLikePersonName);
            int home = -1;
            for (int i = 0; i < groups.size() && !c.record; i++) {
                MergeGroup g = states.get(i);
                // a caption or lead that counts a list's recipients restates the list's intro ("… cho 5 cá nhân")
                boolean sameList = g.list == c.list || (g.list == 0 || c.list == 0) && cc != null && cc.equals(g.count);
                if (!g.record && sameList && groups.get(i).get(0).key.equals(c.key) && !(cc != null && !breakdown && countedApartInSentence(groups.get(i), c, cc))
                        && (g.list != 0 && g.list == c.list || !namesPersons || !namedApart(groups.get(i), c))
                        && (g.conferrer == null || c.conferrer == null || sameAuthority(g.conferrer, c.conferrer))
                        && (g.decision == null || c.decision == null || g.decision.equals(c.decision))
                        && (g.year == null || c.year == null || g.year.equals(c.year)) // given again in another year
                        && (g.count == null || cc == null || g.count.equals(cc)
                            || noun.equals(g.noun) && (g.conferrer == null || c.conferrer == null)
                            // "… cho 3.401 đảng viên. Trong đó, 3.197 đảng viên được tặng …": a breakdown of the total
                            || noun.equals(g.noun) && cc < g.count && breakdown
                            || g.recipientKeys.contains(key(c.recipients.get(0))))) { // "4 tập thể …, 43 cá nhân" / "43 cá nhân"
                    home = i;
                    break;
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>());
                states.add(new MergeGroup(c.record, c.list));
                home = groups.size() - 1;
            }
            groups.get(home).add(c);
            MergeGroup g = states.get(home);
            g.list = g.list == 0 ? c.list : g.list;
            if (c.conferrer != null && (g.conferrer == null || c.conferrer.length() > g.conferrer.length())) {
                g.conferrer = c.conferrer;
            }
            g.decision = g.decision != null ? g.decision : c.decision;
            g.year = g.year != null ? g.year : c.year;
            c.recipients.forEach(r -> g.recipientKeys.add(key(r)));
            if (g.count == null && cc != null) {
                g.count = cc;
                g.noun = noun;
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
            // "… trao Huân chương Lao động hạng Nhất, Nhì, Ba cho 5 cá nhân, cụ thể:" then "Trao Huân chương Lao động hạng
            // Nhất cho đồng chí A": the names are whom the count counted, so a statement that only counts adds nothing
            boolean named = false;
            for (Candidate c : g) {
                named |= !c.recipients.isEmpty() && c.recipients.stream().noneMatch(AwardExtractor::isDescription);
            }
            Set<String> recipients = new LinkedHashSet<>();
            Set<String> recipientKeys = new HashSet<>();
            for (Candidate c : g) {
                conferrer = conferrer != null ? conferrer : c.conferrer;
                presenter = presenter != null ? presenter : c.presenter;
                title = title != null ? title : c.title;
                year = year != null ? year : c.year;
            }
            List<Candidate> bestFirst = new ArrayList<>(g.size());
            bestFirst.add(best);
            for (Candidate c : g) {
                if (c != best) {
                    bestFirst.add(c);
                }
            }
            for (Candidate c : bestFirst) {
                if (named && looksCounted(c.recipients)) {
                    continue;
                }
                for (String written : c.recipients) {
                    String r = TRAILING_AND.matcher(written).replaceFirst(""); // "CA thủ đô và" cut before its event
                    if (!r.isEmpty() && (c == best || recipients.size() < MAX_RECIPIENTS) && recipientKeys.add(key(r))) {
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
     * A named form in a conferral statement starts at {@link #AWARD_STATEMENT}, less when its name only has the shape of
     * one ({@link #OPEN_FORM}), when its recipients are inferred rather than read in its own frame ({@link #INFERRED}),
     * and when it has none ({@link #NO_RECIPIENT}: no reader can tell whom it went to). It grows with each field the
     * statement fills (conferrer and recipients count double, as in {@link Candidate#completeness()}) and when the
     * article restates it (lead, caption, body).
     */
    private static double confidence(Candidate best, int statements) {
        double base = AWARD_STATEMENT - (best.openForm ? OPEN_FORM : 0) - (best.inferred ? INFERRED : 0)
                - (best.recipients.isEmpty() ? NO_RECIPIENT : 0);
        double c = Confidence.supported(base, best.completeness(), Candidate.MAX_COMPLETENESS);
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
