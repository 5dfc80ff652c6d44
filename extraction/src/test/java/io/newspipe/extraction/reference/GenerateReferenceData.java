package io.newspipe.extraction.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.extraction.TextNormalizer;

/**
 * Writes the generated reference resources (administrative units of both maps, their succession, country names) from
 * snapshots of three public repositories. Not part of the build: the resources it writes are committed, and this is
 * how they were made. Run it after fetching the repositories as bare git directories:
 *
 * <pre>
 * java -cp extraction/target/classes:extraction/target/test-classes:$(cat /tmp/ex.cp) \
 *     io.newspipe.extraction.reference.GenerateReferenceData THANGLEQUOC_GIT DVHCVN_20250701_GIT COUNTRY_LIST_GIT \
 *     extraction/src/main/resources/io/newspipe/extraction/reference
 * </pre>
 *
 * Only facts are taken (codes, names, parent codes, which new unit took over an old one); the sources' code is not.
 */
public final class GenerateReferenceData {

    // the snapshots used; pinned so that a second run writes the same bytes
    static final String THANGLEQUOC = "https://github.com/thanglequoc/vietnamese-provinces-database";
    static final String OLD_TAG = "v2.4.1";
    static final String OLD_COMMIT = "fc33b7411ec4e3697817fab8118718a8d39ef090";
    static final String NEW_TAG = "v3.0.2";
    static final String NEW_COMMIT = "78594ea643d5fdebd640ea3889ea91f84b9463ae";
    static final String UNITS_JSON = "json/simplified_json_generated_data_vn_units.json";
    static final String DVHCVN = "https://github.com/dvhcvn/20250701";
    static final String DVHCVN_COMMIT = "dd94887ce32324380bc5bb0a76fe39867dafc73b";
    static final String COUNTRY_LIST = "https://github.com/umpirsky/country-list";
    static final String COUNTRY_COMMIT = "4d8f87526c891a7b110b530eabf910c3f7468ad6";

