package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;

/** Where an institution's name ends: sentences written for these tests. */
class OrganizationBoundaryTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(Lexicon.builtIn());

    static List<String> names(String raw, EntityKind kind) {
        return EXTRACTOR.extract(TextNormalizer.normalize(raw)).stream().filter(m -> m.kind() == kind)
                .map(EntityMention::text).distinct().toList();
    }

    @Test
    void givenNamesWithLowerCaseContinuationsInAList_whenExtracted_thenEachRunsToItsListMark() {
        List<String> orgs = names("Dự lễ có đại diện các đơn vị: Vụ Kế hoạch tài chính; Cục Kiểm định chất lượng "
                + "giáo dục; Viện Nghiên cứu hải sản (thuộc Bộ Nông nghiệp và Môi trường).", EntityKind.ORGANIZATION);
        assertThat(orgs).contains("Vụ Kế hoạch tài chính", "Cục Kiểm định chất lượng giáo dục",
                "Viện Nghiên cứu hải sản");
    }

    @Test
    void givenABodyFollowedByItsVerb_whenExtracted_thenTheVerbIsNotPartOfTheName() {
        assertThat(names("Sở Y tế khuyến cáo người dân đi tiêm.", EntityKind.ORGANIZATION)).containsExactly("Sở Y tế");
        assertThat(names("Chủ tịch UBND tỉnh đề nghị Ngân hàng thế giới quan tâm, hỗ trợ thêm vốn.",
                EntityKind.ORGANIZATION)).doesNotContain("Ngân hàng thế giới quan tâm");
        assertThat(names("Kế hoạch được Thủ tướng Chính phủ giao (12 tỷ đồng) đã hoàn thành.",
                EntityKind.ORGANIZATION)).containsExactly("Chính phủ");
    }

    @Test
    void givenALowerCaseStretchEndingInAPlace_whenExtracted_thenThePlaceClosesTheName() {
        List<String> found = names("Mẫu vật được gửi tới Viện Di truyền và giống cây trồng Việt Nam (thuộc Bộ).",
                EntityKind.ORGANIZATION);
        assertThat(found).contains("Viện Di truyền và giống cây trồng Việt Nam");
        assertThat(names("Mẫu vật được gửi tới Viện Di truyền và giống cây trồng Việt Nam (thuộc Bộ).",
                EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenAUnitAndItsParentJoinedByADash_whenExtracted_thenTheyAreTwoBodies() {
        assertThat(names("3. Đội Trinh sát ma túy – Công an tỉnh Hà Giang.", EntityKind.ORGANIZATION))
                .containsExactly("Đội Trinh sát ma túy", "Công an tỉnh Hà Giang");
    }

    @Test
    void givenNumberedUnits_whenExtracted_thenTheNumberIsPartOfTheName() {
        List<String> orgs = names("Đội cảnh sát cơ động số 2 và Đại đội 7 cùng Tiểu đoàn 4/1 tham gia diễn tập; "
                + "Bệnh viện dã chiến cấp 1 số 3 sẵn sàng.", EntityKind.ORGANIZATION);
        assertThat(orgs).contains("Đội cảnh sát cơ động số 2", "Đại đội 7", "Tiểu đoàn 4/1",
                "Bệnh viện dã chiến cấp 1 số 3");
    }

    @Test
    void givenAServiceWrittenWithItsProvince_whenExtracted_thenItIsAUnitButTheBareServiceIsNot() {
        assertThat(names("Hải quan Lạng Sơn đã kiểm tra lô hàng; Bộ đội biên phòng Hà Giang cũng vào cuộc.",
                EntityKind.ORGANIZATION)).containsExactly("Hải quan Lạng Sơn", "Bộ đội biên phòng Hà Giang");
        assertThat(names("Cán bộ ngành Hải quan và lực lượng Biên phòng phối hợp tuần tra.", EntityKind.ORGANIZATION))
                .isEmpty();
    }

    @Test
    void givenANameAtTheEndOfALine_whenTheNextLineStartsWithACapital_thenTheNameStopsAtTheLineBreak() {
        assertThat(names("Giám đốc Công ty Cổ phần Thủy sản Minh Hải\nTổng kết năm, doanh thu tăng.",
                EntityKind.ORGANIZATION)).containsExactly("Công ty Cổ phần Thủy sản Minh Hải");
    }
}
