package io.newspipe.extraction.entities;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;

/** Persons: a title or honorific and the name after it, a bare full name. */
abstract class PersonRules extends OrganizationRules {

    PersonRules(EntityExtractor extractor, String text, Token[] toks) {
        super(extractor, text, toks);
    }

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
        // ("Chánh Thanh tra tỉnh A": the closing head's body goes on with a place's prefix)
        int headStart = title.length() > 1 && live(j) && (tok(j).cap || lex.adminPrefixes.match(toks, j) != null)
                ? headClosingTitle(i, j) : -1;
        int orgEnd;
        if (headStart < 0) {
            orgEnd = live(j) ? organization(j, true) : -1; // the usual case: one reading, recorded
        } else {
            orgEnd = live(j) ? organization(j, false) : -1;
            int bodyStart = j;
            if (orgEnd < 0 || headStart < j - 1) {
                // "Trưởng Ban Tuyên giáo ...", "Trưởng đoàn Đại biểu Quốc hội tỉnh", "Chánh Văn phòng UBND tỉnh A": the
                // title's last words head the body, in lower case too ("Văn phòng UBND tỉnh A", not just "UBND tỉnh A")
                int bodyEnd = organization(headStart, false, true);
                if (bodyEnd >= Math.max(orgEnd, j + 1)) {
                    bodyStart = headStart;
                    orgEnd = bodyEnd;
                }
            }
            if (orgEnd > 0) {
                organization(bodyStart, true, bodyStart != j);
            }
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

    /**
     * Where an institution's head word that closes the title from {@code i} to {@code j} starts ("Văn phòng" of "Chánh
     * Văn phòng", "đoàn" of "Trưởng đoàn"), or -1. Only the title's last word for a one-word head: a one-word head inside
     * a longer title is the title's own word ("Phó Trưởng ban" holds "Ban" at its end, which is the same).
     */
    private int headClosingTitle(int i, int j) {
        for (int k = i + 1; k < j; k++) {
            PhraseDict.Match h = lex.orgHeads.match(toks, k, true);
            if (h != null && k + h.length() >= j && (h.length() > 1 || k == j - 1) && !h.flags().contains("Q")) {
                return k;
            }
        }
        return -1;
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

}
