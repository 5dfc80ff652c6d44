package io.newspipe.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.newspipe.ingest.support.TestArticles;
import io.newspipe.schemas.RawArticle;

class RawArticleFactoryTest {

    private static final Instant NOW = Instant.parse("2025-03-12T03:00:00Z");
    private final RawArticleFactory factory = new RawArticleFactory(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenScrapedArticle_whenCreated_thenStructureIsParsedAndOriginalKept() {
        String raw = TestArticles.text(TestArticles.DISASTER_CONFERENCE);

        RawArticle a = factory.create(ArticleSubmission.ofText(raw));

        assertThat(a.getOriginalText()).isEqualTo(raw);
        assertThat(a.getOutletTag()).isEqualTo("(BĐ)");
        assertThat(a.getByline()).isEqualTo("M.HOÀNG");
        assertThat(a.getSourceUrl()).isEqualTo("https://baobinhdinh.vn/viewer.aspx?macm=12&macmp=12&mabb=990001");
        assertThat(a.getPhotoCredits()).containsExactly("M.HOÀNG");
        assertThat(a.getCaptions()).containsExactly("Quang cảnh hội nghị.",
                "Phó Chủ tịch UBND huyện Nguyễn Văn Tâm trao Giấy khen cho các tập thể có thành tích xuất sắc.");
        assertThat(a.getParagraphs()).hasSize(3);
        assertThat(a.getParagraphs().get(0)).startsWith("Sáng 12.3, UBND huyện Phù Mỹ");
        assertThat(a.getLanguage()).isEqualTo("vi");
        assertThat(a.getReceivedAt()).isEqualTo(NOW);
        assertThat(a.getUrl()).isNull();
        assertThat(a.getArticleId()).startsWith("t-").hasSize(22);
        assertThat(a.getContentHash()).isEqualTo(ArticleIds.sha256Hex(a.getText()));
    }

    @Test
    void givenOldStyleToneMarksAndLookAlikeLetters_whenCreated_thenTextIsNormalizedButOriginalIsNot() {
        String raw = "Ðồng chí Trần Văn Khoẻ dự hội nghị của Tỉnh uỷ.\nP.V";

        RawArticle a = factory.create(ArticleSubmission.ofText(raw));

        assertThat(a.getText()).isEqualTo("Đồng chí Trần Văn Khỏe dự hội nghị của Tỉnh ủy.\nP.V");
        assertThat(a.getOriginalText()).isEqualTo(raw);
    }

    @Test
    void givenSameTextTwice_whenCreated_thenIdIsTheSameAndDiffersForOtherText() {
        String raw = TestArticles.text(TestArticles.FARMERS_CONGRESS);

        String first = factory.create(ArticleSubmission.ofText(raw)).getArticleId();
        String again = factory.create(ArticleSubmission.ofText("\n" + raw.replace("\n", "\r\n") + "  \n")).getArticleId();
        String other = factory.create(ArticleSubmission.ofText(TestArticles.text(TestArticles.CUSTOMS_BUDGET)))
                .getArticleId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void givenUrlAndMetadata_whenCreated_thenIdComesFromCanonicalUrlAndFieldsAreSet() {
        Instant published = Instant.parse("2025-04-20T01:00:00Z");
        ArticleSubmission s = new ArticleSubmission(TestArticles.text(TestArticles.CUSTOMS_BUDGET),
                "https://HDDTVN.com/thu-ngan-sach/?utm_source=fb", "Thu ngân sách quý I", "hddtvn.com", published, "VI");

        RawArticle a = factory.create(s);

        assertThat(a.getUrl()).isEqualTo("https://hddtvn.com/thu-ngan-sach");
        assertThat(a.getArticleId()).isEqualTo(ArticleIds.fromCanonicalUrl("https://hddtvn.com/thu-ngan-sach"));
        assertThat(a.getTitle()).isEqualTo("Thu ngân sách quý I");
        assertThat(a.getSource()).isEqualTo("hddtvn.com");
        assertThat(a.getPublishedAt()).isEqualTo(published);
        assertThat(a.getLanguage()).isEqualTo("vi");
        assertThat(a.getOutletTag()).isEqualTo("(HDDTVN)");
        assertThat(a.getByline()).isEqualTo("Q.Nam");
    }

    @Test
    void givenOnlyInvisibleCharacters_whenCreated_thenRejectedAsBlank() {
        assertThatThrownBy(() -> factory.create(ArticleSubmission.ofText(" \u200B\n\u00A0\t")))
                .isInstanceOf(InvalidArticleException.class)
                .extracting(e -> ((InvalidArticleException) e).code()).isEqualTo("blank_text");
    }

    @Test
    void givenMalformedLanguage_whenCreated_thenRejectedNamingIt() {
        ArticleSubmission s = new ArticleSubmission("Nội dung.", null, null, null, null, "tiếng Việt");

        assertThatThrownBy(() -> factory.create(s)).isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("tiếng Việt");
    }

    @Test
    void givenTextWhoseEnrichedRecordCouldExceedTheRecordLimit_whenCreated_thenArticleTooLargeNamingBothLimits() {
        RawArticleFactory limited = new RawArticleFactory(Clock.fixed(NOW, ZoneOffset.UTC), 40_000);
        String text = "Hội nghị tổng kết công tác thi đua khen thưởng. ".repeat(200); // ~11,000 bytes > 40,000 / 4

        assertThatThrownBy(() -> limited.create(ArticleSubmission.ofText(text)))
                .isInstanceOfSatisfying(InvalidArticleException.class,
                        e -> assertThat(e.code()).isEqualTo("article_too_large"))
                .hasMessageContaining("at most 10000 bytes")
                .hasMessageContaining("40000 bytes (max.request.size)");
        assertThat(limited.create(ArticleSubmission.ofText(text.substring(0, 3_000))).getText()).isNotBlank();
    }

    @Test
    void givenVietnameseAndAstralText_whenMeasured_thenTheUtf8LengthIsTheEncodedOne() {
        String text = "Bí thư Tỉnh ủy 😀 ASCII";

        assertThat(RawArticleFactory.utf8Length(text))
                .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
