package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;

/** Organizations: an institution head and its complement, short names, unit codes and brands. */
abstract class OrganizationRules extends LocationRules {

    OrganizationRules(EntityExtractor extractor, String text, Token[] toks) {
        super(extractor, text, toks);
    }

    /**
     * An institution head and its complement. Returns the end token index, or -1. With {@code record} the
     * mention is added.
     */
    /**
     * End of a capitalized foreign-looking name of one or two words after a place and a dash ("Hà Nội - Amsterdam"),
     * or k when the words there open something else (a title, person, body, place or event) or go on capitalized.
     */
    private int pairedForeignName(int k) {
        int e = k;
        while (e < k + 2 && live(e) && tok(e).word && tok(e).cap && !tok(e).number) {
            e++;
        }
        if (e == k || live(e) && tok(e).word && tok(e).cap || lex.titles.match(toks, k) != null || isPersonStart(k)
                || lex.orgHeads.match(toks, k) != null || lex.miscHeads.match(toks, k) != null
                || lex.adminPrefixes.match(toks, k) != null) {
            return k;
        }
        return e;
    }

    private boolean termAt(int k) {
        return tok(k).lower.equals("khóa") && live(k + 1) && (tok(k + 1).number || isRomanNumeral(tok(k + 1).text));
    }

