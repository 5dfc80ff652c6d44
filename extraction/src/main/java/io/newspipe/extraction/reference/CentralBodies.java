package io.newspipe.extraction.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Central party and state bodies by name, other name or abbreviation ("Bộ Tài chính", "BTC", "Ban Tổ chức TW"), with
 * their validity and successors across the 2025 restructuring. Names are matched like unit names, and "TW", "TƯ" or
 * "T.Ư" for "Trung ương" too. An abbreviation can be shared ("BCT": Bộ Chính trị, Bộ Công Thương): lookups return
 * every body that has it. Loaded once on first use; immutable and thread-safe.
 */
public final class CentralBodies {

    /** The press's short forms of "Trung ương", upper case only ("tư" is also a word: "Bộ Tư pháp"). */
    private static final Pattern TRUNG_UONG = Pattern.compile("(?<![\\p{L}\\p{N}])(?:TW|TƯ|T\\.Ư|T\\.W)(?![\\p{L}\\p{N}])");

    private final List<CentralBody> all;
    private final Map<String, CentralBody> byId;
    private final Map<String, List<CentralBody>> byName;

    private CentralBodies() {
        Tsv tsv = Tsv.read(ReferenceData.CENTRAL_BODIES);
        Map<String, CentralBody> ids = new LinkedHashMap<>();
        for (String[] r : tsv.rows()) {
            CentralBody b = new CentralBody(r[0], CentralBody.Kind.valueOf(r[1]), r[2], Tsv.list(r[3]), Tsv.list(r[4]),
                    tsv.date(r[5]), tsv.date(r[6]), Tsv.list(r[7]), r[8]);
            if (ids.put(b.id(), b) != null) {
                throw new IllegalStateException(ReferenceData.CENTRAL_BODIES + ": id " + b.id() + " appears twice");
            }
        }
        Map<String, List<CentralBody>> names = new HashMap<>();
        for (CentralBody b : ids.values()) {
            for (String ref : b.successorIds()) {
                requireKnown(ids, b, ref);
            }
            if (!b.parentId().isEmpty()) {
                requireKnown(ids, b, b.parentId());
            }
            List<String> forms = new ArrayList<>(b.abbreviations());
            forms.add(b.name());
            forms.addAll(b.otherNames());
            for (String form : forms) {
                List<CentralBody> list = names.computeIfAbsent(key(form), k -> new ArrayList<>(1));
                if (!list.contains(b)) {
                    list.add(b);
                }
            }
        }
        all = List.copyOf(ids.values());
        byId = Map.copyOf(ids);
        Map<String, List<CentralBody>> frozen = new HashMap<>();
        names.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        byName = Map.copyOf(frozen);
    }

    private static void requireKnown(Map<String, CentralBody> ids, CentralBody b, String ref) {
        if (!ids.containsKey(ref)) {
            throw new IllegalStateException(ReferenceData.CENTRAL_BODIES + ": " + b.id() + " refers to unknown body " + ref);
        }
    }

    private static String key(CharSequence name) {
        return NameKey.of(mayAbbreviateTrungUong(name) ? TRUNG_UONG.matcher(name).replaceAll("Trung ương") : name);
    }

    /** A T before W, Ư or a dot: only then is the regex worth running (it cost more than the lookup itself). */
    private static boolean mayAbbreviateTrungUong(CharSequence s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == 'T') {
                char next = s.charAt(i + 1);
                if (next == 'W' || next == 'Ư' || next == '.') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reference bodies, loaded on first use. */
    public static CentralBodies get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final CentralBodies INSTANCE = new CentralBodies();
    }

    public List<CentralBody> all() {
        return all;
    }

    public Optional<CentralBody> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every body with that name, other name or abbreviation, whatever its dates. */
    public List<CentralBody> find(CharSequence nameOrAbbreviation) {
        return byName.getOrDefault(key(nameOrAbbreviation), List.of());
    }

    /** {@link #find(CharSequence)} narrowed to bodies in force on date. */
    public List<CentralBody> find(CharSequence nameOrAbbreviation, LocalDate date) {
        return find(nameOrAbbreviation).stream().filter(b -> b.validOn(date)).toList();
    }

    public boolean isName(CharSequence words) {
        return byName.containsKey(key(words));
    }

    public List<CentralBody> successors(CentralBody body) {
        return body.successorIds().stream().map(byId::get).toList();
    }

    /**
     * The bodies that stand for body on date: itself if in force then, else its successors in force then, followed
     * through further successors ("Bộ Kế hoạch và Đầu tư" in 2026 -> Bộ Tài chính). Empty if none is (a date before
     * the body began). A body whose end the sources do not date counts as in force.
     */
    public List<CentralBody> onDate(CentralBody body, LocalDate date) {
        List<CentralBody> out = new ArrayList<>();
        collectOnDate(body, date, out, 0);
        return out;
    }

    private void collectOnDate(CentralBody body, LocalDate date, List<CentralBody> out, int depth) {
        if (depth > all.size()) {
            throw new IllegalStateException(ReferenceData.CENTRAL_BODIES + ": successors of " + body.id() + " form a cycle");
        }
        if (body.validOn(date)) {
            if (!out.contains(body)) {
                out.add(body);
            }
            return;
        }
        if (body.validTo() != null && date.isAfter(body.validTo())) {
            for (CentralBody next : successors(body)) {
                collectOnDate(next, date, out, depth + 1);
            }
        }
    }
}
