package io.newspipe.ingest.article;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import io.newspipe.common.PipelineConfig;
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
    /**
     * How many times its text an article's enriched (and published) record can be: the text once, plus every
     * mention's surface, canonical form and role. Measured on the dev corpus, the seed and the samples: at most 2.96
     * (short articles dense with names and awards); a repeated 1.3 MB text gave 1.3.
     */
    public static final int ENRICHED_EXPANSION = 4;

    private final Clock clock;
    private final int maxRecordBytes;

    /**
     * @param maxRecordBytes the record limit of the pipeline's topics ({@code max.request.size}); an article whose
     *                       enriched record could exceed it is refused
     */
    public RawArticleFactory(Clock clock, int maxRecordBytes) {
        this.clock = clock;
        this.maxRecordBytes = maxRecordBytes;
    }

    public RawArticleFactory(Clock clock) {
        this(clock, PipelineConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    public RawArticleFactory() {
        this(Clock.systemUTC());
    }

    /** The largest normalized text accepted, in UTF-8 bytes. */
    public int maxTextBytes() {
        return maxRecordBytes / ENRICHED_EXPANSION;
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
        int textBytes = utf8Length(text);
        if (textBytes > maxTextBytes()) {
            throw new InvalidArticleException("article_too_large", "the article text is " + textBytes + " bytes "
                    + "(UTF-8, normalized); at most " + maxTextBytes() + " bytes are accepted, so that its enriched "
                    + "record fits the pipeline's record limit of " + maxRecordBytes + " bytes (max.request.size)");
        }
        String canonicalUrl = submission.url() == null || submission.url().isBlank()
                ? null : CanonicalUrl.canonicalize(submission.url());
        String id = canonicalUrl != null ? ArticleIds.fromCanonicalUrl(CanonicalUrl.identity(canonicalUrl))
                : ArticleIds.fromNormalizedText(text);
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

    /** UTF-8 length without encoding it (a surrogate pair is 4 bytes; a lone surrogate counts 3, an upper bound). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String textOf(Segment segment) {
        return segment == null ? null : segment.text();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
