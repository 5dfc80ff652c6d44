package io.newspipe.stories.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newspipe.stories.text.ResourceLines;

/**
 * The word lists of the extraction module that entity identity reads too, from the same resources, so each list is
 * kept in one place: titles and honorifics ({@code titles.txt}), abbreviations ({@code abbreviations.tsv}) and
 * administrative prefixes ({@code admin-prefixes.txt}).
 */
final class ExtractionLexicon {

    static final String DIR = "/io/newspipe/extraction/lexicon/";

    /** Posts ("Phó Chủ tịch", "Bí thư"), longest first. */
    static final List<String> POSTS;
    /** Honorifics that introduce a person without a post ("ông", "đồng chí"), longest first. */
    static final List<String> HONORIFICS;
    /** Abbreviation -> expansion ("UBND" -> "Ủy ban nhân dân"). */
    static final Map<String, String> ABBREVIATIONS;
    /** Administrative prefixes as written ("tỉnh", "TP.", "huyện"), longest first. */
    static final List<String> ADMIN_PREFIXES;

    static {
        List<String> posts = new ArrayList<>();
        List<String> honorifics = new ArrayList<>();
        for (String line : lines("titles.txt")) {
            if (line.endsWith("*")) {
                honorifics.add(line.substring(0, line.length() - 1).strip());
            } else {
                posts.add(line);
            }
        }
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        posts.sort(longestFirst);
        honorifics.sort(longestFirst);
        POSTS = List.copyOf(posts);
        HONORIFICS = List.copyOf(honorifics);
        Map<String, String> abbr = new LinkedHashMap<>();
        for (String line : lines("abbreviations.tsv")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                abbr.put(f[0].strip(), f[1].strip());
            }
        }
        ABBREVIATIONS = java.util.Collections.unmodifiableMap(abbr);
        List<String> prefixes = new ArrayList<>(lines("admin-prefixes.txt"));
        prefixes.sort(longestFirst);
        ADMIN_PREFIXES = List.copyOf(prefixes);
    }

    private ExtractionLexicon() {
    }

    private static List<String> lines(String file) {
        return ResourceLines.read(DIR + file);
    }
}
