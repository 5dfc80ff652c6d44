package io.newspipe.extraction.kpi;

import io.newspipe.extraction.KpiMention;
import io.newspipe.extraction.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
            "Bà Hoàng Thị Lan trúng cử với tỷ lệ 81,2% số phiếu hợp lệ.",
            "Sở Giáo dục khen thưởng 12 học sinh đạt giải quốc gia.",
            "Giá vàng miếng tăng 1,5 triệu đồng/lượng.",
            "Chiều 24/11, tại thành phố Lạng Sơn, UBND tỉnh đã tổ chức gặp mặt 50 doanh nghiệp tiêu biểu.",
            "Hội nghị đã tuyên dương 35 doanh nghiệp có nhiều đóng góp cho địa phương.",
            "Ban tổ chức trao 50 phần quà cho các hộ gia đình khó khăn, mỗi phần trị giá 500.000 đồng."})
    void givenNonIndicatorNumbers_whenExtracted_thenNothing(String sentence) {
        assertThat(kpis(sentence)).isEmpty();
    }

    @Test
    void givenPatientsTreatedOverAPeriod_whenExtracted_thenTheyAreResults_butNotOneDaysPatients() {
        List<KpiMention> found = kpis("Năm 2025, trung tâm y tế đã khám, chữa bệnh cho gần 41 nghìn bệnh nhân ngoại trú, điều "
                + "trị nội trú cho 6.215 người bệnh.");
        assertThat(found).extracting(KpiMention::value).containsExactly(41.0, 6215.0);
        assertThat(found).extracting(KpiMention::unit).containsExactly("nghìn bệnh nhân", "người bệnh");
        assertThat(kpis("Vụ ngộ độc khiến 12 bệnh nhân phải điều trị tại bệnh viện.")).isEmpty();
    }

    @Test
    void givenEnforcementTotalsOverAPeriod_whenExtracted_thenPersonsAndSeizuresAreResults() {
        List<KpiMention> found = kpis("Trong 9 tháng đầu năm 2025, Công an tỉnh đã phát hiện 215 vụ phạm tội về ma túy, "
                + "bắt giữ 342 đối tượng, thu giữ 12,6 kg heroin, 85 bánh heroin và 4.300 viên ma túy tổng hợp.");
        assertThat(found).extracting(KpiMention::value).containsExactly(215.0, 342.0, 12.6, 85.0, 4300.0);
        assertThat(found).extracting(KpiMention::unit).containsExactly("vụ", "đối tượng", "kg", "bánh", "viên");
        assertThat(found).extracting(KpiMention::period).containsOnly("9 tháng đầu năm 2025");
        // a list item takes the verb of the item before it
        assertThat(found.get(3).metric()).isEqualTo("thu giữ (bánh heroin)");
        // a unit glued to its number
        assertThat(only("Năm 2024, lực lượng hải quan đã thu giữ 38kg cần sa.").unit()).isEqualTo("kg");
    }

    @Test
    void givenAPeriodsAccidentToll_whenExtracted_thenTheDeadAndInjuredAreFigures_butNotOneAccidents() {
        List<KpiMention> found = kpis("Năm 2025, toàn tỉnh xảy ra 142 vụ tai nạn giao thông, làm 61 người chết, 118 người bị "
                + "thương (trong đó 1 vụ lật xe khách làm 9 người bị thương).");
        assertThat(found).extracting(KpiMention::value).containsExactly(142.0, 61.0, 118.0, 1.0);
        assertThat(found.get(1).unit()).isEqualTo("người chết");
        assertThat(kpis("Sáng 12/3, vụ tai nạn trên quốc lộ làm 3 người chết, 5 người bị thương.")).isEmpty();
    }

    @Test
    void givenSeveralCasesBeforeThePersons_whenNoPeriodIsWritten_thenTheyAreStillATotal() {
        List<KpiMention> found = kpis("Bộ đội Biên phòng tỉnh đã đấu tranh thành công 14 chuyên án, bắt giữ 9 vụ/27 đối "
                + "tượng vận chuyển trái phép chất ma túy.");
        assertThat(found).extracting(KpiMention::value).containsExactly(14.0, 9.0, 27.0);
        assertThat(found).extracting(KpiMention::unit).containsExactly("chuyên án", "vụ", "đối tượng");
        assertThat(found.get(2).text()).startsWith("27 đối tượng"); // not "/27": the slash separates two figures
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sáng 14/3, tổ công tác bắt quả tang 2 đối tượng, thu giữ 1,2 kg ma túy đá.",
            "Ngày 5/10/2024, Đồn Biên phòng cửa khẩu bắt giữ 3 đối tượng cùng 20 bánh heroin.",
            "Tổ tuần tra phát hiện 2 đối tượng vận chuyển 600 viên hồng phiến.",
            "Trong năm 2024, huyện đã tuyển dụng 40 viên chức.",
            "Ông bà nội đã chăm sóc bé trai 3 tuổi từ nhỏ.",
            "Trong tháng 8/2025, công an huyện phá thành công chuyên án MT09. Bắt giữ 4 đối tượng, thu giữ 2 bánh heroin."})
    void givenASingleIncidentOrAPersonsAttribute_whenExtracted_thenNothing(String sentence) {
        assertThat(kpis(sentence)).isEmpty();
    }

    @Test
    void givenGrowthAsAMultiple_whenExtracted_thenUnitLan() {
        KpiMention m = only("Doanh thu của hợp tác xã năm 2024 tăng gấp 3,5 lần so với năm 2020.");
        assertThat(m.value()).isEqualTo(3.5);
        assertThat(m.unit()).isEqualTo("lần");
        assertThat(only("Từ khi cổ phần hóa, lợi nhuận của công ty tăng 12 lần.").value()).isEqualTo(12.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Đơn vị 3 lần được tặng Cờ thi đua của UBND tỉnh.",
            "Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ huyện diễn ra trong 2 ngày.",
            "Ngày 2/3, huyện tổ chức lễ ra quân làm thủy lợi."})
    void givenOccasionsOrDates_whenExtracted_thenNoMultipleOrShare(String sentence) {
        assertThat(kpis(sentence)).isEmpty();
    }

    @Test
    void givenFractionsOfAWholeAndOfAnAmount_whenExtracted_thenValueAndTotal() {
        KpiMention share = only("Sau 9 tháng, giải ngân vốn đầu tư công của tỉnh mới đi được 2/3 kế hoạch năm.");
        assertThat(share.value()).isEqualTo(2.0);
        assertThat(share.total()).isEqualTo(3.0);
        assertThat(share.unit()).isEqualTo("phần");
        assertThat(only("Ngành chế biến chiếm 1/4 giá trị sản xuất công nghiệp của tỉnh.").total()).isEqualTo(4.0);
        KpiMention amount = only("Dự án đã giải ngân 1.250/4.800 tỷ đồng vốn được giao.");
        assertThat(amount.value()).isEqualTo(1250.0);
        assertThat(amount.total()).isEqualTo(4800.0);
        assertThat(amount.unit()).isEqualTo("tỷ đồng");
        KpiMention scaled = only("Công trình đã giải ngân được 85 tỷ/240 tỷ đồng.");
        assertThat(scaled.value()).isEqualTo(85.0);
        assertThat(scaled.total()).isEqualTo(240.0);
        assertThat(scaled.text()).endsWith("85 tỷ/240 tỷ đồng");
    }

    @Test
    void givenCountsByBand_whenExtracted_thenTheCountsAreFiguresAndTheirBandsAreNot() {
        List<KpiMention> found = kpis("Đến hết tháng 9, có 12 bộ, cơ quan trung ương và 20 địa phương có tỷ lệ giải ngân "
                + "đạt trên 60%; 9 địa phương (trong đó có 2 thành phố) giải ngân đạt dưới 30%.");
        assertThat(found).extracting(KpiMention::value).containsExactly(12.0, 20.0, 9.0);
        assertThat(found.get(0).unit()).isEqualTo("bộ, cơ quan trung ương");
        assertThat(found.get(1).text()).contains("đạt trên 60%"); // the span runs over the band
        KpiMention schools = only("Năm học này, toàn tỉnh có 21 trường có 100% học sinh đỗ tốt nghiệp.");
        assertThat(schools.value()).isEqualTo(21.0);
        assertThat(schools.unit()).isEqualTo("trường");
    }

    @Test
    void givenACountAndItsShareOfPlan_whenExtracted_thenBothAreFigures() {
        assertThat(kpis("Tỉnh đã tạo việc làm cho 12.000 lao động, đạt 105% kế hoạch."))
                .extracting(KpiMention::value).containsExactly(12000.0, 105.0);
        assertThat(kpis("Huyện giải quyết việc làm cho 8.000 lao động đạt 102% kế hoạch."))
                .extracting(KpiMention::value).containsExactly(8000.0, 102.0);
    }

    @Test
    void givenCoordinatedUnitsAfterOneNumber_whenExtracted_thenOneUnitNamesThemAll() {
        KpiMention m = only("Toàn tỉnh đã hoàn thành số hóa hồ sơ địa chính của 86 xã, phường, thị trấn.");
        assertThat(m.unit()).isEqualTo("xã, phường, thị trấn");
        assertThat(m.text()).endsWith("86 xã, phường, thị trấn");
        KpiMention progress = only("Huyện đã cấp giấy chứng nhận được 17/25 xã, thị trấn.");
        assertThat(progress.total()).isEqualTo(25.0);
    }

    @Test
    void givenTheExtentOfACompletedProgramme_whenExtracted_thenAnAreaIsAResult() {
        assertThat(only("Đến nay, hơn 42.000 ha đất nông nghiệp đã được đo đạc, cấp giấy chứng nhận.").value())
                .isEqualTo(42000.0);
        assertThat(only("Huyện đã cấp giấy chứng nhận cho diện tích 3.150 ha đất rừng.").unit()).isEqualTo("ha");
        assertThat(only("Năm 2025, nông dân trong xã sản xuất lúa giống trên diện tích 80 ha.").value()).isEqualTo(80.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Xã có diện tích tự nhiên 2.400 ha.",
            "Huyện có 26 km bờ biển.",
            "Công ty thu mua lúa của nông dân với tỷ lệ 1 kg lúa giống bằng 1,2 kg lúa thường.",
            "Giá xuất khẩu bình quân hạt điều đạt 5.900 USD/tấn, tăng 4,5%; hạt tiêu 6.100 USD/tấn, tăng 12%.",
            "Giai đoạn 2020 - 2025, đã có 1.250 lượt tập thể, cá nhân được khen thưởng.",
            "Đội Công binh số 1 của Việt Nam đã hoàn thành nhiệm vụ.",
            "Theo nhà sản xuất, vắc xin có hiệu quả bảo vệ 92% sau hai mũi tiêm.",
            "Bệnh viện được đầu tư 2 máy chụp cắt lớp, mỗi máy trị giá 28 tỷ đồng.",
            "Nghị quyết được thông qua với 41/45 đại biểu tán thành, chiếm 91,1% tổng số đại biểu.",
            "Doanh nghiệp đã tài trợ xây 60 căn nhà đại đoàn kết cho hộ nghèo."})
    void givenPhysicalFactsRatiosPricesHonoureesAndUnitNumbers_whenExtracted_thenNothing(String sentence) {
        assertThat(kpis(sentence)).isEmpty();
    }

    @Test
    void givenAScaleBeforeAPhysicalUnit_whenExtracted_thenItIsNoMoney() {
        KpiMention m = only("Năm 2025, sản lượng điện thương phẩm đạt 14,6 tỷ kWh.");
        assertThat(m.unit()).isEqualTo("tỷ kWh");
        assertThat(m.value()).isEqualTo(14.6);
    }

    @Test
    void givenFarmOutputUnits_whenExtracted_thenYieldsHerdsAndScaledTonnes() {
        List<KpiMention> found = kpis("Năm 2025, tổng sản lượng lương thực đạt 48,2 vạn tấn; năng suất lúa đạt 61,4 tạ/ha; "
                + "tổng đàn bò có 132.000 con; giá trị sản xuất trên 1 ha đạt 118 triệu đồng/ha.");
        assertThat(found).extracting(KpiMention::unit).containsExactly("vạn tấn", "tạ/ha", "con", "triệu đồng/ha");
        // an area that reaches a figure is a result; "- " of a list is no part of the span
        KpiMention area = only("- Diện tích chuyển đổi cây trồng toàn huyện đạt 1.240 ha.");
        assertThat(area.value()).isEqualTo(1240.0);
        assertThat(area.text()).startsWith("Diện tích");
        assertThat(kpis("Người đàn ông này có 2 con nhỏ.")).isEmpty();
        // a number that only starts with 1 is no rate's base
        assertThat(kpis("Đến nay, diện tích dồn điền toàn tỉnh đạt 6.336 ha, tăng thêm trên 1.960 ha so với năm 2024."))
                .extracting(KpiMention::value).containsExactly(6336.0, 1960.0);
    }

    @Test
    void givenAMoneyUnitGluedToItsNumber_whenExtracted_thenItIsRead() {
        assertThat(only("Doanh thu lưu trú đạt 96,4tỷ đồng.").unit()).isEqualTo("tỷ đồng");
    }

    @Test
    void givenDollarsAsDoAndPercentagePoints_whenExtracted_thenTheirUnits() {
        assertThat(only("Kim ngạch xuất khẩu thủy sản cán mốc 2,3 tỷ đô.").unit()).isEqualTo("tỷ USD");
        assertThat(only("Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm so với năm trước.").unit()).isEqualTo("điểm phần trăm");
    }

    @Test
    void givenALengthOfFinishedWork_whenExtracted_thenItIsAResult() {
        assertThat(only("Công ty đầu tư lưới điện, hoàn thành 640 km đường dây trung áp.").unit()).isEqualTo("km");
    }

    @Test
    void givenMonthsWithoutAYear_whenExtracted_thenTheyAreThePeriod() {
        assertThat(only("Tính chung 5 tháng, kim ngạch xuất khẩu đạt 3,2 tỷ USD.").period()).isEqualTo("5 tháng");
        assertThat(only("Riêng tháng 5, kim ngạch xuất khẩu tăng 9,4%.").period()).isEqualTo("Riêng tháng 5");
        // time left is no period
        assertThat(only("Chỉ còn 2 tháng nữa là hết năm, giải ngân mới đạt 61%.").period()).isNull();
    }

    @Test
    void givenAComparisonBaseFartherBeforeItsYear_whenExtracted_thenItIsNoPeriod() {
        List<KpiMention> found = kpis("Đến cuối tháng 9/2025, tín dụng tăng 9,8% so với cuối năm 2024; huy động vốn tăng 7,5%.");
        assertThat(found).extracting(KpiMention::period).containsOnly("Đến cuối tháng 9/2025");
    }

    @Test
    void givenAChangeAfterAnAmount_whenExtracted_thenItIsTheAmountsChange() {
        assertThat(kpis("Kim ngạch xuất khẩu hạt điều đạt 3,1 tỷ USD, tăng 4,5%."))
                .extracting(KpiMention::value).containsExactly(3.1, 4.5);
    }

    @Test
    void givenABreakdownOpener_whenTheSentenceListsAmounts_thenTheyContinueTheTotalBefore() {
        List<KpiMention> found = kpis("Năm 2024, tỉnh cắt giảm 120 tỷ đồng vốn đầu tư công.\n"
                + "Cụ thể, Sở Giao thông vận tải 45 tỷ đồng, Sở Y tế 30 tỷ đồng.");
        assertThat(found).extracting(KpiMention::value).containsExactly(120.0, 45.0, 30.0);
        // without the opener an amount needs its own indicator word
        assertThat(kpis("Năm 2024, tỉnh cắt giảm 120 tỷ đồng vốn đầu tư công. Sở Y tế nhận 30 tỷ đồng."))
                .extracting(KpiMention::value).containsExactly(120.0);
    }

    @Test
    void givenRatesPerPopulationAndLifeExpectancy_whenExtracted_thenTheirUnits() {
        List<KpiMention> found = kpis("Năm 2025, tỉnh đạt 11 bác sĩ/vạn dân và 32 giường bệnh/10.000 dân; tuổi thọ trung "
                + "bình đạt 73,5 tuổi.");
        assertThat(found).extracting(KpiMention::unit)
                .containsExactly("bác sĩ/vạn dân", "giường bệnh/10.000 dân", "tuổi");
        assertThat(found).extracting(KpiMention::value).containsExactly(11.0, 32.0, 73.5);
    }

    @Test
    void givenACountThatScopesAnotherFigure_whenExtracted_thenOnlyThatFigure() {
        assertThat(only("Số vốn đã giải ngân của 8 dự án trọng điểm đạt 64,2%.").value()).isEqualTo(64.2);
    }

    @Test
    void givenAClauseNamingACount_whenItStatesIt_thenItIsAResult() {
        KpiMention m = only("Số lao động có việc làm mới trên địa bàn huyện là 2.450 lao động.");
        assertThat(m.value()).isEqualTo(2450.0);
        assertThat(m.unit()).isEqualTo("lao động");
    }

    @Test
    void givenAnExclusionCueOfAnEarlierCount_whenExtracted_thenTheLaterCountStays() {
        assertThat(only("Trong số 12.000 thí sinh dự thi có 940 thí sinh đỗ loại giỏi.").value()).isEqualTo(940.0);
    }

    @Test
    void givenADecimalAfterAWordThatNumbersArticles_whenAUnitFollows_thenItIsAFigure() {
        assertThat(kpis("Kim ngạch xuất khẩu nông sản: chè 1,25 tỷ USD, điều 3,6 tỷ USD."))
                .extracting(KpiMention::value).containsExactly(1.25, 3.6);
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

    @Test
    void givenRevenueAtTheStartOfASentence_whenExtracted_thenTheMetricKeepsTheWholeNoun() {
        assertThat(kpis("Doanh thu đạt 640 tỷ đồng.")).singleElement()
                .satisfies(k -> assertThat(k.metric()).isEqualTo("Doanh thu"));
    }

    @Test
    void givenHouseholdsCountedForAnEmulationTitle_whenExtracted_thenTheyAreAwardRecipientsNotAKpi() {
        assertThat(kpis("Năm 2024, toàn tỉnh có 18.300 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.")).isEmpty();
        assertThat(kpis("Năm 2024, toàn tỉnh có 18.300 hộ được tặng danh hiệu gia đình văn hóa.")).isEmpty();
    }

    @Test
    void givenBondAmountsMaturingInAYear_whenExtracted_thenTheTotalAndItsBreakdownAreKpis() {
        List<KpiMention> found = kpis("Trái phiếu doanh nghiệp đáo hạn trong năm 2026 ước khoảng 310.000 tỷ đồng, trong đó "
                + "nhóm bất động sản khoảng 140.000 tỷ đồng.");
        assertThat(found).extracting(KpiMention::value).containsExactly(310000.0, 140000.0);
    }

    @Test
    void givenGraduatesAndPrizeWinnersOfAPeriod_whenExtracted_thenTheyAreResultsButEnrolmentIsNot() {
        assertThat(kpis("Sau 20 năm, nhà trường đã cấp bằng tốt nghiệp cho hơn 12.000 kỹ sư.")).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo(12000.0));
        assertThat(kpis("Năm học 2024-2025 có 356 học sinh đoạt giải học sinh giỏi cấp tỉnh.")).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo(356.0));
        assertThat(kpis("Trường hiện có 900 học sinh và 70 giáo viên.")).isEmpty();
    }

    @Test
    void givenAnAreaReachedAgainstItsPlan_whenExtracted_thenValueAndTotal_whicheverIsLarger() {
        List<KpiMention> found = kpis("Diện tích lúa gieo cấy đạt 12.310/12.000 ha, diện tích ngô đạt 800/950 ha.");
        assertThat(found).extracting(KpiMention::value, KpiMention::total)
                .containsExactly(tuple(12310.0, 12000.0), tuple(800.0, 950.0));
    }

    @Test
    void givenReportsOfCrimesAndVaccineDoses_whenExtracted_thenEachIsAKpi_butACapeIsNoDose() {
        assertThat(kpis("Sáu tháng, Công an huyện tiếp nhận 35 tin báo, tố giác tội phạm.")).extracting(KpiMention::value)
                .containsExactly(35.0);
        assertThat(kpis("Năm 2023, huyện đã tiêm 9.412 mũi cho trẻ dưới 5 tuổi.")).extracting(KpiMention::unit)
                .containsExactly("mũi tiêm");
        assertThat(kpis("Du khách ngắm 2 mũi đá nhô ra biển.")).isEmpty();
    }

    @Test
    void givenPeopleCountedAsAResult_whenExtracted_thenAKpi_butAnAudienceIsNot() {
        assertThat(kpis("Năm 2022, huyện giải quyết việc làm cho 3.410 người, đạt 101% kế hoạch.")).extracting(KpiMention::value)
                .containsExactly(3410.0, 101.0);
        assertThat(kpis("Buổi lễ có hơn 400 người tham dự.")).isEmpty();
    }
    @Test
    void givenAPeriodsTollWrittenVerbFirst_whenExtracted_thenTheDeadTheInjuredAndTheDamageAreIndicators() {
        List<KpiMention> found = kpis("Năm 2024, trên địa bàn huyện xảy ra 312 vụ phạm pháp hình sự, làm chết 14 người, bị "
                + "thương 57 người, thiệt hại tài sản khoảng 8,6 tỷ đồng.");
        assertThat(found).extracting(KpiMention::value).containsExactly(312.0, 14.0, 57.0, 8.6);
        // one accident's toll is no indicator
        assertThat(kpis("Sáng 12/4, vụ tai nạn trên quốc lộ 1 làm chết 3 người, bị thương 2 người.")).isEmpty();
    }

    @Test
    void givenTheSumsOfAPeriodsCases_whenExtracted_thenTheyAreIndicatorsLikeTheCases() {
        List<KpiMention> found = kpis("Trong 6 tháng, Công an tỉnh đã triệt phá 12 vụ đánh bạc qua mạng, bắt giữ 85 đối "
                + "tượng, với tổng số tiền giao dịch hơn 310 tỷ đồng.");
        assertThat(found).extracting(KpiMention::value).containsExactly(12.0, 85.0, 310.0);
        assertThat(kpis("Ngày 3/5, Công an huyện bắt 2 đối tượng, thu giữ 150 triệu đồng tiền cá độ.")).isEmpty();
    }

    @Test
    void givenFiguresBeforeAPassiveEnforcementVerb_whenTheSentenceCountsSeveralCases_thenEachFigureIsAnIndicator() {
        List<KpiMention> found = kpis("Sau 5 năm, 930 vụ án, hơn 1.400 đối tượng buôn bán ma túy, 6,2 tỷ đồng tiền đánh "
                + "bạc đã bị triệt phá.");
        assertThat(found).extracting(KpiMention::value).containsExactly(930.0, 1400.0, 6.2);
    }

    @Test
    void givenCasesFinedOverAPeriod_whenCountedInCases_thenTheyAreIndicators() {
        List<KpiMention> found = kpis("Năm 2025, lực lượng Cảnh sát giao thông đã tổ chức tuần tra, phát hiện, xử phạt "
                + "4.215 trường hợp vi phạm, tước giấy phép lái xe 86 trường hợp.");
        assertThat(found).extracting(KpiMention::value).containsExactly(4215.0, 86.0);
    }
}
