package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;

/** Where an institution's name ends: sentences written for these tests. */
class OrganizationBoundaryTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(EntityLexicon.builtIn());

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
    void givenTwoDomainsOfOneNameJoinedByAComma_whenExtracted_thenTheNameRunsOverTheComma() {
        assertThat(names("Đại diện Cục Cứu hộ, cứu nạn (Bộ Tổng tham mưu) phát biểu.", EntityKind.ORGANIZATION))
                .containsExactly("Cục Cứu hộ, cứu nạn", "Bộ Tổng tham mưu");
        assertThat(names("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh họp khẩn.",
                EntityKind.ORGANIZATION)).containsExactly("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh");
        // a verb-like word after the comma that opens a clause is the sentence's, not the name's
        assertThat(names("Phòng Cảnh sát điều tra, kiểm tra việc thi hành án.", EntityKind.ORGANIZATION))
                .containsExactly("Phòng Cảnh sát điều tra");
        assertThat(names("Phòng Cảnh sát điều tra, kiểm tra, xử lý vi phạm.", EntityKind.ORGANIZATION))
                .containsExactly("Phòng Cảnh sát điều tra");
    }

    @Test
    void givenADayThatCommemorates_whenExtracted_thenNothingInsideItIsABody() {
        assertThat(names("Kỷ niệm 30 năm Ngày Biên phòng toàn dân (1989 - 2019) và 60 năm ngày truyền thống Bộ đội Biên "
                + "phòng Việt Nam.", EntityKind.ORGANIZATION)).isEmpty();
        assertThat(names("Hưởng ứng Ngày Quốc tế Lao động, Công đoàn Công ty Than Mạo Khê ra quân.", EntityKind.ORGANIZATION))
                .containsExactly("Công đoàn Công ty Than Mạo Khê");
        // a day of the calendar, then the sentence's subject
        assertThat(names("Cùng ngày Công an huyện Kỳ Sơn đã bắt giữ 2 đối tượng.", EntityKind.ORGANIZATION))
                .containsExactly("Công an huyện Kỳ Sơn");
    }

    @Test
    void givenAShortFormInBracketsBeforeTheProvince_whenExtracted_thenTheNameRunsThroughTheProvince() {
        assertThat(names("Ngày 3-3, Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) Hà Tĩnh tổ chức mít tinh.", EntityKind.ORGANIZATION))
                .containsExactly("Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) Hà Tĩnh");
        assertThat(names("Ngày 3-3, Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) Hà Tĩnh tổ chức mít tinh.", EntityKind.LOCATION))
                .isEmpty();
    }

    @Test
    void givenACaptionEndingWithoutAFullStop_whenABodyIsFollowedByItsVerb_thenTheVerbIsNotPartOfTheName() {
        assertThat(names("Đại diện Bộ Tư lệnh BĐBP trao kỷ niệm chương\nBuổi lễ diễn ra trang trọng.",
                EntityKind.ORGANIZATION)).containsExactly("Bộ Tư lệnh BĐBP");
    }

    @Test
    void givenANationalBodysLocalBranch_whenItsPlaceFollowsVietNam_thenTheBranchIsOneName() {
        assertThat(names("Bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Trị, phát biểu.", EntityKind.ORGANIZATION))
                .containsExactly("Ủy ban MTTQ Việt Nam tỉnh Quảng Trị");
        assertThat(names("Hội Cựu chiến binh Việt Nam TP.HCM tổ chức đại hội.", EntityKind.ORGANIZATION))
                .containsExactly("Hội Cựu chiến binh Việt Nam TP.HCM");
        assertThat(names("Bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Trị, phát biểu.", EntityKind.LOCATION))
                .isEmpty();
    }

    @Test
    void givenAHeadNamingADomainJoinedToAnotherByVa_whenExtracted_thenBothDomainsAreOneBody() {
        assertThat(names("Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau tổ chức hội nghị.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau");
        assertThat(names("Ban Kinh tế và Ngân sách HĐND tỉnh thẩm tra báo cáo.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Kinh tế và Ngân sách HĐND tỉnh");
        // not when what follows "và" is no domain of a name
        assertThat(names("Ban Chỉ đạo và Tổ công tác họp.", EntityKind.ORGANIZATION)).doesNotContain("Ban Chỉ đạo và Tổ");
    }

    @Test
    void givenAMemberOfAPartyCommitteeAsATitle_whenExtracted_thenTheCommitteeIsNoBody() {
        assertThat(names("Thượng tá Lê Văn Sơn - Tỉnh ủy viên, Giám đốc Công an tỉnh dự lễ.", EntityKind.ORGANIZATION))
                .containsExactly("Công an tỉnh");
    }

    @Test
    void givenAForeignCompanysLocalArm_whenItsNameClosesWithVietNamInBrackets_thenTheBracketIsPartOfTheName() {
        assertThat(names("Công ty TNHH Hansae (Việt Nam) tuyển thêm 500 lao động.", EntityKind.ORGANIZATION))
                .containsExactly("Công ty TNHH Hansae (Việt Nam)");
        assertThat(names("Công ty TNHH Hansae (Việt Nam) tuyển thêm 500 lao động.", EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenTwoDescriptionsJoinedByVaClosedByTheJurisdiction_whenExtracted_thenTheNameRunsThroughThePlace() {
        assertThat(names("Trung tâm Phát triển quỹ đất và cụm công nghiệp tỉnh Bình Định tổ chức đấu giá.",
                EntityKind.ORGANIZATION)).containsExactly("Trung tâm Phát triển quỹ đất và cụm công nghiệp tỉnh Bình Định");
        assertThat(names("Ông Lê Văn Tâm, Giám đốc Ban Quản lý dự án đầu tư xây dựng và Phát triển quỹ đất huyện Phù "
                + "Cát, cho biết mặt bằng đã sẵn sàng.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Quản lý dự án đầu tư xây dựng và Phát triển quỹ đất huyện Phù Cát");
        // a verb after the body opens a clause, even when a place closes it
        assertThat(names("Sở Y tế kiểm tra và xử lý cơ sở vi phạm huyện Tuy Phước.", EntityKind.ORGANIZATION))
                .containsExactly("Sở Y tế");
        assertThat(names("Sở Tài chính và các sở, ngành huyện An Lão cùng dự họp.", EntityKind.ORGANIZATION))
                .containsExactly("Sở Tài chính");
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
    void givenMilitaryUnitsNamedByTheirArmAndNumber_whenExtracted_thenArmAndNumberArePartOfTheName() {
        List<String> orgs = names("Đoàn công tác thăm Trung đoàn Pháo binh 45, Lữ đoàn Đặc công 113 và Sư đoàn Phòng "
                + "không 375; Lữ đoàn Tăng thiết giáp 202 và Hải đoàn Biên phòng 28 cũng tham dự.", EntityKind.ORGANIZATION);
        assertThat(orgs).containsExactly("Trung đoàn Pháo binh 45", "Lữ đoàn Đặc công 113", "Sư đoàn Phòng không 375",
                "Lữ đoàn Tăng thiết giáp 202", "Hải đoàn Biên phòng 28");
    }

    @Test
    void givenServicesNamedByTheirArms_whenExtracted_thenTheyAreBodiesEvenWithTwoArmsJoinedByADash() {
        assertThat(names("Binh chủng Hóa học và Quân chủng Phòng không - Không quân phối hợp diễn tập; Bộ Tư lệnh "
                + "Quân chủng Hải quân chỉ đạo.", EntityKind.ORGANIZATION)).containsExactly("Binh chủng Hóa học",
                "Quân chủng Phòng không - Không quân", "Bộ Tư lệnh Quân chủng Hải quân");
    }

    @Test
    void givenAnArmWrittenInLowerCase_whenNoNumberFollows_thenItIsNoName() {
        assertThat(names("Sư đoàn phòng không 361 bảo vệ bầu trời Thủ đô.", EntityKind.ORGANIZATION))
                .containsExactly("Sư đoàn phòng không 361");
        assertThat(names("Năm nay Sư đoàn huấn luyện chiến sĩ mới sớm hơn.", EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void givenPoliceBranches_whenExtracted_thenTheBranchAndTheParentForceArePartOfTheName() {
        assertThat(names("Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh ký quyết định; Phòng Cảnh sát cơ động "
                + "và Trung đoàn Cảnh sát cơ động phối hợp.", EntityKind.ORGANIZATION)).containsExactly(
                "Cơ quan Cảnh sát điều tra Công an tỉnh", "Phòng Cảnh sát cơ động", "Trung đoàn Cảnh sát cơ động");
    }

    @Test
    void givenAnEnterpriseHead_whenExtracted_thenXiNghiepOpensTheName() {
        assertThat(names("Xí nghiệp Liên hiệp Xây lắp Dầu khí và Xí nghiệp 23 được khen thưởng.",
                EntityKind.ORGANIZATION)).containsExactly("Xí nghiệp Liên hiệp Xây lắp Dầu khí", "Xí nghiệp 23");
    }

    @Test
    void givenABodyAndARankedPersonJoinedByVa_whenExtracted_thenTheNameStopsBeforeTheRank() {
        String text = "Tổng Công ty Xây dựng Bạch Đằng và Phó Đô đốc Trần Văn Bình được tặng Huân chương Lao động.";
        assertThat(names(text, EntityKind.ORGANIZATION)).containsExactly("Tổng Công ty Xây dựng Bạch Đằng");
        assertThat(names(text, EntityKind.PERSON)).containsExactly("Trần Văn Bình");
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

    @Test
    void givenABankWithItsBranch_whenExtracted_thenTheBranchIsPartOfTheName() {
        assertThat(names("Khoản vay do Ngân hàng Vietcombank chi nhánh Quảng Bình và Ngân hàng Nông nghiệp và Phát "
                + "triển nông thôn Việt Nam chi nhánh Tây Đô giải ngân.", EntityKind.ORGANIZATION)).containsExactly(
                "Ngân hàng Vietcombank chi nhánh Quảng Bình",
                "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam chi nhánh Tây Đô");
    }

    @Test
    void givenACompanyLaterCalledByItsDistinctiveName_whenExtracted_thenTheShortNameIsTheCompanyToo() {
        List<String> orgs = names("Công ty Cổ phần Thực phẩm Sao Mai Foods ký hợp đồng với nông dân. Năm nay, Sao Mai "
                + "Foods thu mua 500 tấn cá.", EntityKind.ORGANIZATION);
        assertThat(orgs).containsExactly("Công ty Cổ phần Thực phẩm Sao Mai Foods", "Sao Mai Foods");
    }

    @Test
    void givenACompanyNamedAfterItsCommune_whenTheCommuneIsMentioned_thenTheCommuneStaysAPlace() {
        String text = "Công ty TNHH Tân Phú ở xã Tân Phú mở rộng nhà xưởng; người dân Tân Phú phấn khởi.";
        assertThat(names(text, EntityKind.ORGANIZATION)).containsExactly("Công ty TNHH Tân Phú");
        assertThat(names(text, EntityKind.LOCATION)).containsExactly("Tân Phú");
    }

    @Test
    void givenACompanysBrandInBrackets_whenExtracted_thenTheBrandIsAnOrganization() {
        assertThat(names("Công đoàn Công ty CP Dược phẩm Hậu Giang (Dhgpharma) đoạt giải ba.", EntityKind.ORGANIZATION))
                .contains("Dhgpharma");
        assertThat(names("Phái bộ UNISFA (Abyei) mở rộng tuần tra.", EntityKind.ORGANIZATION))
                .containsExactly("Phái bộ UNISFA");
    }

    @Test
    void givenANumberInsideAName_whenANameFollowsIt_thenTheNameGoesOnButACountedNounEndsIt() {
        assertThat(names("HTX Nông nghiệp 2 Cát Hanh và Công ty CP Xây dựng 47 Tây Nguyên ký kết.", EntityKind.ORGANIZATION))
                .containsExactly("HTX Nông nghiệp 2 Cát Hanh", "Công ty CP Xây dựng 47 Tây Nguyên");
        assertThat(names("Năm qua, Công an huyện Phong Điền 15 vụ việc được xử lý.", EntityKind.ORGANIZATION))
                .containsExactly("Công an huyện Phong Điền");
    }

    @Test
    void givenAKnownPlaceOpeningALongerCompanyName_whenExtracted_thenTheWholeNameIsKept() {
        assertThat(names("Sản phẩm của Tập đoàn Hòa Bình Agritech (ở Hà Nội) được ưa chuộng.", EntityKind.ORGANIZATION))
                .containsExactly("Tập đoàn Hòa Bình Agritech");
    }

    @Test
    void givenACommaAfterABody_whenTheNextWordDoesNotContinueIt_thenTheNameStopsAtTheComma() {
        assertThat(names("Tỉnh sẽ làm việc với Bộ Tài chính, Trung ương để được hỗ trợ; Sở Văn hóa, Thể thao và Du lịch "
                + "phối hợp.", EntityKind.ORGANIZATION)).containsExactly("Bộ Tài chính", "Sở Văn hóa, Thể thao và Du lịch");
    }

    @Test
    void givenTextCutAtAnyCharacter_whenExtracted_thenEveryMentionIsASliceOfIt() {
        String text = TextNormalizer.normalize("Đội công binh số 1; Ngân hàng BIDV chi nhánh Hà Nam, trú tại Kỳ Phong, "
                + "Kỳ Anh, Hà Tĩnh (Việt Nam). Các huyện: An Lão, Tây Sơn và TX An Nhơn.\nCông ty CP Tập đoàn Hòa Bình "
                + "Agritech (Hbag) và số 12 Lê Lợi; Tiểu đoàn 4/1");
        for (int end = 0; end <= text.length(); end++) {
            String piece = text.substring(0, end);
            for (EntityMention m : EXTRACTOR.extract(piece)) {
                assertThat(piece.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
    }

    @Test
    void givenNamesOfDifferentEvidence_whenExtracted_thenConfidenceFollowsTheEvidence() {
        List<EntityMention> found = EXTRACTOR.extract(TextNormalizer.normalize(
                "Chính phủ giao Cục Thống kê Hà Giang phối hợp với Trung tâm Hỗ trợ hòa nhập người khuyết tật."));
        double known = confidence(found, "Chính phủ");
        double anchored = confidence(found, "Cục Thống kê Hà Giang");
        double cut = confidence(found, "Trung tâm Hỗ trợ");
        assertThat(known).isGreaterThan(anchored);
        assertThat(anchored).isGreaterThan(cut);
    }

    private static double confidence(List<EntityMention> found, String name) {
        return found.stream().filter(m -> m.text().equals(name)).findFirst().orElseThrow().confidence();
    }

    @Test
    void givenASchoolWithItsOwnNameFollowedByAPerson_whenExtracted_thenThePersonIsNotPartOfTheSchool() {
        String raw = "Hiệu trưởng Trường Đại học Hoa Sen Trần Minh Khoa nhận Bằng khen; Giám đốc Trường "
                + "Đại học Phan Thiết Hoàng Văn Châu phát biểu tại Trường THCS Nguyễn Du, Trường Tiểu học Lê Văn Tám và "
                + "Trường THPT Chuyên Lê Quý Đôn.";
        assertThat(names(raw, EntityKind.ORGANIZATION)).contains("Trường Đại học Hoa Sen",
                "Trường Đại học Phan Thiết", "Trường THCS Nguyễn Du", "Trường Tiểu học Lê Văn Tám", "Trường THPT Chuyên Lê Quý Đôn");
        assertThat(names(raw, EntityKind.PERSON)).contains("Trần Minh Khoa", "Hoàng Văn Châu");
    }

    @Test
    void givenAForeignBodyFollowedByItsVerb_whenExtracted_thenTheVerbIsNotPartOfTheName() {
        assertThat(names("BĐBP Nghệ An phối hợp với Công an Champasak bắt giữ hai đối tượng; Công an Lào bắt một "
                + "người khác.", EntityKind.ORGANIZATION)).contains("Công an Champasak", "Công an Lào")
                .noneMatch(o -> o.contains("bắt"));
    }

    @Test
    void givenAHeadlineInCapitals_whenExtracted_thenTheBodyEndsBeforeItsVerb() {
        assertThat(names("BỆNH VIỆN ĐA KHOA HUYỆN PHÚ TÂN HỌP MẶT KỶ NIỆM NGÀY THẦY THUỐC\n\nSáng 27/2, bệnh viện "
                + "tổ chức lễ.", EntityKind.ORGANIZATION)).containsExactly("BỆNH VIỆN ĐA KHOA HUYỆN PHÚ TÂN");
    }

    @Test
    void givenAnAwardFormNamedByItsGiver_whenExtracted_thenTheGiverIsAnOrganizationAndTheFormIsNot() {
        List<String> orgs = names("Tập thể nhận Bằng khen Bộ LĐTBXH, Giấy khen Sở GD&ĐT và Cờ thi đua UBND tỉnh Nghệ An; "
                + "hai cá nhân nhận Bằng khen Bộ trưởng Bộ Nội vụ.", EntityKind.ORGANIZATION);
        assertThat(orgs).contains("Bộ LĐTBXH", "Sở GD&ĐT", "UBND tỉnh Nghệ An", "Bộ Nội vụ")
                .noneMatch(o -> o.contains("khen") || o.contains("thi đua"));
    }

    @Test
    void givenALowerCaseNameClosedByItsBareLevel_whenExtracted_thenTheLevelEndsTheName() {
        assertThat(names("Hội đồng thi đua khen thưởng huyện họp xét danh hiệu; Ban Chỉ đạo phòng chống thiên "
                + "tai tỉnh đã kiểm tra.", EntityKind.ORGANIZATION))
                .contains("Hội đồng thi đua khen thưởng huyện", "Ban Chỉ đạo phòng chống thiên tai tỉnh");
        assertThat(names("UBND tỉnh giao huyện thực hiện; Sở Y tế hỗ trợ huyện.", EntityKind.ORGANIZATION))
                .containsExactly("UBND tỉnh", "Sở Y tế");
    }
    @Test
    void givenACommitteeOfATwoWordLevel_whenExtracted_thenTheLevelClosesItsName() {
        assertThat(names("Chủ tịch UBND thành phố tặng giấy khen cho hai trường.", EntityKind.ORGANIZATION))
                .containsExactly("UBND thành phố");
        assertThat(names("Hội nghị do UBND thị xã tổ chức.", EntityKind.ORGANIZATION)).containsExactly("UBND thị xã");
    }

    @Test
    void givenALongCentralBodyWrittenInLowerCaseAfterItsFirstWord_whenExtracted_thenTheReferenceNameIsFound() {
        assertThat(names("Năm học 2009, nhà trường được Bộ giáo dục và đào tạo tặng bằng khen.", EntityKind.ORGANIZATION))
                .containsExactly("Bộ giáo dục và đào tạo");
        // all in lower case it is a common phrase, not the ministry's name
        assertThat(names("Học sinh học theo chương trình của bộ giáo dục và đào tạo.", EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void givenTheLabourFederationAbbreviated_whenExtracted_thenItsLevelOrItsNationalBodyIsTheName() {
        assertThat(names("Công đoàn trường được LĐLĐ tỉnh tặng bằng khen và Tổng LĐLĐ Việt Nam tặng cờ thi đua.",
                EntityKind.ORGANIZATION)).contains("LĐLĐ tỉnh", "Tổng LĐLĐ Việt Nam");
    }

    @Test
    void givenACompanyWrittenCtyBeforeTheAwardItReceives_whenExtracted_thenTheNameStopsBeforeTheForm() {
        assertThat(names("Chủ tịch nước trao tặng Cty CP Chè Mộc Châu Huân chương Lao động hạng Ba.",
                EntityKind.ORGANIZATION)).containsExactly("Cty CP Chè Mộc Châu");
        assertThat(names("Bộ trưởng trao tặng Hợp tác xã Nông nghiệp Tân Phong Bằng khen của Bộ Nông nghiệp.",
                EntityKind.ORGANIZATION)).contains("Hợp tác xã Nông nghiệp Tân Phong")
                .noneMatch(o -> o.contains("Bằng"));
        // a capitalized word that is no form still continues the name
        assertThat(names("Tổng Cty Đường sắt Việt Nam khởi công dự án.", EntityKind.ORGANIZATION))
                .containsExactly("Tổng Cty Đường sắt Việt Nam");
    }

    @Test
    void givenATitleWhoseLastWordHeadsTheBody_whenWrittenInLowerCase_thenTheBodyIsNamedFromThatWord() {
        List<String> orgs = names("Dự hội nghị có ông Đặng Văn Hải, Phó trưởng ban Dân vận Tỉnh ủy; bà Lò Thị Mai, Trưởng đoàn "
                + "Đại biểu Quốc hội tỉnh; ông Vi Văn Sơn, Trưởng phòng Cảnh sát giao thông Công an tỉnh.", EntityKind.ORGANIZATION);
        assertThat(orgs).contains("ban Dân vận Tỉnh ủy", "đoàn Đại biểu Quốc hội tỉnh",
                "phòng Cảnh sát giao thông Công an tỉnh");
        // a bare title names no body
        assertThat(names("Ông Vi Văn Sơn, Trưởng phòng cho biết đơn vị đã hoàn thành kế hoạch.", EntityKind.ORGANIZATION))
                .isEmpty();
    }

    @Test
    void givenAForceOfTheWholeJurisdiction_whenExtracted_thenToanTinhIsNoPartOfAName() {
        assertThat(names("Năm qua, Công an toàn tỉnh đã điều tra làm rõ 312 vụ án.", EntityKind.ORGANIZATION)).isEmpty();
        assertThat(names("Ủy ban An toàn giao thông Quốc gia đánh giá cao kết quả.", EntityKind.ORGANIZATION))
                .containsExactly("Ủy ban An toàn giao thông Quốc gia");
    }

    @Test
    void givenThePartysFullName_whenExtracted_thenItIsAnOrganizationAndBareDangIsNot() {
        assertThat(names("Thắng lợi đó có được nhờ sự lãnh đạo của Đảng Cộng sản Việt Nam.", EntityKind.ORGANIZATION))
                .containsExactly("Đảng Cộng sản Việt Nam");
        assertThat(names("Thắng lợi đó có được nhờ sự lãnh đạo của Đảng Cộng sản Việt Nam.", EntityKind.LOCATION)).isEmpty();
        assertThat(names("Đảng và Nhà nước luôn quan tâm.", EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void givenATitleWhoseLastWordsHeadTheBody_whenExtracted_thenTheBodyOpensThere_butARankInTheTitleOpensNothing() {
        assertThat(names("Bà Hà Thị Nga, Chánh Văn phòng UBND tỉnh Lạng Sơn, đọc quyết định.", EntityKind.ORGANIZATION))
                .containsExactly("Văn phòng UBND tỉnh Lạng Sơn");
        assertThat(names("Ông Tô Văn Lâm, Trưởng Đoàn ĐBQH tỉnh, phát biểu.", EntityKind.ORGANIZATION))
                .containsExactly("Đoàn ĐBQH tỉnh");
        assertThat(names("Phó Chủ tịch Thường trực UBND huyện Đức Phổ Lê Quang Vinh dự.", EntityKind.ORGANIZATION))
                .containsExactly("UBND huyện Đức Phổ");
        // the body goes on with a place's prefix in lower case
        assertThat(names("Ông Mai Xuân Trường, Chánh Thanh tra tỉnh Kon Tum, công bố kết luận.", EntityKind.ORGANIZATION))
                .containsExactly("Thanh tra tỉnh Kon Tum");
        assertThat(names("Ông Mai Xuân Trường, Chánh Thanh tra tỉnh Kon Tum, công bố kết luận.", EntityKind.LOCATION))
                .isEmpty();
    }

    @Test
    void givenABoardOfABody_whenExtracted_thenTheBoardIsTheName_andASchoolInsideKeepsTheNameOfItsPatron() {
        assertThat(names("Ban Giám đốc Công an tỉnh Tuyên Quang gặp mặt các điển hình.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Giám đốc Công an tỉnh Tuyên Quang");
        assertThat(names("Ban Giám hiệu Trường THCS Lê Quý Đôn trao quà.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Giám hiệu Trường THCS Lê Quý Đôn");
        assertThat(names("Ban Giám hiệu Trường THCS Lê Quý Đôn trao quà.", EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenAUnitNumberThenAnd_whenExtracted_thenTwoUnits_andSocietyIsNoCommune() {
        assertThat(names("Tiểu đoàn Cơ động số 2 và Kho K45 được tặng thưởng.", EntityKind.ORGANIZATION))
                .containsExactly("Tiểu đoàn Cơ động số 2", "Kho K45");
        assertThat(names("Đội Cảnh sát trật tự xã hội đã xử lý 12 vụ.", EntityKind.ORGANIZATION))
                .noneMatch(o -> o.endsWith("xã"));
    }

    @Test
    void givenAGrassrootsUnionAfterAnotherBody_whenExtracted_thenTheAndSeparatesThem() {
        assertThat(names("Cờ thi đua được trao cho Công đoàn Giáo dục và CĐCS Công ty CP Mía đường Sơn La.",
                EntityKind.ORGANIZATION)).containsExactly("Công đoàn Giáo dục", "CĐCS Công ty CP Mía đường Sơn La");
    }

    @Test
    void givenAnAmpersandInsideAName_andAHyphenWrittenWithoutSpacesBeforeATitle_whenExtracted_thenBothRead() {
        String raw = "Ông Trịnh Văn Hải-Giám đốc Sở Nông nghiệp & PTNT tỉnh Gia Lai phát biểu.";
        assertThat(names(raw, EntityKind.ORGANIZATION)).containsExactly("Sở Nông nghiệp & PTNT tỉnh Gia Lai");
        assertThat(names(raw, EntityKind.PERSON)).containsExactly("Trịnh Văn Hải");
    }

    @Test
    void givenYouthVolunteerUnits_whenExtracted_thenTNXPIsAnArmAndAHead() {
        assertThat(names("Đại đội TNXP 217 và lực lượng TNXP Hà Tĩnh dự lễ.", EntityKind.ORGANIZATION))
                .containsExactly("Đại đội TNXP 217", "TNXP Hà Tĩnh");
    }

    @Test
    void givenAProvincesStandardBodiesWithInnerAndOrTitleWords_whenExtracted_thenEachIsWhole() {
        assertThat(names("Văn phòng Đoàn ĐBQH và HĐND tỉnh, Hội Nhà báo tỉnh và Liên hiệp các Hội Văn học - Nghệ thuật "
                + "tỉnh nhận Bằng khen.", EntityKind.ORGANIZATION)).containsExactly("Văn phòng Đoàn ĐBQH và HĐND tỉnh",
                "Hội Nhà báo tỉnh", "Liên hiệp các Hội Văn học - Nghệ thuật tỉnh");
    }

    @Test
    void givenTheChairOfACompanysBoard_whenExtracted_thenTheCompanyIsTheBody() {
        assertThat(names("Bà Hồ Thị Kim Thoa, Chủ tịch HĐQT Công ty CP Điện Quang, nhận Bằng khen.", EntityKind.ORGANIZATION))
                .containsExactly("Công ty CP Điện Quang");
    }

    @Test
    void givenADegreeAfterABodysHead_whenExtracted_thenTheDegreeEndsTheName() {
        String raw = "Ông gặp Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân Cơ và CLB Hoàng Anh Gia Lai.";
        assertThat(names(raw, EntityKind.ORGANIZATION)).containsExactly("Bệnh viện Bạch Mai", "CLB Hoàng Anh Gia Lai");
        assertThat(names(raw, EntityKind.PERSON)).containsExactly("Đào Xuân Cơ");
    }

    @Test
    void givenATermAfterTheBody_whenExtracted_thenTheTermIsNoPartOfTheName() {
        assertThat(names("Kỳ họp thứ 12, HĐND thành phố khóa XV bế mạc. Ông từng là Ủy viên Ban Chấp hành Tỉnh đoàn khóa 9.",
                EntityKind.ORGANIZATION)).containsExactly("HĐND thành phố", "Ban Chấp hành Tỉnh đoàn");
    }

    @Test
    void givenAPlaceTwinnedWithAForeignNameByADash_whenExtracted_thenTheNameRunsThroughIt_butNotIntoAnotherBody() {
        assertThat(names("Ba học sinh Trường THPT chuyên Huế - Kyoto đoạt giải.", EntityKind.ORGANIZATION))
                .containsExactly("Trường THPT chuyên Huế - Kyoto");
        assertThat(names("Sở Y tế Đà Nẵng - Bệnh viện Đà Nẵng phối hợp điều trị.", EntityKind.ORGANIZATION))
                .containsExactly("Sở Y tế Đà Nẵng", "Bệnh viện Đà Nẵng");
    }

    @Test
    void givenTheBodiesOfSeveralLevelsInGeneral_whenExtracted_thenNoneIsNamed_butOneLevelAloneStillIs() {
        assertThat(names("UBND xã, phường, thị trấn chịu trách nhiệm thu phí.", EntityKind.ORGANIZATION)).isEmpty();
        assertThat(names("UBND huyện và xã Tân Lập phối hợp thu phí.", EntityKind.ORGANIZATION)).containsExactly("UBND huyện");
    }
}
