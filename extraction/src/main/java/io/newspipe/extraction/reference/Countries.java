package io.newspipe.extraction.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries and territories by Vietnamese name or variant ("Hoa Kỳ", "Mỹ", "Liên bang Nga", "Hàn Quốc") or ISO code.
 * Names are matched like unit names (case, tone placement, dashes and spacing do not matter). Loaded once on first
 * use; immutable and thread-safe.
 */
public final class Countries {

    private final List<Country> all;
    private final Map<String, Country> byIso;
    private final Map<String, Country> byName;
    /** Keys of names that are also ordinary words or personal names ("Mỹ", "Anh", "Đức"). */
    private final Set<String> ambiguous;

    private Countries() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : Tsv.read(ReferenceData.COUNTRIES).rows()) {
            names.put(row[0], row[1]);
        }
        Map<String, List<String>> variants = new HashMap<>();
        Set<String> flagged = new HashSet<>();
        for (String[] row : Tsv.read(ReferenceData.COUNTRY_VARIANTS).rows()) {
            if (!names.containsKey(row[0])) {
                throw new IllegalStateException(ReferenceData.COUNTRY_VARIANTS + ": unknown country code " + row[0]);
            }
            if (!row[1].equals(names.get(row[0]))) {
                variants.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
            if (row[2].equals("~")) {
                flagged.add(NameKey.of(row[1]));
            }
        }
        List<Country> list = new ArrayList<>();
        Map<String, Country> iso = new HashMap<>();
        Map<String, Country> name = new HashMap<>();
        names.forEach((code, n) -> {
            Country c = new Country(code, n, List.copyOf(variants.getOrDefault(code, List.of())));
            list.add(c);
            iso.put(code, c);
            put(name, n, c);
            c.variants().forEach(v -> put(name, v, c));
        });
        all = List.copyOf(list);
        byIso = Map.copyOf(iso);
        byName = Map.copyOf(name);
        ambiguous = Set.copyOf(flagged);
    }

    private static void put(Map<String, Country> byName, String name, Country c) {
        Country before = byName.put(NameKey.of(name), c);
        if (before != null && before != c) {
            throw new IllegalStateException("country name '" + name + "' belongs to both " + before.iso2() + " and " + c.iso2());
        }
    }

    /** The reference countries, loaded on first use. */
    public static Countries get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Countries INSTANCE = new Countries();
    }

    public List<Country> all() {
        return all;
    }

    /** By ISO 3166-1 alpha-2 code, upper case: "VN". */
    public Optional<Country> byIso(String iso2) {
        return Optional.ofNullable(byIso.get(iso2));
    }

    /** By Vietnamese name or variant: "Mỹ", "Hoa Kỳ" -> US. */
    public Optional<Country> find(CharSequence name) {
        return Optional.ofNullable(byName.get(NameKey.of(name)));
    }

    public boolean isName(CharSequence words) {
        return byName.containsKey(NameKey.of(words));
    }

    /**
     * Whether the name is also an ordinary word or a personal name ("Mỹ" in Phú Mỹ, "Đức" as a given name, "Anh"
     * as "elder brother"): such a name is a country only where the context says so.
     */
    public boolean isAmbiguous(CharSequence name) {
        return ambiguous.contains(NameKey.of(name));
    }
}
