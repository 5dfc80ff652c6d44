package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.awards.AwardExtractor;
import io.newspipe.extraction.entities.EntityExtractor;
import io.newspipe.extraction.entities.EntityLexicon;
import io.newspipe.extraction.kpi.KpiExtractor;
import io.newspipe.extraction.text.ParsedArticle;

/** The engine parses each article once and hands the structure to every extractor: same answers as parsing alone. */
class SharedParseTest {

    private static final List<String> ARTICLES = List.of(
            """
            (HT) - Sáng 12/3, tại thành phố Hà Tĩnh, Chủ tịch UBND tỉnh Võ Trọng Hải trao Bằng khen của Thủ tướng \
            Chính phủ cho 3 tập thể và 5 cá nhân có thành tích xuất sắc.
            Năm 2024, tổng thu ngân sách trên địa bàn tỉnh đạt 8.200 tỷ đồng, tăng 12% so với cùng kỳ; tỉnh xếp thứ 15/63 \
            về chỉ số PCI.
            Ông Võ Trọng Hải trao Bằng khen cho các tập thể |
            Ảnh: Thu Dịu
            Quý I/2025, toàn tỉnh thu hút 12 dự án đầu tư mới. Công ty Cổ phần Sữa Việt Nam được tặng Huân chương Lao động \
            hạng Nhất.
            T.SỸ
            https://example.vn/bai-viet
            """,
            "Đến ngày 10.4, các đơn vị khối huyện đã giải ngân được 842,238 tỷ đồng vốn đầu tư công, đạt 21,14% kế hoạch.",
            "Trường THPT Phan Đình Phùng đón nhận danh hiệu \"Tập thể lao động xuất sắc\" năm 2023 do Bộ Giáo dục và Đào tạo trao tặng.");

    @Test
    void givenArticles_whenExtractedFromOneSharedParse_thenResultsEqualSeparateParses() {
        EntityExtractor entities = new EntityExtractor(EntityLexicon.builtIn());
        AwardExtractor awards = new AwardExtractor();
        KpiExtractor kpis = new KpiExtractor();
        int found = 0;
        for (String raw : ARTICLES) {
            String text = TextNormalizer.normalize(raw);
            ParsedArticle article = ParsedArticle.of(text);
            assertThat(entities.extract(text, article.structure())).isEqualTo(entities.extract(text));
            assertThat(awards.extract(article)).isEqualTo(awards.extract(text));
            assertThat(kpis.extract(article)).isEqualTo(kpis.extract(text));
            found += entities.extract(text).size() + awards.extract(text).size() + kpis.extract(text).size();
        }
        assertThat(found).isPositive();
    }

    @Test
    void givenArticle_whenParsed_thenLowerTextKeepsOffsets() {
        String text = TextNormalizer.normalize(ARTICLES.get(0));
        ParsedArticle article = ParsedArticle.of(text);
        assertThat(article.lower()).hasSameSizeAs(text);
        assertThat(article.sentences()).isNotEmpty();
        assertThat(article.lower().substring(article.sentences().get(0).start(), article.sentences().get(0).end()))
                .isEqualTo(io.newspipe.extraction.text.Lexicon.lower(article.sentences().get(0).of(text)));
    }
}
