package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

    private static final Extractor EXTRACTOR = Extractor.create();

    @Test
    void givenTwoPiecesOfEvidence_whenCombined_thenSurerThanEitherButNeverCertain() {
        assertThat(Confidence.combined(0.6, 0.5)).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Confidence.combined(0.95, 0.95)).isEqualTo(0.99);
        assertThat(Confidence.supported(0.6, 0, 3)).isEqualTo(0.6);
        assertThat(Confidence.supported(0.6, 3, 3)).isEqualTo(0.92, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Confidence.supported(0.6, 1, 3)).isBetween(0.6, 0.92);
    }

    @Test
    void givenValueOutsideUnitInterval_whenMentionBuilt_thenRejected() {
        assertThatThrownBy(() -> new EntityMention(EntityKind.PERSON, "A", "A", 0, 1, null, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new KpiMention("m", 1.0, "%", null, null, null, null, null, "1%", 0, 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNameAnchoredByTitle_whenExtracted_thenSurerThanACodeShapedName() {
        String text = TextNormalizer.normalize("Giám đốc Sở Y tế Trần Quốc Bảo kiểm tra tại xã Hòa Bình. "
                + "Lực lượng PC07 phối hợp thực hiện.");
        List<EntityMention> found = EXTRACTOR.extract(text).entities();
        assertThat(found).allSatisfy(m -> assertThat(m.confidence()).isBetween(0.0, 1.0));
        assertThat(confidenceOf(found, "Trần Quốc Bảo")).isGreaterThan(confidenceOf(found, "PC07"));
        assertThat(confidenceOf(found, "Sở Y tế")).isGreaterThan(confidenceOf(found, "PC07"));
    }

    @Test
    void givenNameRepeated_whenExtracted_thenEachMentionCarriesTheCombinedEvidence() {
        String once = TextNormalizer.normalize("Chủ tịch UBND huyện Lê Minh Tuấn dự lễ khai giảng.");
        String thrice = TextNormalizer.normalize("Chủ tịch UBND huyện Lê Minh Tuấn dự lễ khai giảng. "
                + "Ông Lê Minh Tuấn tặng quà học sinh. Đồng chí Lê Minh Tuấn đề nghị nhà trường nâng cao chất lượng.");
        double single = confidenceOf(EXTRACTOR.extract(once).entities(), "Lê Minh Tuấn");
        List<EntityMention> repeated = EXTRACTOR.extract(thrice).entities().stream()
                .filter(m -> m.text().equals("Lê Minh Tuấn")).toList();
        assertThat(repeated).hasSizeGreaterThanOrEqualTo(2);
        assertThat(repeated).extracting(EntityMention::confidence).containsOnly(repeated.get(0).confidence());
        assertThat(repeated.get(0).confidence()).isGreaterThan(single);
    }

    @Test
    void givenKpiWithPeriodAndStatus_whenExtracted_thenSurerThanABareCount() {
        String text = TextNormalizer.normalize("Năm 2024, thu ngân sách nhà nước trên địa bàn tỉnh đạt 15.200 tỷ đồng, "
                + "vượt 12% dự toán. Toàn tỉnh có 35 hợp tác xã mới thành lập.");
        List<KpiMention> kpis = EXTRACTOR.extract(text).kpis();
        assertThat(kpis).isNotEmpty().allSatisfy(k -> assertThat(k.confidence()).isBetween(0.0, 1.0));
        KpiMention money = kpis.stream().filter(k -> "tỷ đồng".equals(k.unit())).findFirst().orElseThrow();
        assertThat(money.confidence()).isGreaterThan(0.6);
    }

    @Test
    void givenAwardWithConferrerAndRecipients_whenExtracted_thenSurerThanTheBareStatementLevel() {
        String text = TextNormalizer.normalize("Thừa ủy quyền của Chủ tịch nước, đồng chí Nguyễn Văn Hùng, Bí thư Tỉnh ủy, "
                + "trao Huân chương Lao động hạng Ba cho Bệnh viện Đa khoa tỉnh Lạng Sơn.");
        List<AwardMention> awards = EXTRACTOR.extract(text).awards();
        assertThat(awards).singleElement().satisfies(a -> {
            assertThat(a.conferrer()).isNotNull();
            assertThat(a.recipients()).isNotEmpty();
            assertThat(a.confidence()).isGreaterThan(0.75).isLessThanOrEqualTo(0.99);
        });
    }

    private static double confidenceOf(List<EntityMention> found, String text) {
        return found.stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not found in " + found)).confidence();
    }
}