    /**
     * The mapping names two new communes by the codes of Công văn 1027/CTK-CSCL (25 June 2025); the statistics
     * office's list of 1 July 2025 and sapnhap.bando.com.vn give them other codes, which the unit list uses.
     */
    static final Map<String, String> NEW_CODE_FIXES = Map.of("06970", "06978", "23737", "23938");
    /**
     * Successors the mapping got wrong (it was built with a language model): each old commune below is named, with
     * its district, among the former units of a different new commune on sapnhap.bando.com.vn, and the mapping's
     * choice is a namesake elsewhere (found by {@link #crossCheck}).
     */
    static final Map<String, List<String>> SUCCESSION_FIXES = Map.of(
            "23521", List.of("23500"),  // Xã Hà Mòn (huyện Đắk Hà) -> Xã Đăk Hà, not Xã Tu Mơ Rông
            "27739", List.of("27721"),  // Xã Vĩnh Thạnh (huyện Tân Hưng) -> Xã Tân Hưng, not Xã Vĩnh Thạnh
            "30622", List.of("30604")); // Xã Tân Phú (huyện Châu Thành, An Giang) -> Xã Vĩnh An, not in Đồng Tháp
    /** The former units of each new unit as sapnhap.bando.com.vn lists them, kept in the unit list's repository. */
    static final String SAPNHAP_COMMIT = "cd58063299585146ded3981f2272946ef19ced54";
    static final String SAPNHAP_JSON = "dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json";
    /** Names corrected in the unit list after v3.0.2 (thanglequoc master, 2026): the town is Phố Bảng. */
    static final Map<String, String> NEW_NAME_FIXES = Map.of("00745", "Phố Bảng");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerateReferenceData() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: GenerateReferenceData THANGLEQUOC_GIT DVHCVN_20250701_GIT COUNTRY_LIST_GIT OUT_DIR");
            System.exit(2);
        }
        Path thang = Path.of(args[0]);
        Path dvhcvn = Path.of(args[1]);
        Path countries = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);

        List<Unit> old = oldUnits(JSON.readTree(gitShow(thang, OLD_COMMIT, UNITS_JSON)));
        List<Unit> fresh = newUnits(JSON.readTree(gitShow(thang, NEW_COMMIT, UNITS_JSON)));
        Map<String, List<String>> succession = succession(JSON.readTree(gitShow(dvhcvn, DVHCVN_COMMIT, "mapping/splits.json")),
                old, fresh);
        crossCheck(JSON.readTree(gitShow(thang, SAPNHAP_COMMIT, SAPNHAP_JSON)), old, fresh, succession);

        write(out.resolve("admin-units-vn63.tsv"), List.of(
                "Vietnam's administrative units of the 63-province map, in force until 30 June 2025: provinces,",
                "districts and communes as listed by the General Statistics Office on 1 March 2025 (the last change",
                "before the reform). valid_from is empty: when each unit began is not recorded here.",
                "source: " + THANGLEQUOC + " tag " + OLD_TAG + " (commit " + OLD_COMMIT + "), " + UNITS_JSON
                        + ", itself from the statistics office's list (danhmuchanhchinh.gso.gov.vn)",
                "licence: MIT, Copyright (c) 2021 Thang Le Quoc; codes and names are public facts",
                "generated by GenerateReferenceData (extraction/src/test); do not edit by hand",
                "level: P province, D district, C commune; prefix as written before the name, lower case; parent: the",
                "code of the enclosing unit",
                "columns: code, level, prefix, name, parent, valid_from, valid_to"), rows(old));
        write(out.resolve("admin-units-vn34.tsv"), List.of(
                "Vietnam's administrative units of the 34-province map, in force from 1 July 2025 (Nghị quyết",
                "202/2025/QH15 for the provinces, the 1654-1687/NQ-UBTVQH15 resolutions for the communes): provinces",
                "and communes, wards and special zones; there is no district level.",
                "source: " + THANGLEQUOC + " tag " + NEW_TAG + " (commit " + NEW_COMMIT + "), " + UNITS_JSON
                        + ", itself from the statistics office's list; name of 00745 as corrected on its master (2026)",
                "licence: MIT, Copyright (c) 2021 Thang Le Quoc; codes and names are public facts",
                "generated by GenerateReferenceData (extraction/src/test); do not edit by hand",
                "not included: later changes (from 30 April 2026 Đồng Nai is a centrally-run city, 30/2026/QH16)",
                "level: P province, C commune; prefix as written before the name, lower case; parent: province code",
                "columns: code, level, prefix, name, parent, valid_from, valid_to"), rows(fresh));
        List<String> successionRows = new ArrayList<>();
        for (Unit u : old) {
            successionRows.add(u.code + "\t" + String.join(",", succession.get(u.code)));
        }
        write(out.resolve("admin-succession-vn63-vn34.tsv"), List.of(
                "Which units of the 34-province map (1 July 2025) took over each unit of the 63-province map: a",
                "province -> the new province; a district -> the new province it lies in (districts were abolished;",
                "the five island districts without communes -> the special zone they became); a commune -> the new",
                "commune(s) its territory went to (several when it was split).",
                "source: communes: " + DVHCVN + " (commit " + DVHCVN_COMMIT + "), mapping/splits.json, built from the",
                "1654-1687/NQ-UBTVQH15 resolutions and checked against sapnhap.bando.com.vn; codes 06970 and 23737 of",
                "that mapping are 06978 and 23938 in the unit list; provinces and districts: derived here from the",
                "province merger of Nghị quyết 202/2025/QH15 as recorded in the same mapping",
                "licence: MIT, Copyright (c) 2025 dvhcvn; the succession of units is a public fact",
                "generated by GenerateReferenceData (extraction/src/test); do not edit by hand",
                "columns: code in admin-units-vn63.tsv, codes in admin-units-vn34.tsv (comma-separated)"), successionRows);

        List<String> countryRows = new ArrayList<>();
        Map<String, String> byIso = new TreeMap<>();
        for (String line : gitShow(countries, COUNTRY_COMMIT, "data/vi/country.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("id,")) {
                continue;
            }
            int comma = line.indexOf(',');
            String name = line.substring(comma + 1).trim();
            if (name.startsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            byIso.put(line.substring(0, comma), TextNormalizer.normalize(name));
        }
        byIso.forEach((iso, name) -> countryRows.add(iso + "\t" + name));
        write(out.resolve("countries.tsv"), List.of(
                "Countries and territories: ISO 3166-1 alpha-2 code and Vietnamese name (CLDR). Common variants used",
                "in the press are in country-variants.tsv.",
                "source: " + COUNTRY_LIST + " (commit " + COUNTRY_COMMIT + "), data/vi/country.csv",
                "licence: MIT, Copyright (c) Saša Stamenković",
                "generated by GenerateReferenceData (extraction/src/test); do not edit by hand",
                "columns: iso2, name"), countryRows);
        System.out.printf("vn63 %d units, vn34 %d units, %d successions, %d countries%n", old.size(), fresh.size(),
                successionRows.size(), countryRows.size());
    }

    record Unit(String code, char level, String prefix, String name, String parent, String validFrom, String validTo) {
    }

    static List<Unit> oldUnits(JsonNode provinces) {
        List<Unit> units = new ArrayList<>();
        for (JsonNode p : provinces) {
            units.add(unit(p, 'P', "", "", "2025-06-30"));
            for (JsonNode d : p.get("District")) {
                units.add(unit(d, 'D', p.get("Code").asText(), "", "2025-06-30"));
                for (JsonNode w : iterable(d.get("Ward"))) {
                    units.add(unit(w, 'C', d.get("Code").asText(), "", "2025-06-30"));
                }
            }
        }
        return sorted(units);
    }

    static List<Unit> newUnits(JsonNode provinces) {
        List<Unit> units = new ArrayList<>();
        for (JsonNode p : provinces) {
            units.add(unit(p, 'P', "", "2025-07-01", ""));
            for (JsonNode w : p.get("Wards")) {
                units.add(unit(w, 'C', p.get("Code").asText(), "2025-07-01", ""));
            }
        }
        return sorted(units);
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        return n == null || n.isNull() ? List.of() : n;
    }

    private static Unit unit(JsonNode n, char level, String parent, String from, String to) {
        String code = n.get("Code").asText();
        String full = clean(n.get("FullName").asText());
        String name = clean(NEW_NAME_FIXES.getOrDefault(from.isEmpty() ? "" : code, n.get("Name").asText()));
        String bare = clean(n.get("Name").asText());
        if (!full.endsWith(bare) || full.length() == bare.length()) {
            throw new IllegalStateException("unit " + code + ": full name '" + full + "' does not end in its name '" + bare + "'");
        }
        String prefix = full.substring(0, full.length() - bare.length()).trim().toLowerCase(Locale.ROOT);
        return new Unit(code, level, prefix, name, parent, from, to);
    }

    /** NFC, the project's tone placement, single spaces: the form the extractor's text is in. */
    static String clean(String s) {
        return TextNormalizer.normalize(s).trim().replaceAll("\\s+", " ");
    }

    private static List<Unit> sorted(List<Unit> units) {
        units.sort(Comparator.comparing((Unit u) -> "PDC".indexOf(u.level)).thenComparing(Unit::code));
        Set<String> codes = new LinkedHashSet<>();
        for (Unit u : units) {
            if (!codes.add(u.code)) {
                throw new IllegalStateException("duplicate code " + u.code);
            }
        }
        return units;
    }

    private static List<String> rows(List<Unit> units) {
        List<String> rows = new ArrayList<>();
        for (Unit u : units) {
            rows.add(String.join("\t", u.code, String.valueOf(u.level), u.prefix, u.name, u.parent, u.validFrom, u.validTo));
        }
        return rows;
    }

    /**
     * Old code -> new codes. Communes from the mapping; a province -> the new province its communes went to (the
     * mapping's level-1 entry); a district -> the new province of its province, or for the island districts without
     * communes the special zone of the same name there.
     */
    static Map<String, List<String>> succession(JsonNode splits, List<Unit> old, List<Unit> fresh) {
        Map<String, Unit> newByCode = new LinkedHashMap<>();
        fresh.forEach(u -> newByCode.put(u.code, u));
        Map<String, Unit> oldByCode = new LinkedHashMap<>();
        old.forEach(u -> oldByCode.put(u.code, u));
        Map<String, List<String>> next = new LinkedHashMap<>();
        for (JsonNode p : splits.get("data")) {
            next.put(p.get("level1_id").asText(), newCodes(p.get("splits"), newByCode));
            for (JsonNode w : p.get("level3s")) {
                String code = w.get("level3_id").asText();
                if (oldByCode.containsKey(code)) { // the mapping also has 12 communes abolished before 1 March 2025
                    next.put(code, SUCCESSION_FIXES.getOrDefault(code, newCodes(w.get("splits"), newByCode)));
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Unit u : old) {
            List<String> to = switch (u.level) {
                case 'P', 'C' -> next.get(u.code);
                default -> districtSuccessor(u, old, next, fresh);
            };
            if (to == null || to.isEmpty()) {
                throw new IllegalStateException("no successor for " + u);
            }
            String province = u.level == 'P' ? u.code : u.level == 'D' ? u.parent : oldByCode.get(u.parent).parent;
            String newProvince = next.get(province).get(0);
            for (String c : to) {
                Unit n = newByCode.get(c);
                String inProvince = n.level == 'P' ? n.code : n.parent;
                if (!inProvince.equals(newProvince)) {
                    throw new IllegalStateException(u + " -> " + n + " outside the successor province " + newProvince);
                }
            }
            out.put(u.code, to);
        }
        return out;
    }

    /**
     * Prints each old commune that none of its successors lists among its former units on sapnhap.bando.com.vn
     * (names compared without diacritics), with the new units of the same province that do list a commune of that
     * name: the review list from which {@link #SUCCESSION_FIXES} came. Most lines are spelling variants of ethnic
     * minority names ("Xà Phìn"/"Sà Phìn") or namesakes in other districts.
     */
    static void crossCheck(JsonNode sapnhap, List<Unit> old, List<Unit> fresh, Map<String, List<String>> succession) {
        Map<String, String> formerUnits = new LinkedHashMap<>();
        for (JsonNode n : sapnhap) {
            formerUnits.put(n.get("ma").asText(), folded(n.get("truocsapnhap").asText()));
        }
        Map<String, Unit> oldByCode = new LinkedHashMap<>();
        old.forEach(u -> oldByCode.put(u.code, u));
        Map<String, Unit> newByCode = new LinkedHashMap<>();
        fresh.forEach(u -> newByCode.put(u.code, u));
        int unconfirmed = 0;
        for (Unit u : old) {
            if (u.level != 'C') {
                continue;
            }
            String name = folded(u.name);
            List<String> next = succession.get(u.code);
            boolean confirmed = next.stream().anyMatch(c -> {
                String former = formerUnits.getOrDefault(c, "");
                return former.contains(name) || former.equals(" giu nguyen ") && folded(newByCode.get(c).name).equals(name);
            });
            if (!confirmed) {
                unconfirmed++;
                String province = newByCode.get(next.get(0)).parent;
                List<String> elsewhere = fresh.stream()
                        .filter(n -> n.parent.equals(province) && !next.contains(n.code)
                                && formerUnits.getOrDefault(n.code, "").contains(name))
                        .map(n -> n.code + " " + n.name).toList();
                System.out.printf("unconfirmed: %s %s %s (district %s) -> %s; named by %s%n", u.code, u.prefix, u.name,
                        oldByCode.get(u.parent).name, next, elsewhere);
            }
        }
        System.out.printf("%d of %d communes unconfirmed by sapnhap.bando.com.vn%n", unconfirmed,
                old.stream().filter(u -> u.level == 'C').count());
    }

    /** Lower case without diacritics, đ as d, other marks as spaces, padded with a space on each side. */
    private static String folded(String s) {
        String t = java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", " ").trim();
        return " " + t + " ";
    }

    private static List<String> districtSuccessor(Unit district, List<Unit> old, Map<String, List<String>> next, List<Unit> fresh) {
        List<String> province = next.get(district.parent);
        boolean hasCommunes = old.stream().anyMatch(u -> u.level == 'C' && u.parent.equals(district.code));
        if (hasCommunes) {
            return province;
        }
        return fresh.stream()
                .filter(u -> u.prefix.equals("đặc khu") && u.parent.equals(province.get(0)) && u.name.equals(district.name))
                .map(Unit::code).toList();
    }

    private static List<String> newCodes(JsonNode splits, Map<String, Unit> newByCode) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode s : splits) {
            String code = NEW_CODE_FIXES.getOrDefault(s.get("new_id").asText(), s.get("new_id").asText());
            if (!newByCode.containsKey(code)) {
                throw new IllegalStateException("mapping names unknown new unit " + code);
            }
            codes.add(code);
        }
        return codes.stream().sorted().toList();
    }

    private static void write(Path file, List<String> header, List<String> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String gitShow(Path gitDir, String commit, String path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "--git-dir", gitDir.toString(), "show", commit + ":" + path)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(buf);
        }
        if (p.waitFor() != 0) {
            throw new IOException("git show " + commit + ":" + path + " failed in " + gitDir);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