    private static boolean isRomanNumeral(String w) {
        if (w.isEmpty() || w.length() > 6) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if ("IVXL".indexOf(w.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    int organization(int i, boolean record) {
        return nameWithHead(i, record, lex.orgHeads, false);
    }

    /**
     * @param headInTitle the head word at {@code i} closes a title ("Trưởng ban Tổ chức …", "Chánh văn phòng …"):
     *                    written in lower case, it still opens a name
     */
    int organization(int i, boolean record, boolean headInTitle) {
        return nameWithHead(i, record, lex.orgHeads, headInTitle);
    }

    /**
     * Events, documents, programmes and awards ("Chiến lược phát triển KHCN vũ trụ Việt Nam", "Giải vô địch ...")
     * are not annotated, and neither is anything nested in them: the span is skipped.
     */
    int miscName(int i) {
        Token t = tok(i);
        PhraseDict.Match head = lex.miscHeads.match(toks, i, true);
        if (head == null) {
            return commemorativeDay(i);
        }
        if (head.flags().contains("G") && live(i + head.length()) && tok(i + head.length()).cap
                && lex.orgHeads.match(toks, i + head.length()) != null) {
            return i + head.length(); // "Bằng khen Bộ LĐTBXH": the giver, an institution of its own, follows
        }
        // a lower-case head ("kỷ niệm chương", "cuộc vận động") names something only with a quoted title after it
        int end = t.cap ? nameWithHead(i, false, lex.miscHeads, false) : -1;
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

    /**
     * A facility's kind written in lower case between its head and its name ("Khu di tích lịch sử Pác Bó", "Khu công
     * nghiệp sinh thái Nam Cầu Kiền"): a few content syllables (with "quốc gia" in any case), then a capitalized name
     * that is no title, body or person. Returns where the name starts, or -1.
     */
    private int describedFacility(int j) {
        int k = j;
        while (live(k) && k - j < 5 && tok(k).word && !tok(k).number && !STOP_WORDS.contains(tok(k).lower)
                && !prefixesAPlace(k) && (!tok(k).cap || nationalLevel(k) || k > j && nationalLevel(k - 1))) {
            k++;
        }
        return k > j && live(k) && tok(k).cap && tok(k).word && lex.titles.match(toks, k) == null
                && lex.orgHeads.match(toks, k) == null && !isPersonStart(k) ? k : -1;
    }

    /** "quốc gia" (national), written with or without capitals: a level, not a name ("di tích Quốc gia …"). */
    private boolean nationalLevel(int k) {
        return live(k + 1) && tok(k).lower.equals("quốc") && tok(k + 1).lower.equals("gia");
    }

    /**
     * The place of a national body's local branch right after its "Việt Nam": a unit with its level ("tỉnh Nghệ An",
     * "huyện Yên Thành") or a province written alone ("TPHCM"). Returns its end, or -1.
     */
    private int localBranch(int j) {
        PhraseDict.Match admin = live(j) ? lex.adminPrefixes.match(toks, j) : null;
        if (admin != null) {
            int nameEnd = placeName(j + admin.length());
            return nameEnd > j + admin.length() ? nameEnd : -1;
        }
        PhraseDict.Match city = live(j) ? lex.locationExceptions.match(toks, j) : null; // "TPHCM"
        if (city != null) {
            return j + city.length();
        }
        PhraseDict.Match province = live(j) && tok(j).cap ? lex.locations.match(toks, j) : null;
        return province != null && province.flags().contains("P") ? j + province.length() : -1;
    }

    /** The end of "(Việt Nam)" at j, closing a foreign company's local name, or -1. */
    private int countryInBrackets(int j) {
        if (!live(j + 3) || !tok(j).is("(") || !tok(j + 1).lower.equals("việt") || !tok(j + 2).lower.equals("nam")
                || !tok(j + 3).is(")")) {
            return -1;
        }
        return j + 4;
    }

    /** Words that make "ngày" a day of the calendar: "cùng ngày", "trong ngày", "hằng ngày". */
    private static final Set<String> DAY_COUNTERS = Set.of("cùng", "trong", "hằng", "hàng", "mỗi", "một", "hôm", "các",
            "những", "nhiều", "vài", "mấy", "từng", "suốt", "cả");

    /**
     * A day that commemorates, an event like any other: "Ngày Biên phòng toàn dân", "ngày truyền thống Bộ đội Biên
     * phòng Việt Nam", "Ngày Quốc tế Lao động". Its name is capitalized right after "ngày" (or after "ngày truyền
     * thống"), unlike a date; it runs to a mark, a number or a function word. Returns its end, or -1.
     */
    private int commemorativeDay(int i) {
        if (!tok(i).lower.equals("ngày")) {
            return -1;
        }
        int c = i + 1;
        boolean tradition = live(c + 1) && tok(c).lower.equals("truyền") && tok(c + 1).lower.equals("thống");
        if (tradition) {
            c += 2;
        }
        if (!live(c) || !tok(c).cap || !tok(c).word || tok(c).number || isPersonStart(c)
                || !tradition && i > 0 && DAY_COUNTERS.contains(tok(i - 1).lower)) {
            return -1; // "Cùng ngày Công an tỉnh …": a day, then the sentence's subject
        }
        int body = lex.orgHeads.match(toks, c) != null ? nameWithHead(c, false, lex.orgHeads, false) : -1;
        int k = body > c ? body : c;
        while (body < 0 && live(k) && k - c < 8 && tok(k).word && !tok(k).number
                && !FUNCTION_WORDS.contains(tok(k).lower)) {
            k++;
        }
        return k;
    }

    int nameWithHead(int i, boolean record, PhraseDict heads, boolean headInTitle) {
        boolean misc = heads != lex.orgHeads;
        boolean facility = heads == lex.facilityHeads;
        PhraseDict.Match head = heads.match(toks, i, true);
        if (head == null) {
            return -1;
        }
        if (!misc && tok(i).cap) {
            PhraseDict.Match place = lex.locations.match(toks, i);
            if (place != null && place.length() > head.length()) {
                return -1; // "Đài Loan", "Hội An", "Trường Sa": a known place that opens like a head
            }
        }
        Token first = tok(i);
        boolean lowerOk = head.flags().contains("L") || headInTitle && !misc;
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
        boolean ownName = false; // a capitalized syllable of the body's own name, no lexicon word
        boolean companyInside = false; // "Công đoàn Công ty CP Dược ... (Bidiphar)"
        boolean unit = head.flags().contains("U"); // the last head is a military unit, numbered after its arm
        while (facility && j < n && live(j)) {
            // named facilities take only proper names: "Khu công nghiệp VSIP Nghệ An", "Cảng Quy Nhơn"
            Token t = tok(j);
            if (j == i + head.length() && startsWithDigit(t) && t.text.length() <= 4) {
                j++; // "ĐT 629", "Cao điểm 685", "QL 14B"
                proper = true;
                break;
            }
            int described = j == i + head.length() ? describedFacility(j) : -1;
            if (described > j) {
                j = described; // "Khu di tích lịch sử Quốc gia Pò Hèn": what kind, then the name
                continue;
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
            int armEnd = j == lastHeadEnd ? armsEnd(j, unit) : -1;
            if (armEnd > j) {
                j = armEnd; // "Sư đoàn Phòng không 363", "Cơ quan Cảnh sát điều tra Công an tỉnh"
                proper = true;
                continue;
            }
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
                if (!t.cap && ORG_ADMIN_TAIL.contains(admin.entry())) {
                    int after = j + admin.length();
                    if (live(after) && NOT_A_LEVEL.contains(tok(j).lower + " " + tok(after).lower)) {
                        break; // "Phòng CSĐT tội phạm về trật tự xã hội": "xã hội" is society, not a commune
                    }
                    if (live(after + 1) && (tok(after).is(",") || tok(after).is("và")) && !tok(after + 1).cap
                            && lex.adminPrefixes.match(toks, after + 1) != null
                            && placeName(after + 1 + lex.adminPrefixes.match(toks, after + 1).length())
                                == after + 1 + lex.adminPrefixes.match(toks, after + 1).length()) {
                        return -1; // "UBND xã, phường, thị trấn": the bodies of a level in general, none by name
                    }
                    j = after; // "UBND tỉnh", "UBND thành phố", "Ban Chỉ đạo tỉnh về ..."
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
                } else if (live(j + 1) && tok(j).isDash() && pairedForeignName(j + 1) > j + 1) {
                    j = pairedForeignName(j + 1); // "Trường THPT chuyên Hà Nội - Amsterdam": twinned with a foreign city
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
                if (loc.entry().equalsIgnoreCase("Việt Nam")) {
                    j = Math.max(j, localBranch(j)); // "Ủy ban MTTQ Việt Nam tỉnh Nghệ An": the national body's branch
                }
                j = Math.max(j, branchEnd(j));
                break;
            }
            PhraseDict.Match sub = lex.orgHeads.match(toks, j);
            if (sub != null && t.cap && (lex.titles.match(toks, j) == null || lex.titles.match(toks, j).length() < sub.length())) {
                companyInside |= COMPANY_HEADS.contains(sub.entry().toLowerCase(Locale.ROOT));
                unit = sub.flags().contains("U");
                if (NAMED_AFTER_PERSON_HEADS.contains(t.lower)) {
                    namedAfter = true; // "Ban Giám hiệu Trường THPT Phan Bội Châu": the school inside is named after him
                    ownName = false;
                }
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
            if (t.nameLike && lex.isSurname(t) && (nameRun(j, true) >= 3 || surnameAndPlace(j))) {
                // a school is named after a person right after its kind ("Trường THCS Nguyễn Du"); once its own
                // name has begun, a full name is the person who follows it ("Trường Đại học Duy Tân Lê Nguyên Bảo")
                if (namedAfter && !ownName) {
                    j += nameRun(j, true);
                    proper = true;
                    properName = true;
                }
                break;
            }
            if (t.cap && t.word) {
                PhraseDict.Match innerTitle = lex.titles.match(toks, j);
                if (innerTitle != null && !(innerTitle.flags().contains("H") && innerTitle.length() == 1 && t.nameLike)) {
                    // a title ends the name; a capitalized "Anh" inside "CLB Hoàng Anh Gia Lai" does not, a degree
                    // does ("Giám đốc Bệnh viện PGS.TS. Nguyễn Quốc Anh")
                    break;
                }
                if (isAwardForm(j)) {
                    break; // the award the body receives: "trao tặng Công ty CP Cao su X Huân chương …"
                }
                PhraseDict.Match w = lex.orgWords.match(toks, j);
                // the school's own name is a word outside the lexicon of name words, which holds its kinds
                // ("Tiểu học Lê Minh Xuân", "THPT Chuyên Chu Văn An"), and fields too ("Ngoại thương")
                ownName |= t.nameLike && w == null;
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
            if (j == lastHeadEnd && numberAfterHead(j, false)) {
                j++;
                continue;
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
                    && (lex.adminPrefixes.match(toks, j + 3) != null
                    && placeName(j + 3 + lex.adminPrefixes.match(toks, j + 3).length()) > j + 3
                    || tok(j + 3).cap && lex.locations.match(toks, j + 3) != null)) {
                // "Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Quảng Trị", "… (BĐBP) Quảng Bình": the short form
                // inside the name
                j += 3;
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
                if (domainCap || COMMA_CONTINUATIONS.contains(nx.lower) && lex.orgWords.match(toks, j + 1) != null
                        || coordinatesDomains(i + head.length(), j)) {
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
            // "Sở Nông nghiệp & PTNT"; right after a head that names a domain: "Ban Kinh tế và Ngân sách HĐND tỉnh"
            if ((t.is("và") || t.is("&")) && live(j + 1) && (j > i + head.length()
                    || head.length() >= 2 && tok(j + 1).cap && lex.orgWords.match(toks, j + 1) != null)) {
                Token nx = tok(j + 1);
                if (tok(j - 1).number) {
                    break; // "Tiểu đoàn Cảnh sát đặc nhiệm số 1 và Kho K61": the unit's number ended its name
                }
                if (lex.orgHeads.match(toks, j + 1) != null || isPersonStart(j + 1)
                        || lex.locations.match(toks, j + 1) != null || lex.titles.match(toks, j + 1, true) != null
                        || nx.cap && lex.miscHeads.match(toks, j + 1) != null) {
                    break; // "UBND tỉnh và Già làng Vàng A Dế", "Sở Y tế và Cờ thi đua ...": the next mention opens
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
            if (t.lower.equals("toàn") && live(j + 1) && (lex.adminPrefixes.match(toks, j + 1) != null
                    || tok(j + 1).lower.equals("quốc"))) {
                break; // "Công an toàn tỉnh", "ngành Hải quan toàn quốc": the whole of a jurisdiction, not a name's
            }
            if (!t.cap && t.word) {
                int toPlace = afterLocation ? -1 : runToJurisdiction(j);
                if (toPlace > j) {
                    j = toPlace; // "Trung tâm Phát triển quỹ đất và cụm công nghiệp tỉnh Bình Định"
                    proper = true;
                    properName = true;
                    afterLocation = true;
                    break;
                }
                int level = proper || j == i + 1 || ORG_ADMIN_TAIL.contains(tok(j - 1).lower) ? -1 : levelAfterRun(j);
                if (level > j) {
                    j = level; // "Hội đồng thi đua khen thưởng huyện họp ...": its own level closes it
                    break;
                }
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
        if (!first.cap && !properName && !(headInTitle && (proper || j > i + 1 && tok(i + 1).cap))) {
            return -1;
        }
        if (j - 2 > i + head.length() && termAt(j - 2)) {
            j -= 2; // "HĐND tỉnh khóa XVIII", "Ban Chấp hành Trung ương Đoàn khóa IV": the term, not the body's name
        }
        if (!misc && (companyInside || COMPANY_HEADS.contains(head.entry().toLowerCase(Locale.ROOT)))) {
            j = Math.max(j, countryInBrackets(j)); // "Công ty TNHH Brotex (Việt Nam)": the local arm's legal name
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
            out.add(new EntityMention(EntityKind.ORGANIZATION, surface, extractor.canonicalOrg(surface), first.start,
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
                    && (tok(j + 1).allCaps || EntityExtractor.hasCapitalPair(tok(j + 1).text) || company)
                    && lex.locations.match(toks, j + 1) == null) { // "(PC04)", not a place "(Abyei)" 
                Token a = tok(j + 1);
                out.add(new EntityMention(EntityKind.ORGANIZATION, a.text, extractor.canonicalOrg(a.text), a.start, a.end, null,
                        Confidence.ANCHORED));
                j += 3;
            }
        }
        return j;
    }

    /**
     * Two lower-case descriptions joined by "và" that close with the body's jurisdiction ("Ban Quản lý
     * dự án đầu tư xây dựng và phát triển quỹ đất huyện Hoài Ân", "Trung tâm Phát triển quỹ đất và cụm công nghiệp
     * tỉnh X"): the administrative unit shows where the name ends, so the run may be longer than
     * {@link #lowerCaseTail}'s and hold words that open verbs (without "và" the shorter rules end such names). No
     * other function word may stand in it, and it may not open with a verb ("Sở Y tế kiểm tra và xử lý ... huyện X"
     * is a clause). Returns the end of the place, or -1.
     */
    int runToJurisdiction(int j) {
        PhraseDict.Match opening = lex.orgWords.match(toks, j);
        if (STOP_WORDS.contains(tok(j).lower) && (opening == null || opening.flags().contains("V"))) {
            return -1;
        }
        int k = j;
        boolean coordinated = false;
        while (live(k) && k - j < 12) {
            Token t = tok(k);
            PhraseDict.Match admin = k > j ? lex.adminPrefixes.match(toks, k) : null;
            if (admin != null && !t.cap) {
                int end = placeName(k + admin.length());
                return coordinated && end > k + admin.length() ? end : -1;
            }
            if (t.is("và") && k > j && live(k + 1) && tok(k + 1).word && (!tok(k + 1).cap || describes(k + 1))
                    && !FUNCTION_WORDS.contains(tok(k + 1).lower) && lex.adminPrefixes.match(toks, k + 1) == null) {
                coordinated = true;
                k++;
                continue;
            }
            if (t.cap && describes(k)) {
                k += lex.orgWords.match(toks, k).length(); // "... và Phát triển quỹ đất huyện Hoài Ân": capitalized as written
                continue;
            }
            if (!t.word || t.cap || t.number || FUNCTION_WORDS.contains(t.lower)) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    /** A description word of institution names written capitalized, that is no place, person, title or body. */
    private boolean describes(int k) {
        return lex.orgWords.match(toks, k) != null && lex.locations.match(toks, k) == null && !isPersonStart(k)
                && lex.titles.match(toks, k) == null && lex.orgHeads.match(toks, k) == null;
    }

    /** "Chính phủ Trương Hòa Bình": a surname, then a province's name ending the capitalized run, is a person. */
    private boolean surnameAndPlace(int j) {
        PhraseDict.Match place = lex.locations.match(toks, j + 1);
        return place != null && place.length() == 2 && nameRun(j, false) == 3;
    }

    /** An administrative prefix with a name or number after it; "xã" of "trật tự xã hội" prefixes nothing. */
    private boolean prefixesAPlace(int k) {
        PhraseDict.Match p = lex.adminPrefixes.match(toks, k);
        return p != null && live(k + p.length()) && (tok(k + p.length()).cap || tok(k + p.length()).number);
    }

    /**
     * Institution names continue in lower case after their first capitalized word ("Vụ Tổ chức cán bộ", "Cục
     * Thuế xuất nhập khẩu", "Viện Sinh thái và tài nguyên sinh vật Việt Nam", "Đội công binh số 1"); a subject
     * followed by its verb has the same shape ("Sở Y tế khuyến cáo ..."). So a run of at most four lower-case
     * syllables is part of the name only where the name visibly ends after it: a list or clause mark (";", ",",
     * ":", a bracket, a dash), the end of the line (not after a verb-like syllable), "số"/"cấp" with a number, or
     * more capitalized name that is not a person, title or another body. No function word may stand inside the run.
     * Returns the end of the run (the boundary itself excluded), or -1.
     */
    int lowerCaseTail(int j, boolean rightAfterHead) {
        if (startsWithDigit(tok(j - 1))) {
            return -1; // "Tiểu đoàn 4/1 tham gia ...": a unit's number completes its name
        }
        int k = j;
        boolean verbLike = false;
        while (k < n && k - j < 4 && live(k) && tok(k).word && !tok(k).cap && !tok(k).number
                && !FUNCTION_WORDS.contains(tok(k).lower) && !prefixesAPlace(k) && !unitNumber(k)) {
            verbLike |= STOP_WORDS.contains(tok(k).lower);
            k++;
        }
        if (k == j) {
            return -1;
        }
        if (!live(k)) {
            // the line ends with the name, unless the run opens a verb: a caption's "Bộ Tư lệnh BĐBP trao kỷ niệm
            // chương" ends without a full stop
            return k < n && toks[k].masked || verbLike ? -1 : k;
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
                    out.add(new EntityMention(EntityKind.ORGANIZATION, surface, extractor.canonicalOrg(surface), toks[k].start,
                            toks[k + len - 1].end, null, Confidence.SHAPE));
                    for (int q = k; q < k + len; q++) {
                        covered[q] = true;
                    }
                }
            }
        }
    }

    /**
     * "Đội 5", "Đồn 33 thuộc ...", "Tiểu đoàn 3/2", "Lữ đoàn Tăng thiết giáp 416": a unit's number right after its
     * head, unless it counts what follows ("Đội 5 người"). After an arm, which already names the unit, the number is
     * its designation before a verb too ("Sư đoàn phòng không 361 bảo vệ ..."), not before a quantity or a counted noun.
     */
    boolean numberAfterHead(int j, boolean afterArm) {
        Token t = tok(j);
        if (!startsWithDigit(t) || t.text.length() > 4 || t.text.contains(",")) {
            return false;
        }
        Token nx = tok(j + 1);
        if (!live(j + 1) || !nx.word || nx.cap) {
            return true;
        }
        boolean counts = QUANTITY_WORDS.contains(nx.lower) || afterArm && COUNTED_NOUNS.contains(nx.lower);
        return !counts && (afterArm || FUNCTION_WORDS.contains(nx.lower) || STOP_WORDS.contains(nx.lower));
    }

    /**
     * A name in lower-case words after its head ("Hội đồng thi đua khen thưởng huyện", "Ban Chỉ đạo phòng
     * chống thiên tai tỉnh") ends with the bare level of its jurisdiction: "huyện", "tỉnh" with no place name after it,
     * which no verb's object is without its name ("giao huyện Tuy Phước"). Up to four syllables, no function word.
     * Returns the end after the level word, or -1.
     */
    int levelAfterRun(int j) {
        int k = j;
        while (k - j < 4 && live(k) && tok(k).word && !tok(k).cap && !tok(k).number
                && !FUNCTION_WORDS.contains(tok(k).lower) && !ORG_ADMIN_TAIL.contains(tok(k).lower)) {
            k++;
        }
        boolean bareLevel = k > j && live(k) && (tok(k).lower.equals("tỉnh") || tok(k).lower.equals("huyện"))
                && !tok(k).cap && (!live(k + 1) || !tok(k + 1).cap && !tok(k + 1).number);
        return bareLevel ? k + 1 : -1;
    }

    /**
     * The arms right after a head, a closed class ("Lữ đoàn Trinh sát Đặc nhiệm", "Quân chủng Phòng không - Không
     * quân", "Phòng Cảnh sát cơ động"). Written in lower case an arm is as often a verb or a common noun ("Sư đoàn
     * huấn luyện chiến sĩ mới"), so it counts only before the unit's number ("Sư đoàn phòng không 361", "Đội công
     * binh số 1"). A military unit's number follows its arm as it follows a bare head ("Đại đội 5"). Returns the end
     * of the arms and the number, or -1.
     */
    int armsEnd(int j, boolean unit) {
        PhraseDict.Match arm = lex.militaryArms.match(toks, j);
        if (arm == null || !tok(j).cap && arm.flags().contains("V")) {
            return -1; // "Sư đoàn huấn luyện 200 chiến sĩ mới": a verb
        }
        int k = j;
        while (live(k) && (arm = lex.militaryArms.match(toks, k)) != null) {
            k += arm.length();
            if (live(k + 1) && tok(k).isDash() && lex.militaryArms.match(toks, k + 1) != null) {
                k++;
            }
        }
        boolean numbered = unit && live(k) && numberAfterHead(k, true);
        if (k == j || !tok(j).cap && !numbered && !(live(k) && unitNumber(k))) {
            return -1;
        }
        return numbered ? k + 1 : k;
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

    /**
     * Whether the comma at {@code comma} joins two lower-case domains of one name ("Cục cứu hộ, cứu nạn",
     * "Trung tâm kiểm soát bệnh tật, y tế dự phòng"): a domain word of the name before it, another after it, and
     * after a verb-like domain the name visibly goes on or ends, so a clause opening with a verb does not join
     * ("Phòng Cảnh sát điều tra, kiểm tra việc ...").
     */
    private boolean coordinatesDomains(int complementStart, int comma) {
        if (comma - 1 < complementStart || !live(comma + 1)) {
            return false;
        }
        Token before = tok(comma - 1);
        PhraseDict.Match domain = tok(comma + 1).cap ? null : lex.orgWords.match(toks, comma + 1);
        if (before.cap || !before.word || domain == null || !domainEndsAt(complementStart, comma)) {
            return false;
        }
        int after = comma + 1 + domain.length();
        return !domain.flags().contains("V") || endsListItem(after) || !live(after) || tok(after).cap
                || tok(after).is(",") && live(after + 1) && tok(after + 1).cap
                || !tok(after).is(",") && !tok(after).word || tok(after).is("và") || continuesName(after);
    }

    /** Whether a domain word of the name, starting at or after {@code from}, ends right before {@code end}. */
    private boolean domainEndsAt(int from, int end) {
        for (int k = Math.max(from, end - 4); k < end; k++) {
            PhraseDict.Match m = lex.orgWords.match(toks, k);
            if (m != null && k + m.length() == end) {
                return true;
            }
        }
        return false;
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

    /** Police and ministry unit codes (PC04, C09) and CamelCase company names (HDBank, NutiFood). */
    int codeOrBrand(int i) {
        Token t = tok(i);
        Token prev = tok(i - 1);
        boolean glued = prev != null && prev.nameLike && prev.end + 1 == t.start;
        Token after = tok(i + 1);
        if (after != null && after.is("+") && after.start == t.end) {
            return -1; // "GrowPLUS+": a product line, not a company
        }
        if (EntityExtractor.isUnitCode(t.text) || (!glued && EntityExtractor.isCamelCaseName(t.text))) {
            out.add(new EntityMention(EntityKind.ORGANIZATION, t.text, t.text, t.start, t.end, null, Confidence.SHAPE));
            return i + 1;
        }
        return -1;
    }

}
