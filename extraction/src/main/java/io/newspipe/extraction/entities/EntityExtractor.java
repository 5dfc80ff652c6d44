package io.newspipe.extraction.entities;

import io.newspipe.extraction.CharClass;

import java.util.List;

import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.text.ParsedArticle;
import io.newspipe.extraction.text.ScrapedText;
import io.newspipe.extraction.text.ScrapedTextParser;
import io.newspipe.extraction.text.Segment;

/**
 * Rule-based Vietnamese named-entity finder (persons, organizations, locations), following the VLSP-like annotation
 * guidelines: longest span, titles stripped from persons, administrative prefixes stripped from locations, generic
 * institution words excluded, nothing from bylines, credits, outlet tags or URLs.
 *
 * <p>One left-to-right pass over tokens. At each position, in order: a title or honorific (which may carry an
 * organization and is followed by a name), an institution head with its complement, a location, a bare full name
 * starting with a known surname, and finally code-like unit names (PC04) and CamelCase company names (HDBank).
 * Thread-safe: no mutable state outside a call. The rules of each entity type are in {@link PersonRules},
 * {@link OrganizationRules} and {@link LocationRules}; {@link ArticleScan} runs them over one article.
 */
public final class EntityExtractor {

    final EntityLexicon lex;
    /** Per thread, so the extractor stays shareable without locks. */
    private final ThreadLocal<WordCache> wordCaches = ThreadLocal.withInitial(WordCache::new);

    /**
     * Every abbreviation (and "TP.") has two capitals in a row, so a surface without such a pair has nothing to
     * expand and {@link #canonicalOrg} need not tokenize it again. False if a lexicon edit ever breaks that rule.
     */
    private final boolean abbreviationsHaveCapitalPair;

    public EntityExtractor(EntityLexicon lexicon) {
        this.lex = lexicon;
        this.abbreviationsHaveCapitalPair = lexicon.abbreviations.keySet().stream()
                .allMatch(EntityExtractor::hasCapitalPair);
    }

