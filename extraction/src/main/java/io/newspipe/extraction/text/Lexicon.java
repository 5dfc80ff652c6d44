package io.newspipe.extraction.text;

import io.newspipe.extraction.CharClass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Loads the curated word lists under {@code io/newspipe/extraction/lexicon/} and turns them into patterns. */
public final class Lexicon {

    private static final String BASE = "/io/newspipe/extraction/lexicon/";

    private Lexicon() {
    }

    /** Non-blank lines of a lexicon file, "#" comments removed, trimmed. */
    public static List<String> lines(String name) {
        InputStream in = Lexicon.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("lexicon resource missing from the classpath: " + BASE + name);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash);
                }
                line = line.strip();
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + name, e);
        }
        return out;
    }

    /** Tab-separated columns of each line. */
    public static List<String[]> rows(String name) {
        return lines(name).stream().map(l -> l.split("\t+")).toList();
    }

    /**
     * Matches any of the phrases as whole words, case-insensitively, longest phrase first. Spaces inside a phrase
     * match any run of spaces.
     */
    public static Pattern wordPattern(Collection<String> phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation(phrases) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * Like {@link #wordPattern} but for text already lower-cased with {@link #lower(String)}: case-sensitive
     * matching is several times faster than Java's Unicode case-insensitive matching.
     */
    public static Pattern lowerWordPattern(Collection<String> phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation(lowered(phrases)) + ")(?![\\p{L}\\p{N}])");
    }

    public static List<String> lowered(Collection<String> phrases) {
        return phrases.stream().map(Lexicon::lower).toList();
    }

    /** Lower case char by char, so offsets into the result are offsets into the input. */
    public static String lower(String s) {
        return new String(lowerChars(s));
    }

    /** The chars of {@link #lower(String)}, in a new array. */
    public static char[] lowerChars(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = CharClass.toLowerCase(cs[i]);
        }
        return cs;
    }

    /** A regex alternation of the quoted phrases, longest first (no nested quantifiers, so no backtracking blow-up). */
    public static String alternation(Collection<String> phrases) {
        return phrases.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
    }
}
