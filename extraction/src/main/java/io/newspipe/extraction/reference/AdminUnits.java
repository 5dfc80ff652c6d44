package io.newspipe.extraction.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.newspipe.extraction.CharClass;

/**
 * Vietnam's administrative units on both maps ({@link AdminMap#VN63} until 30 June 2025, {@link AdminMap#VN34} from 1
 * July 2025), looked up by name (with or without its prefix; case, tone placement, dashes and spacing do not matter),
 * by id or code and date, with the succession from the old map to the new. Loaded once on first use; immutable and
 * thread-safe; lookups are hash-map lookups.
 *
 * <pre>
 * AdminUnits units = AdminUnits.get();
 * units.find("thành phố Vinh");                       // [vn63:412 Thành phố Vinh]
 * units.find("Phú Mỹ", AdminQuery.any().level(AdminLevel.COMMUNE).on(LocalDate.of(2025, 8, 1)));
 * units.successors(units.byId("vn63:412").orElseThrow()); // [vn34:40 Tỉnh Nghệ An]
 * units.unitOn("52", LocalDate.of(2024, 1, 1));       // vn63:52 Tỉnh Bình Định (vn34:52 is Gia Lai)
 * </pre>
 */
public final class AdminUnits {

    private static final AdminUnit[] NONE = new AdminUnit[0];

    private final List<AdminUnit> units;
    private final Map<String, AdminUnit> byId;
    /** Name key -> units: bare names and aliases; a name of digits only ("Phường 1") under prefix and name. */
    private final Map<String, AdminUnit[]> byName;
    /** Key of a written prefix form ("tp", "thành phố", "thủ đô") -> the prefix it stands for. */
    private final Map<String, String> prefixForms;
    /** Prefix -> its key ("thành phố" -> "thành phố"): names of digits only are stored under it. */
    private final Map<String, String> prefixKeys;
    /**
     * Key of the first word of every name, alias and prefix form -> the most words a name (with its prefix, if the
     * word opens one) starting with it has: {@link #longestNameAt} gives up on other words and looks no further.
     */
    private final Map<String, Integer> firstWords;
    private final Map<String, Set<AdminLevel>> levelsOfPrefix;
    private final Map<AdminLevel, Set<String>> prefixesOfLevel;
    private final Map<String, List<AdminUnit>> next;
    private final Map<String, List<AdminUnit>> previous;
    private final Map<String, List<AdminUnit>> children;

    private AdminUnits() {
        List<AdminUnit> all = new ArrayList<>();
        for (AdminMap map : AdminMap.values()) {
            all.addAll(readMap(map));
        }
        units = List.copyOf(all);
        byId = new HashMap<>(units.size() * 2);
        Map<String, List<AdminUnit>> kids = new HashMap<>();
        Map<String, Set<AdminLevel>> levels = new HashMap<>();
        for (AdminUnit u : units) {
            byId.put(u.id(), u);
            if (!u.parentCode().isEmpty()) {
                kids.computeIfAbsent(u.map().tag() + ":" + u.parentCode(), k -> new ArrayList<>()).add(u);
            }
            levels.computeIfAbsent(u.prefix(), k -> EnumSet.noneOf(AdminLevel.class)).add(u.level());
        }
        children = freeze(kids);
        levelsOfPrefix = Map.copyOf(levels);
        Map<AdminLevel, Set<String>> byLevel = new EnumMap<>(AdminLevel.class);
        for (AdminLevel l : AdminLevel.values()) {
            Set<String> s = new TreeSet<>();
            levels.forEach((p, ls) -> {
                if (ls.contains(l)) {
                    s.add(p);
                }
            });
            byLevel.put(l, Collections.unmodifiableSet(s));
        }
        prefixesOfLevel = Collections.unmodifiableMap(byLevel);
        prefixForms = readPrefixForms(levels.keySet());
        Map<String, String> pk = new HashMap<>();
        levels.keySet().forEach(p -> pk.put(p, NameKey.of(p)));
        prefixKeys = Map.copyOf(pk);
        Map<String, List<AdminUnit>> names = new HashMap<>(units.size() * 2);
        for (AdminUnit u : units) {
            names.computeIfAbsent(nameKey(u.prefix(), u.name()), k -> new ArrayList<>(1)).add(u);
        }
        for (String[] row : Tsv.read(ReferenceData.ADMIN_ALIASES).rows()) {
            AdminUnit u = byId.get(row[0]);
            if (u == null) {
                throw new IllegalStateException(ReferenceData.ADMIN_ALIASES + ": no unit " + row[0] + " for alias " + row[1]);
            }
            names.computeIfAbsent(NameKey.of(row[1]), k -> new ArrayList<>(1)).add(u);
        }
        byName = new HashMap<>(names.size() * 2);
        names.forEach((k, v) -> byName.put(k, v.toArray(NONE)));
        Map<String, Integer> first = new HashMap<>();
        int longest = 1;
        for (String k : names.keySet()) {
            first.merge(firstWord(k), wordCount(k), Math::max);
            longest = Math.max(longest, wordCount(k));
        }
        for (String form : prefixForms.keySet()) {
            first.merge(firstWord(form), wordCount(form) + longest, Math::max);
        }
        firstWords = Map.copyOf(first);
        next = new HashMap<>();
        previous = new HashMap<>();
        readSuccession();
    }