    static boolean hasCapitalPair(String s) {
        for (int k = 1; k < s.length(); k++) {
            if (CharClass.isUpperCase(s.charAt(k)) && CharClass.isUpperCase(s.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /** @param text normalized text; offsets of the result refer to it */
    public List<EntityMention> extract(String text) {
        return extract(text, ScrapedTextParser.parse(text));
    }

    /** As {@link #extract(String)}, with the structure already parsed from the same text. */
    public List<EntityMention> extract(String text, ScrapedText structure) {
        return extract(text, structure, null);
    }

    /**
     * As {@link #extract(String, ScrapedText)}, with {@code EntityLexicon.lower(text)} (the kpi {@code EntityLexicon}) already
     * computed for the article: tokens take their lower-case form from it.
     */
    public List<EntityMention> extract(String text, ScrapedText structure, String lower) {
        return extract(text, text.toCharArray(), structure, lower);
    }

    /** As {@link #extract(String, ScrapedText, String)}, with the text's chars as well (see {@link ParsedArticle#chars()}). */
    public List<EntityMention> extract(ParsedArticle article) {
        return extract(article.text(), article.chars(), article.structure(), article.lower());
    }

    private List<EntityMention> extract(String text, char[] chars, ScrapedText structure, String lower) {
        WordCache cache = wordCaches.get();
        Token[] toks = Tokenizer.tokenizeToArray(text, chars, lex.surfaces, lower, cache);
        List<Segment> excluded = structure.excludedSpans();
        int e = 0;
        // the current excluded span, held in locals (a list lookup per token was 1.3% of extraction time)
        Segment span = excluded.isEmpty() ? null : excluded.get(0);
        int spanEnd = span == null ? Integer.MAX_VALUE : span.end();
        int prevEnd = 0;
        for (Token t : toks) {
            for (int c = prevEnd; c < t.start; c++) {
                if (chars[c] == '\n') {
                    t.lineStart = true;
                    break;
                }
            }
            prevEnd = t.end;
            if (t.known == null) {
                lex.lookUp(t);
                cache.learn(t); // neither a lexicon surface nor met before on this thread
            }
            if (span == null) {
                continue;
            }
            while (spanEnd <= t.start) {
                e++;
                span = e < excluded.size() ? excluded.get(e) : null;
                if (span == null) {
                    break;
                }
                spanEnd = span.end();
            }
            if (span != null && span.overlaps(t.start, t.end)) {
                t.masked = true;
            }
        }
        ArticleScan run = new ArticleScan(this, text, toks);
        run.scan();
        run.shortNames();
        return run.finish();
    }


    /** Abbreviations expanded word by word: "BTV Tỉnh uỷ" becomes "Ban Thường vụ Tỉnh ủy". */
    String canonicalOrg(String surface) {
        String norm = surface; // already normalized: it is a slice of the analysed text
        if (abbreviationsHaveCapitalPair && !hasCapitalPair(norm)) {
            return withoutCityDot(norm); // no token to expand
        }
        // with the known spellings: only text and offsets are read, and those are the same either way
        List<Token> toks = Tokenizer.tokenize(norm, lex.surfaces, null, wordCaches.get());
        StringBuilder sb = new StringBuilder(norm.length() + 16);
        int last = 0;
        for (Token t : toks) {
            String exp = lex.abbreviations.get(t.text);
            if (exp == null && t.text.startsWith("TP.") && t.text.length() > 3) {
                String rest = lex.abbreviations.getOrDefault(t.text.substring(3), t.text.substring(3));
                exp = "thành phố " + rest;
            }
            sb.append(norm, last, t.start);
            sb.append(exp != null ? exp : t.text);
            last = t.end;
        }
        sb.append(norm.substring(last));
        return withoutCityDot(sb.toString());
    }

    /** An expanded "TP" leaves its dot behind ("TP. Vinh" -> "thành phố. Vinh"): the dot goes. */
    private static String withoutCityDot(String s) {
        return s.replace("thành phố . ", "thành phố ").replace("thành phố. ", "thành phố ");
    }

    static boolean isUnitCode(String s) {
        // PC04, PA05, C09, A02, PC02B: police/ministry department codes
        int k = 0;
        while (k < s.length() && k < 2 && (s.charAt(k) == 'P' || s.charAt(k) == 'C' || s.charAt(k) == 'A' || s.charAt(k) == 'K')) {
            k++;
        }
        if (k == 0 || k == 2 && s.charAt(0) != 'P') {
            return false;
        }
        int d = 0;
        while (k < s.length() && CharClass.isDigit(s.charAt(k))) {
            k++;
            d++;
        }
        return d == 2 && (k == s.length() || k == s.length() - 1 && CharClass.isUpperCase(s.charAt(k)));
    }

    /** The shape {@link #camelHumps} walks; kept as its specification (EntityRuleShapesTest holds them equal). */
    static final java.util.regex.Pattern CAMEL =
            java.util.regex.Pattern.compile("(?:[A-Z]{2,}[a-z]+(?:[A-Z][a-z]+)*|[A-Z][a-z]+(?:[A-Z][a-z]+)+)");

    /** ASCII company names written in CamelCase: "HDBank", "NutiFood", "VietinBank" (not "GrowPLUS", "IoT"). */
    static boolean isCamelCaseName(String s) {
        if (s.length() < 5 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        boolean laterUpper = false;
        for (int k = 1; k < s.length() && !laterUpper; k++) {
            laterUpper = s.charAt(k) >= 'A' && s.charAt(k) <= 'Z';
        }
        return laterUpper && camelHumps(s);
    }

    /**
     * {@code CAMEL.matcher(s).matches()} walked by hand (the regex cost more than the rest of the rule): capitals
     * then lower-case letters, then humps of one capital and lower-case letters; two or more opening capitals
     * ("VNPost"), or one and at least one more hump ("HanoiTimes").
     */
    static boolean camelHumps(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiUpper(s.charAt(i))) {
            i++;
        }
        int openingCapitals = i;
        int j = lowerRunEnd(s, i);
        if (openingCapitals == 0 || j == i) {
            return false;
        }
        int humps = 0;
        for (i = j; i < n; i = j, humps++) {
            if (!isAsciiUpper(s.charAt(i))) {
                return false;
            }
            j = lowerRunEnd(s, i + 1);
            if (j == i + 1) {
                return false;
            }
        }
        return openingCapitals >= 2 || humps >= 1;
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static int lowerRunEnd(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
            j++;
        }
        return j;
    }
}
