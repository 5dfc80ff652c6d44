package io.newspipe.stories.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.newspipe.extraction.TextNormalizer;

/** Word-level helpers over names: words, prefixes and suffixes compared by {@link TextNormalizer#canonicalKey}. */
final class Names {

    private Names() {
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static String key(String s) {
        return TextNormalizer.canonicalKey(s);
    }

    /** Whether s starts with the words of prefix (compared by key) followed by a word boundary. */
    static boolean startsWithWords(String s, String prefix) {
        String ks = key(s);
        String kp = key(prefix);
        return ks.equals(kp) || ks.startsWith(kp + " ");
    }

    /** Whether s ends with the words of suffix (compared by key). */
    static boolean endsWithWords(String s, String suffix) {
        String ks = key(s);
        String kp = key(suffix);
        return ks.equals(kp) || ks.endsWith(" " + kp);
    }

    /** Whether the key of s contains the words of part. */
    static boolean containsWords(String s, String part) {
        String ks = " " + key(s) + " ";
        return ks.contains(" " + key(part) + " ");
    }

    /** s without its first n words (and the spaces after them). */
    static String dropWords(String s, int n) {
        List<String> w = words(s);
        return String.join(" ", w.subList(Math.min(n, w.size()), w.size()));
    }

    static int wordCount(String s) {
        return words(s).size();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