    /** The reference units, loaded on first use. */
    public static AdminUnits get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final AdminUnits INSTANCE = new AdminUnits();
    }

    private static List<AdminUnit> readMap(AdminMap map) {
        Tsv tsv = Tsv.read(map.file());
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String[] r : tsv.rows()) {
            if (rows.put(r[0], r) != null) {
                throw new IllegalStateException(map.file() + ": code " + r[0] + " appears twice");
            }
        }
        List<AdminUnit> out = new ArrayList<>(rows.size());
        for (String[] r : rows.values()) {
            AdminLevel level = AdminLevel.ofLetter(r[1]);
            String province = r[0];
            for (String[] up = r; !up[4].isEmpty(); ) {
                province = up[4];
                up = rows.get(up[4]);
                if (up == null) {
                    throw new IllegalStateException(map.file() + ": unit " + r[0] + " has an unknown parent " + province);
                }
            }
            out.add(new AdminUnit(map, r[0], level, r[2].intern(), r[3], r[4].isEmpty() ? "" : rows.get(r[4])[0],
                    rows.get(province)[0], tsv.date(r[5]), tsv.date(r[6])));
        }
        return out;
    }

    private static Map<String, String> readPrefixForms(Set<String> prefixes) {
        Map<String, String> forms = new HashMap<>();
        for (String p : prefixes) {
            forms.put(NameKey.of(p), p);
        }
        for (String[] row : Tsv.read(ReferenceData.ADMIN_PREFIXES).rows()) {
            if (!prefixes.contains(row[1])) {
                throw new IllegalStateException(ReferenceData.ADMIN_PREFIXES + ": '" + row[1] + "' is no prefix of any unit");
            }
            forms.put(NameKey.of(row[0]), row[1]);
        }
        return Map.copyOf(forms);
    }

    private void readSuccession() {
        for (String[] row : Tsv.read(ReferenceData.SUCCESSION).rows()) {
            AdminUnit old = unit(AdminMap.VN63, row[0]);
            List<AdminUnit> to = new ArrayList<>();
            for (String code : row[1].split(",")) {
                AdminUnit n = unit(AdminMap.VN34, code);
                to.add(n);
                previous.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(old);
            }
            next.put(old.id(), List.copyOf(to));
        }
        previous.replaceAll((k, v) -> List.copyOf(v));
        for (AdminUnit u : all(AdminMap.VN63)) {
            if (!next.containsKey(u.id())) {
                throw new IllegalStateException(ReferenceData.SUCCESSION + " has no successor for " + u);
            }
        }
    }

    private AdminUnit unit(AdminMap map, String code) {
        AdminUnit u = byId.get(map.tag() + ":" + code);
        if (u == null) {
            throw new IllegalStateException(ReferenceData.SUCCESSION + ": no unit " + code + " in " + map.file());
        }
        return u;
    }

    private static Map<String, List<AdminUnit>> freeze(Map<String, List<AdminUnit>> m) {
        Map<String, List<AdminUnit>> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** A name of digits only ("1" of "Phường 1", "Quận 1") is no name without its prefix. */
    private static String nameKey(String prefix, String name) {
        String key = NameKey.of(name);
        for (int i = 0; i < key.length(); i++) {
            if (!CharClass.isDigit(key.charAt(i))) {
                return key;
            }
        }
        return NameKey.of(prefix + " " + name);
    }

    private static String firstWord(String key) {
        int sp = key.indexOf(' ');
        return sp < 0 ? key : key.substring(0, sp);
    }

    private static int wordCount(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    // ---- lookups by name

    /**
     * Units named name, which may start with a prefix or an abbreviation of one ("huyện Phú Mỹ", "TP. Vinh",
     * "TX Phú Mỹ", "Q.1"): then units written with that prefix come first, followed by the other units of the levels
     * the prefix names (a "thị xã" that has since become a "thành phố" is still found); without a prefix, every unit
     * of that name. Both maps; narrow with {@link #find(CharSequence, AdminQuery)}.
     */
    public List<AdminUnit> find(CharSequence name) {
        return find(name, AdminQuery.any());
    }

    public List<AdminUnit> find(CharSequence name, AdminQuery query) {
        List<AdminUnit> out = new ArrayList<>(2);
        collect(NameKey.of(name), query, out, false);
        return out;
    }

    /** Whether words name a unit (with or without a prefix): "An Lão", "huyện An Lão", "Bà Rịa-Vũng Tàu". */
    public boolean isName(CharSequence words) {
        return isName(words, AdminQuery.any());
    }

    public boolean isName(CharSequence words, AdminLevel level) {
        return isName(words, AdminQuery.any().level(level));
    }

    public boolean isName(CharSequence words, AdminQuery query) {
        return collect(NameKey.of(words), query, null, true);
    }

    /**
     * The end (exclusive) of the longest unit name, with or without its prefix, that starts at {@code start} in text
     * and is found by query, or -1. A name ends at a comma, semicolon, colon or other punctuation that no name has;
     * "các huyện: An Lão, Tây Sơn, Phù Cát" has names at the offsets of "An Lão", "Tây Sơn" and "Phù Cát".
     */
    public int longestNameAt(CharSequence text, int start, AdminQuery query) {
        int i = start;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        // most words of a text open no name: one lookup instead of one per length
        Integer most = i == start ? null : firstWords.get(NameKey.of(text.subSequence(start, i)));
        if (most == null) {
            return -1;
        }
        int[] ends = new int[most];
        int n = 0;
        i = start;
        while (n < most && i < text.length() && isWordChar(text.charAt(i))) {
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            ends[n++] = i;
            int j = i;
            while (j < text.length() && isJoiner(text.charAt(j))) {
                j++;
            }
            if (j == i || j - i > 3) {
                break; // no joiner, or a gap that is more than a dash between spaces
            }
            i = j;
        }
        // the key of the first k words is the key of all n cut before its k-th space: tokens and key words align
        String key = NameKey.of(text.subSequence(start, ends[n - 1]));
        int[] cuts = new int[n];
        for (int k = 0, p = 0; k < n; k++) {
            int sp = key.indexOf(' ', p);
            cuts[k] = sp < 0 ? key.length() : sp;
            p = cuts[k] + 1;
        }
        for (int k = n - 1; k >= 0; k--) {
            if (collect(key.substring(0, cuts[k]), query, null, true)) {
                return ends[k];
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return CharClass.isLetterOrDigit(c) || c == '\'' || c == '\u2019';
    }

    private static boolean isJoiner(char c) {
        return c == ' ' || c == '-' || c == '\u2013' || c == '\u2014' || c == '.' || c == '\u00A0';
    }

    /** Adds matches of key to out (or, when exists, stops at the first): prefixed readings first, then the bare one. */
    private boolean collect(String key, AdminQuery query, List<AdminUnit> out, boolean exists) {
        int sp = key.indexOf(' ');
        for (int words = 1; words <= 2 && sp > 0; words++) {
            String prefix = prefixForms.get(key.substring(0, sp));
            if (prefix != null) {
                String rest = key.substring(sp + 1);
                AdminUnit[] bare = byName.getOrDefault(rest, NONE);
                AdminUnit[] numbered = byName.getOrDefault(prefixKeys.get(prefix) + " " + rest, NONE);
                Set<AdminLevel> levels = levelsOfPrefix.get(prefix);
                // written with this prefix first, then others of its levels; the four runs are disjoint
                if (addFitting(bare, prefix, null, query, out, exists) || addFitting(numbered, prefix, null, query, out, exists)
                        || addFitting(bare, prefix, levels, query, out, exists)
                        || addFitting(numbered, prefix, levels, query, out, exists)) {
                    return true;
                }
            }
            sp = key.indexOf(' ', sp + 1);
        }
        boolean prefixed = !exists && !out.isEmpty();
        for (AdminUnit u : byName.getOrDefault(key, NONE)) {
            if (query.test(u) && (!prefixed || !out.contains(u))) {
                if (exists) {
                    return true;
                }
                out.add(u);
            }
        }
        return false;
    }

    /**
     * Adds the candidates written with prefix (levels null), or else written otherwise but of one of levels, that the
     * query accepts. Returns true when exists and one was found.
     */
    private static boolean addFitting(AdminUnit[] candidates, String prefix, Set<AdminLevel> levels, AdminQuery query,
            List<AdminUnit> out, boolean exists) {
        for (AdminUnit u : candidates) {
            boolean samePrefix = u.prefix().equals(prefix);
            boolean fits = levels == null ? samePrefix : !samePrefix && levels.contains(u.level());
            if (fits && query.test(u)) {
                if (exists) {
                    return true;
                }
                out.add(u);
            }
        }
        return false;
    }

    // ---- lookups by id, code, date

    /** By id: {@code vn63:412}, {@code vn34:40}. */
    public Optional<AdminUnit> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<AdminUnit> byCode(AdminMap map, String code) {
        return byId(map.tag() + ":" + code);
    }

    /** The unit with that code in force on date: "52" is Bình Định in 2024 and Gia Lai in 2026. */
    public Optional<AdminUnit> unitOn(String code, LocalDate date) {
        for (AdminMap m : AdminMap.values()) {
            AdminUnit u = byId.get(m.tag() + ":" + code);
            if (u != null && u.validOn(date)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Every unit: the 63-province map first, then the 34-province map, each provinces, districts, communes. */
    public List<AdminUnit> all() {
        return units;
    }

    public List<AdminUnit> all(AdminMap map) {
        return units.stream().filter(u -> u.map() == map).toList();
    }

    public List<AdminUnit> provinces(AdminMap map) {
        return units.stream().filter(u -> u.map() == map && u.level() == AdminLevel.PROVINCE).toList();
    }

    public Optional<AdminUnit> parent(AdminUnit u) {
        return u.parentCode().isEmpty() ? Optional.empty() : byCode(u.map(), u.parentCode());
    }

    /** The province the unit lies in (itself for a province). */
    public AdminUnit province(AdminUnit u) {
        return byId.get(u.map().tag() + ":" + u.provinceCode());
    }

    /** The units directly below: a province's districts (or, on the new map, communes), a district's communes. */
    public List<AdminUnit> children(AdminUnit u) {
        return children.getOrDefault(u.id(), List.of());
    }

    // ---- prefixes

    /** The prefixes of units of a level, lower case: PROVINCE {thành phố, tỉnh}, DISTRICT {huyện, quận, thành phố, thị xã}. */
    public Set<String> prefixes(AdminLevel level) {
        return prefixesOfLevel.get(level);
    }

    /** The prefix a written form stands for: "TP." and "Thành phố" -> "thành phố", "TX" -> "thị xã"; empty if none. */
    public Optional<String> prefixOf(CharSequence written) {
        return Optional.ofNullable(prefixForms.get(NameKey.of(written)));
    }

    // ---- succession across the 1 July 2025 reorganization

    /**
     * The units of the 34-province map that took over a unit of the 63-province map: a province -> its new province,
     * a district -> the new province it lies in (an island district -> its special zone), a commune -> the new
     * commune(s) its territory went to. Empty for units of the new map.
     */
    public List<AdminUnit> successors(AdminUnit u) {
        return next.getOrDefault(u.id(), List.of());
    }

    /** {@link #successors(AdminUnit)} of the 63-province unit with that code; empty if there is none. */
    public List<AdminUnit> successors(String vn63Code) {
        return byCode(AdminMap.VN63, vn63Code).map(this::successors).orElse(List.of());
    }

    /**
     * The units of the 63-province map that a unit of the new map took over: for a commune the old communes (and,
     * for a special zone, the island district) it was made of; for a province the old provinces and their districts.
     */
    public List<AdminUnit> predecessors(AdminUnit u) {
        return previous.getOrDefault(u.id(), List.of());
    }

    /** The province of the 34-province map that a unit of the 63-province map now lies in. */
    public Optional<AdminUnit> successorProvince(AdminUnit u) {
        List<AdminUnit> s = successors(u);
        return s.isEmpty() ? Optional.empty() : Optional.of(province(s.get(0)));
    }

    /** What the reorganization did to a unit of the 63-province map; empty for units of the new map. */
    public Optional<AdminChange> change(AdminUnit u) {
        List<AdminUnit> s = successors(u);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (u.level() == AdminLevel.DISTRICT) {
            return Optional.of(AdminChange.ABOLISHED);
        }
        if (s.size() > 1) {
            return Optional.of(AdminChange.SPLIT);
        }
        // the new unit's predecessors of the same level: a new province also lists the districts that lay in it
        long sameLevel = predecessors(s.get(0)).stream().filter(p -> p.level() == u.level()).count();
        return Optional.of(sameLevel == 1 ? AdminChange.KEPT : AdminChange.MERGED);
    }
}
