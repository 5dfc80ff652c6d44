package io.newspipe.extraction.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.newspipe.extraction.EntityMention;

/**
 * The state of one extraction call over an article's tokens, shared by the rule families stacked on it
 * ({@link LocationRules}, {@link OrganizationRules}, {@link PersonRules}, then {@link ArticleScan}, which runs them),
 * and the word lists several families read.
 */
abstract class EntityScan {
    static final Set<String> TRAILING_FUNCTION_WORDS = Set.of("về", "và", "số", "cấp", "-", "–", ",", "của");
    static final Set<String> COMMA_CONTINUATIONS = Set.of("chống", "tiêu", "lãng", "buôn", "gian");
    static final Set<String> NAMED_AFTER_PERSON_HEADS = Set.of("trường");
    /** Words whose second syllable is also a lower-case institution head ("trường" = school). */
    static final Set<String> COMPOUNDS_ENDING_IN_A_HEAD = Set.of("hội trường", "quảng trường", "thị trường",
            "môi trường", "chiến trường", "hiện trường", "thương trường", "công trường", "phi trường");
    static final int MAX_NAME = 4;
    /** Words ending in a place prefix that are no prefix there ("yêu cầu" = to request, "toàn cầu" = global). */
    static final Set<String> PREFIX_COMPOUNDS = Set.of("yêu cầu", "nhu cầu", "toàn cầu", "địa cầu",
            "khẩn cầu", "lên đường", "xuống đường", "ra đường", "bên đường", "ven đường", "đầu cầu", "thành phố");
    static final Set<String> HIGH_LEVEL_PREFIXES = Set.of("tỉnh", "thành phố", "TP", "TP.", "Tp", "Tp.",
            "nước");
    static final Set<String> NAMED_AFTER_PERSON_CONTEXT = Set.of("đường", "phố", "trường", "giải", "quỹ", "cầu",
            "hầm", "tàu", "chợ", "lớp", "cúp", "tượng", "đền", "lăng", "chùa", "nhà", "công viên", "khu", "tuyến", "mang",
            "bổng");
    /** "mang tên", "đặt tên", "lấy tên" + a person's name: a thing named after them ("em trai tên X" is the person). */
    static final Set<String> NAMING_VERBS = Set.of("mang", "đặt", "lấy");
    /** Heads that with only a bare "tỉnh"/"thành phố" after them are descriptions ("trung tâm thành phố"). */
    static final Set<String> NEEDS_PROPER_COMPLEMENT = Set.of("trung tâm", "trường", "công ty", "cty", "ngân hàng",
            "bệnh viện", "hội", "quỹ", "viện", "phòng", "đội", "khối", "ban", "vụ", "hội đồng", "ủy ban", "hải quan",
            "biên phòng", "bộ đội biên phòng", "phái bộ");
    static final Set<String> ORG_ADMIN_TAIL = Set.of("tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường");
    /** Words that open with a level's name and are no level: "xã hội" (society), "xã viên" (a co-operative's member). */
    static final Set<String> NOT_A_LEVEL = Set.of("xã hội", "xã viên", "xã giao");
    static final java.util.regex.Pattern ROAD = java.util.regex.Pattern.compile("QL\\d+[A-Z]?");
    static final Set<String> QUANTIFIERS = Set.of("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
            "mười", "các", "những", "mỗi", "nhiều", "mọi", "từng");
    static final Set<String> QUANTITY_WORDS = Set.of("%", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "đồng", "usd",
            "ha", "km", "m", "người", "tấn", "năm", "tháng", "ngày", "lần", "điểm", "bậc", ",", ".");
    /** Heads of companies, which are also called by their distinctive name alone or in brackets ("(Bidiphar)"). */
    static final Set<String> COMPANY_HEADS = Set.of("công ty", "cty", "tổng công ty", "tổng cty", "tập đoàn", "ngân hàng",
            "hợp tác xã", "htx");
    /** Words after which a country name that is also a word ("Mỹ", "Nhật") is the country. */
    static final Set<String> COUNTRY_CUES = Set.of("nước", "người", "sang", "từ", "tới", "đến", "tại", "ở",
            "với", "thăm", "giữa");
    /** Nouns that a number before them counts ("Công an huyện Phong Điền 15 vụ"): the number is no part of a name. */
    static final Set<String> COUNTED_NOUNS = Set.of("vụ", "đối", "trường", "người", "cơ", "doanh", "hộ", "lượt",
            "kg", "tấn", "bánh", "viên", "chiếc", "con", "dự", "công", "học", "em", "cá", "tập", "đơn", "xã", "huyện");
    /** Function words (a closed class): none stands inside a lower-case stretch of a name. */
    static final Set<String> FUNCTION_WORDS = Set.of("của", "và", "đã", "đang", "sẽ", "là", "có", "được",
            "cho", "tại", "ở", "với", "trong", "về", "để", "các", "những", "này", "đó", "vừa", "cũng", "thì", "mà",
            "như", "theo", "từ", "đến", "trên", "dưới", "ra", "vào", "lên", "không", "chưa", "rất", "nhiều", "ít",
            "đều", "gồm", "cùng", "bị", "do", "vì", "nên", "khi", "sau", "trước", "giữa", "ngày", "năm", "tháng",
            "nay", "lại", "còn", "hay", "hoặc", "nhưng", "tuy", "nếu", "thuộc", "qua", "bằng", "lớn", "nhất", "mới");
    /** Function words and common verbs that never continue a name. */
    static final Set<String> STOP_WORDS = Set.of("của", "và", "đã", "đang", "sẽ", "là", "có", "được", "cho",
            "tại", "ở", "với", "trong", "về", "để", "các", "những", "này", "đó", "vừa", "cũng", "thì", "mà", "như", "theo",
            "từ", "đến", "trên", "dưới", "ra", "vào", "lên", "không", "chưa", "rất", "nhiều", "ít", "đều", "gồm",
            "cùng", "bị", "do", "vì", "nên", "khi", "sau", "trước", "giữa", "ngày", "năm", "tháng", "tổ", "phát",
            "nhận", "trao", "tặng", "chủ", "tổ chức", "thực", "ký", "họp", "làm", "nói", "cho biết", "yêu", "đề",
            "giành", "đạt", "tăng", "giảm", "thu", "chi", "nộp", "kiểm", "xử", "phối", "lãnh", "chỉ", "báo", "ban",
            "hành", "công", "tiếp", "thăm", "dự", "tham", "chúc", "khen", "nhấn", "nêu", "đánh", "biểu", "quyết",
            "ghi", "gửi", "điều", "triển", "tập", "hoàn", "thành", "hướng", "khẳng", "đặc", "vinh", "đón", "góp", "bắt");


