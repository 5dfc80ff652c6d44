package io.newspipe.extraction.kpi;

import io.newspipe.extraction.KpiMention;
import io.newspipe.extraction.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KpiExtractorTest {

    private static final KpiExtractor EXTRACTOR = new KpiExtractor();

    private static List<KpiMention> kpis(String raw) {
        String text = TextNormalizer.normalize(raw);
        List<KpiMention> found = EXTRACTOR.extract(text);
        for (KpiMention m : found) {
            assertThat(text.substring(m.start(), m.end())).as("offsets of %s", m).isEqualTo(m.text());
        }
        return found;
    }

    private static KpiMention only(String raw) {
        List<KpiMention> found = kpis(raw);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void givenGrowthRate_whenExtracted_thenPercentWithMetricAndPeriod() {
        KpiMention m = only("Năm 2023, tổng sản phẩm trên địa bàn (GRDP) của tỉnh tăng 8,5%, cao hơn bình quân chung.");
        assertThat(m.value()).isEqualTo(8.5);
        assertThat(m.unit()).isEqualTo("%");
        assertThat(m.text()).contains("tăng 8,5%");
        assertThat(m.period()).isEqualTo("Năm 2023");
    }

    @Test
    void givenBudgetRevenueAndShareOfEstimate_whenExtracted_thenTwoMentionsWithStatus() {
        List<KpiMention> found = kpis("Thu ngân sách nhà nước trên địa bàn đạt 12.480 tỷ đồng, đạt 108% dự toán năm.");
        assertThat(found).extracting(KpiMention::value).containsExactly(12480.0, 108.0);
        assertThat(found).extracting(KpiMention::unit).containsExactly("tỷ đồng", "%");
        assertThat(found.get(1).text()).isEqualTo("đạt 108% dự toán năm");
        assertThat(found.get(1).status()).isEqualTo("đạt");
    }

    @Test
    void givenCropAreaAndYield_whenExtracted_thenBothAreIndicatorsWithTheirUnits() {
        List<KpiMention> found = kpis("Vụ hè thu năm 2024 toàn tỉnh gieo sạ được 122.500 ha, năng suất bình quân ước "
                + "đạt 5,9 tấn/ha.");
        assertThat(found).extracting(KpiMention::value).containsExactly(122500.0, 5.9);
        assertThat(found).extracting(KpiMention::unit).containsExactly("ha", "tấn/ha");
    }

    @Test
    void givenScaledMoney_whenExtracted_thenScaleStaysInTheUnit() {
        assertThat(only("Tổng vốn đầu tư toàn xã hội ước đạt 42 nghìn tỷ đồng.").unit()).isEqualTo("nghìn tỷ đồng");
        KpiMention usd = only("Kim ngạch xuất khẩu đạt 1,25 tỉ USD.");
        assertThat(usd.value()).isEqualTo(1.25);
        assertThat(usd.unit()).isEqualTo("tỷ USD");
        assertThat(only("Tổng mức bán lẻ hàng hóa đạt trên 1 triệu tỷ đồng.").unit()).isEqualTo("triệu tỷ đồng");
    }

    @Test
    void givenQualifier_whenExtracted_thenValueKeepsTheNumberAndQualifierIsRecorded() {
        KpiMention m = only("Doanh nghiệp đã nộp ngân sách gần 2.150 tỷ đồng.");
        assertThat(m.value()).isEqualTo(2150.0);
        assertThat(m.qualifier()).isEqualTo("gần");
        assertThat(only("Số thu nội địa đạt hơn 9.000 tỷ đồng.").qualifier()).isEqualTo("hơn");
    }

    @Test
    void givenRange_whenExtracted_thenLowerBound() {
        KpiMention m = only("Tỉnh dự báo tăng trưởng GRDP cả năm đạt 11,5 - 12,4%.");
        assertThat(m.value()).isEqualTo(11.5);
        assertThat(m.unit()).isEqualTo("%");
    }

    @Test
    void givenTargetCountFraction_whenExtracted_thenValueAndTotalAndStatus() {
        List<KpiMention> found = kpis("Còn 9/32 chỉ tiêu dự kiến khó đạt, trong đó lĩnh vực môi trường có 2 chỉ tiêu.");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).value()).isEqualTo(9.0);
        assertThat(found.get(0).total()).isEqualTo(32.0);
        assertThat(found.get(0).unit()).isEqualTo("chỉ tiêu");
        assertThat(found.get(0).status()).isEqualTo("khó đạt");
        assertThat(found.get(1).text()).contains("môi trường có 2 chỉ tiêu");
    }

    @Test
    void givenRankings_whenExtracted_thenRankUnits() {
        List<KpiMention> found = kpis("Chỉ số PCI năm 2024 của tỉnh xếp thứ 15/63 tỉnh, thành, tăng 7 bậc so với năm trước.");
        assertThat(found).extracting(KpiMention::unit).containsExactly("hạng", "bậc");
        assertThat(found.get(0).value()).isEqualTo(15.0);
        assertThat(found.get(0).total()).isEqualTo(63.0);
        assertThat(found.get(0).rank()).isEqualTo(15);
        assertThat(found.get(1).value()).isEqualTo(7.0);
        KpiMention top = only("Tỉnh phấn đấu đưa thu hút vốn FDI vào tốp 5 cả nước.");
        assertThat(top.unit()).isEqualTo("tốp");
        assertThat(top.value()).isEqualTo(5.0);
        assertThat(only("Thương hiệu cà phê này là số 1 Việt Nam.").unit()).isEqualTo("hạng");
    }

    @Test
    void givenASentenceOpeningWithAYear_whenExtracted_thenTheYearIsThePeriodNotTheMetric() {
        KpiMention growth = only("Năm 2023, tổng sản phẩm trên địa bàn tỉnh tăng 6,23% so với năm trước.");
        assertThat(growth.metric()).isEqualTo("tổng sản phẩm trên địa bàn tỉnh");
        assertThat(growth.period()).isEqualTo("Năm 2023");
        assertThat(only("2024 doanh thu du lịch của huyện đạt 120 tỷ đồng.").metric()).isEqualTo("doanh thu du lịch của huyện");
    }

    @Test
    void givenAClauseStartingJustBeyondTenWords_whenExtracted_thenTheSpanStartsThere_elseItKeepsTenWords() {
        KpiMention budget = only("Tổng thu ngân sách nhà nước trên địa bàn 9 tháng năm 2025 ước đạt 8.245,6 tỷ đồng.");
        assertThat(budget.text()).startsWith("Tổng thu ngân sách nhà nước");
        assertThat(budget.metric()).startsWith("Tổng thu ngân sách");
        // far from the clause start, a figure's span stays at ten words
        KpiMention far = only("Theo báo cáo của Sở Tài chính gửi Ủy ban nhân dân tỉnh chiều qua về tình hình kinh tế xã hội "
                + "thì tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 512 tỷ đồng.");
        assertThat(far.text()).isEqualTo("thu ngân sách nhà nước trên địa bàn tỉnh đạt 512 tỷ đồng");
    }

    @Test
    void givenAnIndicatorWithItsAbbreviationInParentheses_whenExtracted_thenTheSpanAndMetricKeepTheName() {
        KpiMention growth = only("Năm 2025, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt 7,8%.");
        assertThat(growth.metric()).isEqualTo("tốc độ tăng trưởng kinh tế (GRDP) của tỉnh");
        assertThat(growth.text()).startsWith("tốc độ tăng trưởng kinh tế (GRDP)");
        assertThat(only("Chỉ số cải cách hành chính (PAR Index) của tỉnh xếp thứ 12/63.").metric())
                .isEqualTo("Chỉ số cải cách hành chính (PAR Index) của tỉnh");
        // a parenthesis that is no abbreviation still ends the span
        assertThat(only("Doanh thu (chưa tính thuế) của hợp tác xã đạt 12 tỷ đồng.").metric())
                .isEqualTo("của hợp tác xã");
    }

    @Test
    void givenAComparisonPeriod_whenTheNextSentenceHasNone_thenTheFiguresOwnPeriodCarriesOn() {
        List<KpiMention> found = kpis("10 tháng năm 2025, tổng vốn đầu tư nước ngoài đăng ký đạt 31,52 tỷ USD, tăng 15,6% so "
                + "với cùng kỳ năm trước. Vốn thực hiện ước đạt 21,3 tỷ USD.");
        assertThat(found).extracting(KpiMention::period)
                .containsExactly("10 tháng năm 2025", "10 tháng năm 2025", "10 tháng năm 2025");
        // with none before it, a time inside the figure's span is its period
        assertThat(only("Tỉnh phấn đấu duy trì vị trí trong tốp 10 cả nước về thu hút FDI năm 2024.").period())
                .isEqualTo("năm 2024");
    }

    @Test
    void givenARankOutOfAFieldWrittenOut_whenExtracted_thenTheFieldIsTheTotal() {
        KpiMention region = only("Năm 2025, Chỉ số PCI của tỉnh xếp thứ 5 trong 13 tỉnh, thành phố vùng Đồng bằng sông "
                + "Cửu Long.");
        assertThat(region.unit()).isEqualTo("hạng");
        assertThat(region.value()).isEqualTo(5.0);
        assertThat(region.total()).isEqualTo(13.0);
        assertThat(region.text()).contains("xếp thứ 5 trong 13 tỉnh");
        assertThat(only("Về thu ngân sách, huyện đứng thứ 2 trên 9 huyện, thị xã.").total()).isEqualTo(9.0);
        // a span of years is not a field of places: no total
        assertThat(only("Chỉ số PAPI của tỉnh xếp thứ 3 trong 5 năm liền.").total()).isNull();
    }

    @Test
    void givenOperationalResults_whenExtracted_thenCasesAndProjectsCounted() {
        List<KpiMention> found = kpis("Trong năm, lực lượng chức năng phát hiện 1.420 vụ vi phạm, xử phạt 35,2 tỷ đồng; tỉnh thu hút 48 dự án.");
        assertThat(found).extracting(KpiMention::unit).containsExactly("vụ", "tỷ đồng", "dự án");
        assertThat(found.get(0).value()).isEqualTo(1420.0);
    }

    @Test
    void givenSupersededTargetAndShare_whenExtracted_thenBothAreKept() {
        List<KpiMention> found = kpis("Mục tiêu GRDP bình quân đầu người là 5.200 USD/người thay vì 6.000 USD/người; công nghiệp chiếm 41% GRDP.");
        assertThat(found).extracting(KpiMention::value).containsExactly(5200.0, 6000.0, 41.0);
        assertThat(found.get(0).unit()).isEqualTo("USD/người");
    }

    @Test
    void givenResultCountOfPlaces_whenACueIsPresent_thenCounted() {
        KpiMention m = only("Đến nay, toàn tỉnh có 64/91 xã đạt chuẩn nông thôn mới.");
        assertThat(m.unit()).isEqualTo("xã");
        assertThat(m.total()).isEqualTo(91.0);
        assertThat(m.period()).isEqualTo("Đến nay");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Hội nghị có hơn 250 đại biểu tham dự.",
            "Các doanh nghiệp đã ủng hộ 3,5 tỷ đồng cho Quỹ Vì người nghèo của tỉnh.",
            "Giá cà phê tăng lên 98.000 đồng/kg.",
            "Huyện có diện tích 1.200 km2 với dân số hơn 300.000 người.",
            "Sau khi sáp nhập, thành phố còn 21 phường.",
            "Đoàn thể thao giành 12 HCV, 9 HCB và xếp thứ 2 toàn đoàn.",
            "Ngày 15/3/2024, UBND tỉnh ban hành Quyết định số 456/QĐ-UBND.",
            "Tỉnh hiện có 9 huyện, thị xã, thành phố.",
            "Ông Trần Văn Hải, 52 tuổi, có 30 năm công tác.",
            "Đơn vị bắt giữ 4 đối tượng, thu giữ 2,3 kg ma túy.",
            "Công ty trao 150 suất học bổng trị giá 300 triệu đồng.",
            "Giai đoạn 2021 - 2025 là giai đoạn bản lề.",
            "Người dân tiếp tục chống dịch Covid-19 trong tháng 6,7/2021.",
            "Ông Lê Văn Tâm được bầu với 97,8% số phiếu.",
            "Giá vàng miếng tăng 1,5 triệu đồng/lượng.",
            "Chiều 24/11, tại thành phố Lạng Sơn, UBND tỉnh đã tổ chức gặp mặt 50 doanh nghiệp tiêu biểu.",
            "Hội nghị đã tuyên dương 35 doanh nghiệp có nhiều đóng góp cho địa phương.",
            "Ban tổ chức trao 50 phần quà cho các hộ gia đình khó khăn, mỗi phần trị giá 500.000 đồng."})
    void givenNonIndicatorNumbers_whenExtracted_thenNothing(String sentence) {
        assertThat(kpis(sentence)).isEmpty();
    }

    @Test
    void givenSubjectBeforeAParenthesis_whenExtracted_thenTheMetricNamesIt() {
        KpiMention m = only("Chỉ số giá tiêu dùng (CPI) tăng 3,2%.");
        assertThat(m.value()).isEqualTo(3.2);
        assertThat(m.metric()).isEqualTo("Chỉ số giá tiêu dùng (CPI)"); // its abbreviation is part of the name
    }

    @Test
    void givenAnaphoricBackReference_whenExtracted_thenOnlyTheNewFigureCounts() {
        List<KpiMention> found = kpis("Trong tổng số 36 dự án này, có 12 dự án sử dụng vốn FDI.");
        assertThat(found).extracting(KpiMention::value).containsExactly(12.0);
    }

    @Test
    void givenPeriodInEarlierSentenceOfParagraph_whenExtracted_thenCarriedOver() {
        List<KpiMention> found = kpis("Trong 6 tháng đầu năm 2024, ngành du lịch phục hồi mạnh. Doanh thu du lịch đạt 5.300 tỷ đồng.\n"
                + "Kim ngạch nhập khẩu giảm 4%.");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).period()).isEqualTo("6 tháng đầu năm 2024");
        assertThat(found.get(1).period()).isNull();
    }

    @Test
    void givenCreditsUrlAndOutletTag_whenExtracted_thenNothingInsideThem() {
        List<KpiMention> found = kpis("(TTX) - Xuất khẩu thủy sản tăng 12%.\nẢnh: 25%\nhttps://example.vn/tang-12%-nam-2024");
        assertThat(found).extracting(KpiMention::value).containsExactly(12.0);
    }

    @Test
    void givenGluedSentences_whenExtracted_thenSpansStayInsideTheirSentence() {
        List<KpiMention> found = kpis("Doanh thu đạt 250 tỷ đồng.Lợi nhuận tăng 15%.");
        assertThat(found).extracting(KpiMention::text).containsExactly("Doanh thu đạt 250 tỷ đồng", "Lợi nhuận tăng 15%");
    }

    @Test
    void givenHugeTextWithoutPunctuation_whenExtracted_thenEveryFigureIsFound() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append("doanh thu đạt ").append(i + 1).append(" tỷ đồng ");
        }
        assertThat(kpis(b.toString())).hasSize(3000);
    }
}
