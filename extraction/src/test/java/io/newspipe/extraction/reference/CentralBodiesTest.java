package io.newspipe.extraction.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CentralBodiesTest {

    private static final CentralBodies BODIES = CentralBodies.get();
    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 15);
    private static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 1);

    private static List<String> ids(List<CentralBody> bodies) {
        return bodies.stream().map(CentralBody::id).toList();
    }

    @Test
    void namesAbbreviationsAndOtherNamesFindTheBody() {
        assertThat(ids(BODIES.find("Bộ Chính trị"))).containsExactly("bo-chinh-tri");
        assertThat(ids(BODIES.find("Ban Bí thư"))).containsExactly("ban-bi-thu");
        assertThat(ids(BODIES.find("Ban Tổ chức Trung ương"))).containsExactly("ban-to-chuc-trung-uong");
        assertThat(ids(BODIES.find("Ban Tổ chức TW"))).containsExactly("ban-to-chuc-trung-uong");
        assertThat(ids(BODIES.find("Ủy ban Kiểm tra TƯ"))).containsExactly("uy-ban-kiem-tra-trung-uong");
        assertThat(ids(BODIES.find("Uỷ ban Kiểm tra Trung ương"))).containsExactly("uy-ban-kiem-tra-trung-uong");
        assertThat(ids(BODIES.find("TAND tối cao"))).containsExactly("toa-an-nhan-dan-toi-cao");
        assertThat(ids(BODIES.find("VKSND tối cao"))).containsExactly("vien-kiem-sat-nhan-dan-toi-cao");
        assertThat(ids(BODIES.find("KTNN"))).containsExactly("kiem-toan-nha-nuoc");
        assertThat(ids(BODIES.find("MTTQ Việt Nam"))).containsExactly("mat-tran-to-quoc-viet-nam");
        assertThat(ids(BODIES.find("Bộ Văn hóa Thể thao và Du lịch"))).containsExactly("bo-van-hoa-the-thao-va-du-lich");
        // "tư" is a word of its own: Bộ Tư pháp is not a "Bộ Trung ương pháp"
        assertThat(ids(BODIES.find("Bộ Tư pháp"))).containsExactly("bo-tu-phap");
        assertThat(BODIES.isName("Sở Tư pháp")).isFalse();
    }

    @Test
    void aSharedAbbreviationGivesEveryBodyThatHasIt() {
        assertThat(ids(BODIES.find("BCT"))).containsExactlyInAnyOrder("bo-chinh-tri", "bo-cong-thuong");
    }

    @Test
    void theGovernmentHas18MinistriesAnd4MinistryLevelBodiesBeforeMarch2025And14And3After() {
        List<CentralBody> all = BODIES.all();
        assertThat(all).filteredOn(b -> b.kind() == CentralBody.Kind.MINISTRY && b.validOn(JAN_2025)).hasSize(18);
        assertThat(all).filteredOn(b -> b.kind() == CentralBody.Kind.MINISTRY_LEVEL && b.validOn(JAN_2025)).hasSize(4);
        assertThat(all).filteredOn(b -> b.kind() == CentralBody.Kind.MINISTRY && b.validOn(JUNE_2025)).hasSize(14);
        assertThat(all).filteredOn(b -> b.kind() == CentralBody.Kind.MINISTRY_LEVEL && b.validOn(JUNE_2025)).hasSize(3);
    }

    @Test
    void mergedMinistriesLeadToTheirSuccessorOnALaterDate() {
        CentralBody mpi = BODIES.find("Bộ Kế hoạch và Đầu tư").get(0);
        assertThat(mpi.validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(ids(BODIES.onDate(mpi, JUNE_2025))).containsExactly("bo-tai-chinh");
        assertThat(ids(BODIES.onDate(mpi, JAN_2025))).containsExactly("bo-ke-hoach-va-dau-tu");
        assertThat(ids(BODIES.onDate(BODIES.find("Bộ NN&PTNT").get(0), JUNE_2025))).containsExactly("bo-nong-nghiep-va-moi-truong");
        assertThat(ids(BODIES.onDate(BODIES.find("Bộ Tài nguyên và Môi trường").get(0), JUNE_2025)))
                .containsExactly("bo-nong-nghiep-va-moi-truong");
        assertThat(BODIES.find("Bộ Nông nghiệp và Môi trường", JAN_2025)).isEmpty();
        assertThat(BODIES.find("Bộ Nông nghiệp và Môi trường", JUNE_2025)).hasSize(1);
        assertThat(ids(BODIES.onDate(BODIES.find("Ủy ban Dân tộc").get(0), JUNE_2025))).containsExactly("bo-dan-toc-va-ton-giao");
        assertThat(ids(BODIES.onDate(BODIES.find("Ban Tuyên giáo Trung ương").get(0), JUNE_2025)))
                .containsExactly("ban-tuyen-giao-va-dan-van-trung-uong");
        assertThat(ids(BODIES.onDate(BODIES.find("Tổng cục Hải quan").get(0), JUNE_2025))).containsExactly("cuc-hai-quan");
        assertThat(BODIES.onDate(BODIES.find("Bộ Nội vụ").get(0), JUNE_2025)).extracting(CentralBody::name)
                .containsExactly("Bộ Nội vụ");
    }

    @Test
    void successorsAndParentsReferToBodiesOfTheList() {
        for (CentralBody b : BODIES.all()) {
            assertThat(BODIES.successors(b)).as(b.id()).doesNotContainNull();
            if (!b.parentId().isEmpty()) {
                assertThat(BODIES.byId(b.parentId())).as(b.id()).isPresent();
            }
            if (b.validTo() != null) {
                assertThat(b.successorIds()).as(b.id() + " ended: what took over?").isNotEmpty();
            }
        }
    }
}