    final EntityExtractor extractor;
    final EntityLexicon lex;
    final String text;
    final Token[] toks;
    final int n;
    final List<EntityMention> out = new ArrayList<>();
    /**
     * Names read after an administrative prefix so far ("Nông Sơn" of "UBND huyện Nông Sơn"), as canonical keys of their
     * syllables: written bare later in the article, they name that place ("Năm 2016, Nông Sơn có 12 đơn vị …").
     */
    final java.util.Set<String> prefixedPlaces = new java.util.HashSet<>();
    /** The first syllables of {@link #prefixedPlaces}: most capitalized words open none, and are passed at once. */
    final java.util.Set<String> prefixedPlaceStarts = new java.util.HashSet<>();
    /** First token of the line after the scan position: every rule reads only up to it. */
    int lineLimit;

    EntityScan(EntityExtractor extractor, String text, Token[] toks) {
        this.extractor = extractor;
        this.lex = extractor.lex;
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

    /**
     * Length of a person-name run at i: 2..4 capitalized letter-only syllables, not starting a location,
     * institution or title. 0 when there is none.
     */
    /** An award form of misc-heads.txt (flag A) starts at {@code k}: no name runs into it. */
    boolean isAwardForm(int k) {
        PhraseDict.Match form = lex.miscHeads.match(toks, k);
        return form != null && form.flags().contains("A");
    }

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
            if (k > i && isAwardForm(k)) {
                break; // "trao tặng Tổng Bí thư Tô Lâm Huân chương …": the award the person receives
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
                if (!bare && m == i + 1 && m + inner.length() == i + len && lex.isSurname(tok(i))) {
                    break; // after a title, "Nguyễn Hòa Bình": a place after the surname alone is the given name
                }
                return m - i; // single-syllable places (Vinh, Huế) are common given names
            }
        }
        return len;
    }

    /**
     * By start, then end. Written out: a comparingInt().thenComparingInt() chain calls through lambdas that the JIT
     * could not inline, and sorting cost 3.5% of extraction time.
     */
    static final Comparator<EntityMention> BY_OFFSETS = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end());
}
