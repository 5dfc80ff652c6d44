package io.newspipe.stories.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Canonical organization names: abbreviations expanded ("UBND" -> "Ủy ban nhân dân") and, in an article about a
 * province, the bodies named by their level alone completed with it: "UBND tỉnh" in an article about Nghệ An is
 * "Ủy ban nhân dân tỉnh Nghệ An", "Tỉnh ủy" is "Tỉnh ủy Nghệ An", "Ban Thường vụ Tỉnh ủy" is "Ban Thường vụ Tỉnh ủy
 * Nghệ An", "Sở Y tế" is "Sở Y tế tỉnh Nghệ An"; in an article about a centrally-run city (prefix "thành phố"),
 * "Thành ủy" and "UBND thành phố" likewise.
 */
public final class OrganizationNames {

    private OrganizationNames() {
    }

    /** The canonical name of name in an article about province (null: no completion). */
    public static String canonical(String name, AdminUnitRef province) {
        String expanded = expand(name);
        if (province == null) {
            return expanded;
        }
        String pname = province.name();
        if (Names.containsWords(expanded, pname)) {
            return expanded;
        }
        boolean city = "thành phố".equals(province.prefix());
        String level = city ? "thành phố" : "tỉnh";
        String committee = city ? "Thành ủy" : "Tỉnh ủy";
        if (Names.endsWithWords(expanded, level) || Names.endsWithWords(expanded, committee)) {
            return expanded + " " + pname;
        }
        if (Names.startsWithWords(expanded, "Sở") && Names.wordCount(expanded) >= 2) {
            return expanded + " " + level + " " + pname;
        }
        return expanded;
    }

    /** name with every word that is a known abbreviation replaced by its expansion. */
    static String expand(String name) {
        Map<String, String> abbr = ExtractionLexicon.ABBREVIATIONS;
        List<String> out = new ArrayList<>();
        for (String w : Names.words(name)) {
            String e = abbr.get(w);
            out.add(e != null && isOrganizational(w) ? e : w);
        }
        return String.join(" ", out);
    }

    /** Abbreviations that stand inside organization names (not "KHCN" or "NSNN", which are common nouns). */
    private static boolean isOrganizational(String abbreviation) {
        for (int i = 0; i < abbreviation.length(); i++) {
            if (Character.isLowerCase(abbreviation.charAt(i))) {
                return false;
            }
        }
        String e = ExtractionLexicon.ABBREVIATIONS.get(abbreviation);
        return !e.isEmpty() && Character.isUpperCase(e.charAt(0)) || e.startsWith("thành phố") || e.startsWith("thị xã");
    }
}
