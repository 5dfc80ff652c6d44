package io.newspipe.extraction.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapedTextParserTest {

    private static final String ARTICLE = String.join("\n",
            "Toàn cảnh lễ ra quân. |",
            "(QT) - Sáng 2/2, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức lễ ra quân huấn luyện.",
            "Đại tá Lê Văn Bình phát biểu tại buổi lễ. Ảnh: H.T",
            "Năm 2024, đơn vị hoàn thành 100% chỉ tiêu huấn luyện.",
            "[img]",
            "Các khối diễu binh qua lễ đài. Ảnh: Thanh Tâm",
            "Buổi lễ kết thúc lúc 10 giờ.",
            "HẢI LONG",
            "https://baoquangtri.vn/le-ra-quan-2024");

    @Test
    void givenOutletTagAtBodyStart_whenParsed_thenTagIsFoundWithoutDashAndExcluded() {
        ScrapedText s = ScrapedTextParser.parse(ARTICLE);
        assertThat(s.outletTag().text()).isEqualTo("(QT)");
        assertThat(s.isExcluded(s.outletTag().start(), s.outletTag().end())).isTrue();
        assertThat(s.paragraphTexts()).anySatisfy(p -> assertThat(p).startsWith("Sáng 2/2, Bộ Chỉ huy"));
    }

    @Test
    void givenAnOutletTagOpeningTheLeadUnderAHeadline_whenParsed_thenItIsTheTag() {
        ScrapedText s = ScrapedTextParser.parse("Sở Y tế đón nhận Huân chương Lao động\n\n(Báo Kon Tum)- Sáng 4.9, Sở Y tế "
                + "tổ chức lễ kỷ niệm.");
        assertThat(s.outletTag().text()).isEqualTo("(Báo Kon Tum)");
        assertThat(s.isExcluded(s.outletTag().start(), s.outletTag().end())).isTrue();
    }

    @Test
    void givenPipeLinesImgPlaceholdersAndCredits_whenParsed_thenCaptionsAndCreditsAreSeparated() {
        ScrapedText s = ScrapedTextParser.parse(ARTICLE);
        assertThat(s.captionTexts()).containsExactly("Toàn cảnh lễ ra quân.",
                "Đại tá Lê Văn Bình phát biểu tại buổi lễ.", "Các khối diễu binh qua lễ đài.");
        assertThat(s.photoCreditTexts()).containsExactly("H.T", "Thanh Tâm");
    }

    @Test
    void givenShortAuthorLineAndTrailingUrl_whenParsed_thenBylineAndUrlAreExcluded() {
        ScrapedText s = ScrapedTextParser.parse(ARTICLE);
        assertThat(s.byline().text()).isEqualTo("HẢI LONG");
        assertThat(s.sourceUrl().text()).isEqualTo("https://baoquangtri.vn/le-ra-quan-2024");
        assertThat(s.isExcluded(s.byline().start(), s.byline().end())).isTrue();
        assertThat(s.isExcluded(s.sourceUrl().start(), s.sourceUrl().end())).isTrue();
        int img = ARTICLE.indexOf("[img]");
        assertThat(s.isExcluded(img, img + 5)).isTrue();
    }

    @Test
    void givenLastLineIsASentence_whenParsed_thenThereIsNoByline() {
        ScrapedText s = ScrapedTextParser.parse("(BĐ) - Tỉnh đạt 12 chỉ tiêu.\nDự kiến, giải đấu kết thúc ngày 30.4");
        assertThat(s.byline()).isNull();
        assertThat(s.sourceUrl()).isNull();
    }

    @Test
    void givenDomainTagAndParentheticalByline_whenParsed_thenBothAreRecognised() {
        ScrapedText s = ScrapedTextParser.parse("(binhdinh.gov.vn) - UBND tỉnh họp.\nNội dung tiếp theo.\nMINH CHÂU (Thực hiện)");
        assertThat(s.outletTag().text()).isEqualTo("(binhdinh.gov.vn)");
        assertThat(s.byline().text()).isEqualTo("MINH CHÂU (Thực hiện)");
    }

    @Test
    void givenSegments_whenParsed_thenOffsetsPointIntoTheText() {
        ScrapedText s = ScrapedTextParser.parse(ARTICLE);
        for (Segment seg : s.excludedSpans()) {
            assertThat(ARTICLE.substring(seg.start(), seg.end())).isEqualTo(seg.text());
        }
        for (Segment seg : s.captions()) {
            assertThat(ARTICLE.substring(seg.start(), seg.end())).isEqualTo(seg.text());
        }
    }

    @Test
    void givenSourcesGluedToTheLastSentence_whenParsed_thenTheyAreExcluded_butAClauseOpeningWithTheoIsNot() {
        String text = "Tỉnh đạt 12 chỉ tiêu.\nÔng nghỉ hưu từ năm 2019.Theo TTXVN, Cổng TTĐT Chính phủ, VOV";
        ScrapedText s = ScrapedTextParser.parse(text);
        int tag = text.indexOf("Theo");
        assertThat(s.isExcluded(tag, text.length())).isTrue();
        assertThat(s.isExcluded(text.indexOf("Ông"), tag)).isFalse();
        assertThat(ScrapedTextParser.parse("Tỉnh đạt 12 chỉ tiêu.\nTheo baophutho.vn").isExcluded(22, 40)).isTrue();

        String clause = "Tỉnh đạt 12 chỉ tiêu.\nTheo Sở Tài chính, thu ngân sách tăng 8%.";
        assertThat(ScrapedTextParser.parse(clause).isExcluded(clause.indexOf("Theo"), clause.length())).isFalse();
    }
}
