package io.newspipe.extraction.text;

import java.util.List;

import io.newspipe.extraction.kpi.Lexicon;
import io.newspipe.extraction.kpi.Sentences;
import io.newspipe.extraction.kpi.TextSpan;
import io.newspipe.extraction.kpi.WordIndex;

/**
 * What every extractor needs from one article, computed once: the scraped structure, the sentences and the
 * char-by-char lower-cased text (same offsets). Parsing and splitting used to run once per extractor and took about
 * a fifth of the engine's time.
 *
 * @param text      normalized article text; all offsets refer to it
 * @param structure {@link ScrapedTextParser#parse(String)} of the text
 * @param sentences {@link Sentences#split(String)} of the text
 * @param lower     {@link Lexicon#lower(String)} of the text
 * @param words     the words of {@code lower}, for phrase screens of whole sentences
 */
public record ParsedArticle(String text, ScrapedText structure, List<TextSpan> sentences, String lower,
        WordIndex words) {

    public static ParsedArticle of(String text) {
        ScrapedText structure = ScrapedTextParser.parse(text);
        String lower = Lexicon.lower(text);
        return new ParsedArticle(text, structure, Sentences.split(text, structure), lower, WordIndex.of(lower));
    }
}
