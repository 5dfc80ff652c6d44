package io.newspipe.extraction.text;

import java.util.List;


/**
 * What every extractor needs from one article, computed once: the scraped structure, the sentences, the
 * char-by-char lower-cased text (same offsets) and the text's chars as an array. Parsing and splitting used to run
 * once per extractor and took about a fifth of the engine's time.
 */
public final class ParsedArticle {

    private final String text;
    private final char[] chars;
    private final ScrapedText structure;
    private final List<TextSpan> sentences;
    private final String lower;
    private final WordIndex words;

    private ParsedArticle(String text, char[] chars, ScrapedText structure, List<TextSpan> sentences, String lower,
            WordIndex words) {
        this.text = text;
        this.chars = chars;
        this.structure = structure;
        this.sentences = sentences;
        this.lower = lower;
        this.words = words;
    }

    public static ParsedArticle of(String text) {
        char[] chars = text.toCharArray();
        ScrapedText structure = ScrapedTextParser.parse(text, chars);
        char[] lowerChars = Lexicon.lowerChars(text);
        String lower = new String(lowerChars);
        return new ParsedArticle(text, chars, structure, Sentences.split(text, chars, structure), lower,
                WordIndex.of(lower, lowerChars));
    }

    /** Normalized article text; all offsets refer to it. */
    public String text() {
        return text;
    }

    /**
     * The chars of {@link #text()}, for scanners: reading an array skips the coder test and bounds check that
     * {@code String.charAt} makes on every char of UTF-16 text. Shared: never to be modified.
     */
    public char[] chars() {
        return chars;
    }

    /** {@link ScrapedTextParser#parse(String)} of the text. */
    public ScrapedText structure() {
        return structure;
    }

    /** {@link Sentences#split(String)} of the text. */
    public List<TextSpan> sentences() {
        return sentences;
    }

    /** {@link Lexicon#lower(String)} of the text. */
    public String lower() {
        return lower;
    }

    /** The words of {@link #lower()}, for phrase screens of whole sentences. */
    public WordIndex words() {
        return words;
    }
}
