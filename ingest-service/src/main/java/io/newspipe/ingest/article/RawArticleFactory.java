package io.newspipe.ingest.article;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import io.newspipe.extraction.TextNormalizer;
import io.newspipe.extraction.text.ScrapedText;
import io.newspipe.extraction.text.ScrapedTextParser;
import io.newspipe.extraction.text.Segment;
import io.newspipe.schemas.RawArticle;

/**
 * Turns a submission into the {@link RawArticle} written to news.raw.v1: the original text kept verbatim, the
 * normalized text ({@link TextNormalizer}) with its structure ({@link ScrapedTextParser}), the deterministic id
 * ({@link ArticleIds}) and the content hash. Pure: no I/O, so it is tested without Kafka.
 */
public final class RawArticleFactory {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int MAX_SHORT_FIELD = 2_000;

    private final Clock clock;

    public RawArticleFactory(Clock clock) {
        this.clock = clock;
    }

    public RawArticleFactory() {
        this(Clock.systemUTC());
    }

    /**
     * @throws InvalidArticleException when the text is blank, the URL is not http(s), or a field is malformed
     */
    public RawArticle create(ArticleSubmission submission) {
        String original = submission.text();
        String text = TextNormalizer.normalize(original);
        if (text.isBlank()) {
            throw new InvalidArticleException("blank_text",
                    "the article text is empty or only whitespace/invisible characters");
        }
        String canonicalUrl = submission.url() == null || submission.url().isBlank()
                ? null : CanonicalUrl.canonicalize(submission.url());
        String id = canonicalUrl != null ? ArticleIds.fromCanonicalUrl(canonicalUrl) : ArticleIds.fromNormalizedText(text);
        ScrapedText scraped = ScrapedTextParser.parse(text);
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setUrl(canonicalUrl)
                .setTitle(shortField("title", submission.title()))
                .setSource(shortField("source", submission.source()))
                .setLanguage(language(submission.language()))
                .setPublishedAt(submission.publishedAt())
                .setReceivedAt(clock.instant())
                .setOriginalText(original)
                .setText(text)
                .setParagraphs(scraped.paragraphTexts())
                .setCaptions(scraped.captionTexts())
                .setPhotoCredits(scraped.photoCreditTexts())
                .setOutletTag(textOf(scraped.outletTag()))
                .setByline(textOf(scraped.byline()))
                .setSourceUrl(textOf(scraped.sourceUrl()))
                .setContentHash(ArticleIds.sha256Hex(text))
                .build();
    }

    private static String language(String given) {
        if (given == null || given.isBlank()) {
            return ArticleSubmission.DEFAULT_LANGUAGE;
        }
        String tag = given.strip();
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            throw new InvalidArticleException("invalid_language",
                    "language '" + abbreviate(tag) + "' is not a BCP-47 language tag such as 'vi' or 'en-US'");
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static String shortField(String name, String value) {
        if (value == null) {
            return null;
        }
        String normalized = TextNormalizer.normalize(value).strip();
        if (normalized.isEmpty()) {
            return null;
        }
        if (normalized.length() > MAX_SHORT_FIELD) {
            throw new InvalidArticleException("invalid_" + name,
                    name + " is " + normalized.length() + " characters long; at most " + MAX_SHORT_FIELD + " are accepted");
        }
        return normalized;
    }

    private static String textOf(Segment segment) {
        return segment == null ? null : segment.text();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
