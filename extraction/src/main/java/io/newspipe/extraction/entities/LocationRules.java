package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.reference.AdminUnits;

/** Locations: places after an administrative, street or facility prefix, addresses, lists of places, known places. */
abstract class LocationRules extends EntityScan {

    LocationRules(EntityExtractor extractor, String text, Token[] toks) {
        super(extractor, text, toks);
    }

    /** An institution-like name: a head of {@code heads} and its complement (the organization rules read it). */
    abstract int nameWithHead(int i, boolean record, PhraseDict heads, boolean headInTitle);

    int location(int i, boolean record) {
        if (tok(i).cap && lex.facilityHeads.match(toks, i) != null) {
            int end = nameWithHead(i, false, lex.facilityHeads, false);
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
            if (loc.flags().contains("C") && closesADaysName(i)) {
                return end; // "Ngày Nhà giáo Việt Nam", "Ngày Thầy thuốc Việt Nam": the day's name, not the country
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
    boolean closesADaysName(int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            Token w = tok(k);
            if (w == null || !w.word) {
                return false;
            }
            if (w.text.equals("Ngày")) {
                return k + 1 < i; // "Ngày Nhà giáo Việt Nam"; not "Ngày 20/11" (no word) nor a country right after it
            }
            if (w.lower.equals("ngày") && k + 1 < i && tok(k + 1).cap) {
                return true; // "kỷ niệm ngày Thầy thuốc Việt Nam"; "ngày làm việc tại Việt Nam" names the country
            }
        }
        return false;
    }

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

    /**
     * "Trường Tiểu học Mỹ Lạc (Thủ Thừa)", "xã Mỹ Hòa (Ba Tri)": a bare name in brackets right after a body or a
     * place is where it stands, its district or commune, when the unit tables of either map have that name (a
     * person in brackets is none). The place is recorded; returns the index after the closing bracket, or j.
     */
    int bracketedUnit(int j) {
        if (!live(j + 1) || !tok(j).is("(")) {
            return j;
        }
        int e = j + 1;
        while (e < n && e - j <= MAX_NAME && live(e) && tok(e).nameLike) {
            e++;
        }
        if (e == j + 1 || !live(e) || !tok(e).is(")") || isPersonStart(j + 1) && nameRun(j + 1, true) >= 3
                || !knownUnit(j + 1, e)) {
            return j;
        }
        addLocation(j + 1, e, false, Confidence.ANCHORED);
        return e + 1;
    }

    void addLocation(int from, int to, boolean keepPrefix, double confidence) {
        String surface = text.substring(tok(from).start, tok(to - 1).end);
        String canonical = keepPrefix ? extractor.canonicalOrg(surface) : surface;
        out.add(new EntityMention(EntityKind.LOCATION, surface, canonical, tok(from).start, tok(to - 1).end, null,
                confidence));
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
                && (k == j || !(lex.isSurname(tok(k)) && nameRun(k, true) >= 3)
                    && !(tok(k).allCaps && STOP_WORDS.contains(tok(k).lower)))) {
            k++; // (a headline in capitals shows no case: "HUYỆN THUẬN BẮC HỌP MẶT" ends at its verb)
        }
        if (k > j && live(k) && tok(k).number && tok(k).text.length() <= 2
                && (!live(k + 1) || ",;)".contains(tok(k + 1).text)
                    || tok(k + 1).word && !QUANTITY_WORDS.contains(tok(k + 1).lower)
                    && !COUNTED_NOUNS.contains(tok(k + 1).lower))) {
            k++; // "xã Sơn Kim 1"
        }
        if (k - j >= 2 && !tok(k - 1).number && prefixEndsAt(j)) {
            prefixedPlaces.add(runKey(j, k));
            prefixedPlaceStarts.add(tok(j).lower);
        }
        return k;
    }

    /** Whether an administrative prefix ("huyện", "thành phố") ends right before j. */
    private boolean prefixEndsAt(int j) {
        for (int len = 1; len <= 2 && j - len >= 0; len++) {
            PhraseDict.Match p = lex.adminPrefixes.match(toks, j - len);
            if (p != null && p.length() == len) {
                return true;
            }
        }
        return false;
    }

    String runKey(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(k > from ? " " : "").append(tok(k).lower);
        }
        return b.toString();
    }

    /**
     * "Năm 2016, Nông Sơn có …" after "UBND huyện Nông Sơn": a run of two or three capitalized syllables, no more on
     * either side, that the article named after an administrative prefix before. Returns its end, or -1.
     */
    int prefixedPlaceAgain(int i) {
        if (!prefixedPlaceStarts.contains(tok(i).lower) || i > 0 && tok(i - 1).word && tok(i - 1).cap) {
            return -1;
        }
        int e = i;
        while (e < n && e - i < 4 && live(e) && tok(e).word && tok(e).cap && !tok(e).number) {
            e++;
        }
        if (e - i < 2 || e - i > 3 || !prefixedPlaces.contains(runKey(i, e))) {
            return -1;
        }
        addLocation(i, e, false, Confidence.NAME_SHAPE);
        return e;
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
}
