package io.newspipe.extraction.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.newspipe.extraction.Confidence;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;

/** One left-to-right pass trying the rule families at each token, then the mentions kept and their confidence. */
final class ArticleScan extends PersonRules {

    ArticleScan(EntityExtractor extractor, String text, Token[] toks) {
        super(extractor, text, toks);
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
                int again = prefixedPlaceAgain(i);
                i = again > i ? again : i + 1; // else a capitalized word no rule can start with ("Sáng", "Trong")
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
            if (next > i) {
                next = bracketedUnit(next); // "Trường Tiểu học Gò Đen (Bến Lức)", "xã Mỹ Lạc (Thủ Thừa)"
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
            if (next < 0) {
                next = prefixedPlaceAgain(i);
            }
            i = next > i ? next : i + 1;
        }
    }


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
