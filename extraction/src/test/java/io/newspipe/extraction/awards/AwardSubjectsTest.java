package io.newspipe.extraction.awards;

import io.newspipe.extraction.AwardMention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newspipe.extraction.awards.AwardTexts.awards;
import static io.newspipe.extraction.awards.AwardTexts.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who receives when the sentence says it once (rules 2.3.0): a subject said at the head of a sentence before its own
 * predicate, givers listed with commas, frames written without their comma, a giver said once for two clauses, staff
 * named as a pair, a flag named by its citation. Every sentence here is written for the test.
 */
class AwardSubjectsTest {

    @Test
    void givenASubjectSaidBeforeItsOwnPredicate_whenALaterClauseIsPassive_thenTheSubjectReceives() {
        List<AwardMention> found = awards("Trường Tiểu học Kim Đồng đạt chuẩn quốc gia mức độ 2, được Thủ tướng Chính phủ "
                + "tặng Bằng khen.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.conferrer()).isEqualTo("Thủ tướng Chính phủ");
            assertThat(m.recipients()).containsExactly("Trường Tiểu học Kim Đồng");
        });
    }

    @Test
    void givenASubjectSaidBeforeItsOwnPredicate_whenALaterClauseIsActiveWithoutObject_thenTheSubjectReceives() {
        AwardMention m = only("Năm 2019, Công đoàn Công ty Than Hà Lầm đạt vững mạnh xuất sắc, Liên đoàn Lao động tỉnh tặng "
                + "bằng khen.");
        assertThat(m.conferrer()).isEqualTo("Liên đoàn Lao động tỉnh");
        assertThat(m.recipients()).containsExactly("Công đoàn Công ty Than Hà Lầm");
    }

    @Test
    void givenAPresenterBeforeItsTitle_whenTheClauseAfterGivesAForm_thenThePresenterIsNoSubjectOfTheSentence() {
        // "Ông A, Chủ tịch UBND tỉnh trao …": an apposition, not a subject with a predicate of its own
        AwardMention m = only("Ông Lê Văn Tâm, Chủ tịch UBND tỉnh trao Bằng khen.");
        assertThat(m.recipients()).doesNotContain("Ông Lê Văn Tâm", "Lê Văn Tâm");
    }

    @Test
    void givenGiversListedWithCommas_whenPassive_thenTheSubjectBeforeDuocReceivesAndAllGiversConfer() {
        AwardMention m = only("Từ năm 2015 đến nay, Công ty Cổ phần Cấp nước Phú Thọ đã liên tục được Bộ Xây dựng, UBND tỉnh "
                + "tặng bằng khen.");
        assertThat(m.recipients()).containsExactly("Công ty Cổ phần Cấp nước Phú Thọ");
        assertThat(m.conferrer()).isEqualTo("Bộ Xây dựng, UBND tỉnh");
        assertThat(m.year()).as("the year a period began is no conferral's year").isNull();
    }

    @Test
    void givenAFrameWrittenWithoutItsComma_whenTheSubjectFollows_thenTheNamedInstitutionReceives() {
        AwardMention m = only("Qua 20 năm xây dựng và trưởng thành Trường THCS Lê Lợi 2 lần được tặng Bằng khen của Bộ Giáo "
                + "dục và Đào tạo.");
        assertThat(m.recipients()).containsExactly("Trường THCS Lê Lợi");
        AwardMention reason = only("Với những thành tích đạt được tập thể giáo viên và học sinh nhà trường được Chủ tịch nước "
                + "tặng Huân chương Lao động hạng Ba.");
        assertThat(reason.recipients()).noneMatch(r -> r.toLowerCase().startsWith("với"));
        assertThat(reason.recipients()).anyMatch(r -> r.startsWith("tập thể giáo viên") || r.startsWith("giáo viên"));
    }

    @Test
    void givenAGiverSaidOnce_whenTheClauseAfterASemicolonGivesAnotherForm_thenItHasTheSameConferrer() {
        List<AwardMention> found = awards("Ban Thường vụ Hội Cựu chiến binh tỉnh tặng cờ dẫn đầu phong trào thi đua cho Hội "
                + "Cựu chiến binh huyện Cẩm Xuyên; tặng bằng khen cho 3 tập thể và 15 cá nhân.");
        assertThat(found).extracting(AwardMention::award).containsExactly("cờ", "bằng khen");
        assertThat(found).extracting(AwardMention::conferrer).containsOnly("Ban Thường vụ Hội Cựu chiến binh tỉnh");
        assertThat(found.get(0).recipients()).containsExactly("Hội Cựu chiến binh huyện Cẩm Xuyên");
        assertThat(found.get(1).recipients()).containsExactly("3 tập thể và 15 cá nhân");
    }

    @Test
    void givenAFlagFollowedByItsCitation_whenRead_thenTheCitationIsNoRecipient() {
        List<AwardMention> found = awards("Trường Mầm non Sơn Ca 3 năm liền được UBND tỉnh tặng cờ thi đua Đơn vị dẫn đầu.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.award()).isEqualTo("cờ thi đua");
            assertThat(m.recipients()).containsExactly("Trường Mầm non Sơn Ca");
        });
        assertThat(only("Tổng công ty tặng Cờ nhì cho Phân xưởng Khai thác 3.").award()).isEqualTo("Cờ nhì");
    }

    @Test
    void givenStaffNamedAsAPair_whenTheyReceive_thenTheGroupIsWholeAndAGradeIsNoRecipient() {
        AwardMention m = only("- 24 lượt tập thể và 95 lượt cán bộ, chiến sĩ được tặng thưởng Huân chương Chiến công các hạng.");
        assertThat(m.recipients()).containsExactly("24 lượt tập thể và 95 lượt cán bộ, chiến sĩ");
        assertThat(m.recipientCount()).isEqualTo(119);
    }

    @Test
    void givenABulletBeforeTheSubject_whenRead_thenTheMarkIsNoPartOfTheRecipient() {
        AwardMention m = only("- Sư đoàn được tặng thưởng Huân chương Quân công hạng Nhì (1985).");
        assertThat(m.recipients()).containsExactly("Sư đoàn");
        assertThat(m.year()).isEqualTo(1985);
    }

    @Test
    void givenTheVerbTuyenDuong_whenATitleFollows_thenItIsAConferral() {
        AwardMention m = only("Năm 1976, Tiểu đoàn 8 được Nhà nước tuyên dương danh hiệu Anh hùng Lực lượng vũ trang nhân dân.");
        assertThat(m.award()).isEqualTo("Anh hùng Lực lượng vũ trang nhân dân");
        assertThat(m.conferrer()).isEqualTo("Nhà nước");
        assertThat(m.recipients()).containsExactly("Tiểu đoàn 8");
        assertThat(m.year()).isEqualTo(1976);
    }
    @Test
    void givenANumberedHeadingThatNamesWhoseAchievements_whenItsBulletsNameNoRecipient_thenTheHolderReceives() {
        List<AwardMention> found = awards("2. Thành tích nổi bật của nhà trường:\n"
                + "- Năm 2011-2012 được Sở Giáo dục và Đào tạo tặng giấy khen.\n"
                + "- Năm 2015 được UBND tỉnh tặng bằng khen.");
        assertThat(found).extracting(AwardMention::award).containsExactly("giấy khen", "bằng khen");
        assertThat(found).allSatisfy(m -> assertThat(m.recipients()).containsExactly("nhà trường"));
        assertThat(found).extracting(AwardMention::year).containsExactly(2011, 2015);
    }

    @Test
    void givenAUnitHeadThenHowOften_whenReferredBack_thenTheCountIsNoNumberOfTheUnit() {
        List<AwardMention> found = awards("Sư đoàn 312 có bề dày truyền thống. Năm 2005, Sư đoàn 02 lần được Nhà nước tặng "
                + "Huân chương Quân công hạng Nhất.");
        assertThat(found).singleElement().satisfies(m -> assertThat(m.recipients()).doesNotContain("Sư đoàn 02"));
    }

    @Test
    void givenANamedRecipientRightAfterTheGivingVerbWithoutCho_whenTheFormFollows_thenTheNameReceives() {
        AwardMention company = only("Thừa ủy quyền Chủ tịch nước, Phó Chủ tịch UBND tỉnh trao tặng Cty CP Chè Mộc Châu Huân "
                + "chương Lao động hạng Ba.");
        assertThat(company.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(company.recipients()).containsExactly("Cty CP Chè Mộc Châu");
        AwardMention person = only("Giám đốc Sở Giáo dục trao tặng Nguyễn Thị Lan Giấy khen.");
        assertThat(person.recipients()).containsExactly("Nguyễn Thị Lan");
        // a lower-case word after the verb names no recipient: "trao tặng thưởng" is the verb itself
        AwardMention noName = only("Bộ trưởng trao tặng thưởng Bằng khen cho Trường Tiểu học Hòa Bình.");
        assertThat(noName.recipients()).containsExactly("Trường Tiểu học Hòa Bình");
    }

    @Test
    void givenATitledPersonRightAfterTheGivingVerb_whenTheFormFollows_thenThePersonReceives() {
        AwardMention m = only("Thay mặt Nhà nước Campuchia, Quốc vương đã trao tặng Thủ tướng Phạm Minh Quân Huân chương "
                + "Hữu nghị.");
        assertThat(m.recipients()).singleElement().asString().endsWith("Phạm Minh Quân");
    }

    @Test
    void givenTwoConferralVerbsJoinedByAComma_whenPassive_thenTheSubjectReceivesAndTheAgentHoldsNoVerb() {
        AwardMention m = only("Năm 1978, Đại đội 3 được Nhà nước phong tặng, truy tặng danh hiệu Anh hùng Lực lượng vũ trang "
                + "nhân dân.");
        assertThat(m.recipients()).containsExactly("Đại đội 3");
        assertThat(m.conferrer()).isEqualTo("Nhà nước");
    }

    @Test
    void givenATitleBeforeACommaAndADegree_whenNoVerbGivesIt_thenItDescribesThePersonAndIsNoConferral() {
        assertThat(awards("Phát biểu tại lễ, nhà giáo ưu tú, PGS-TS Đỗ Văn Minh, Hiệu trưởng Trường Đại học Tây Bắc, "
                + "cảm ơn các thế hệ thầy cô.")).isEmpty();
    }

    @Test
    void givenThePartyAndStateAsGiversListedWithACommaInThePassive_whenRead_thenTheSubjectBeforeDuocReceives() {
        List<AwardMention> found = awards("Xã Quỳnh Đôi vinh dự được Đảng, Nhà nước tặng thưởng danh hiệu Anh hùng Lao động, "
                + "Huân chương Độc lập hạng Ba.");
        assertThat(found).hasSize(2).allSatisfy(m -> assertThat(m.recipients()).containsExactly("Xã Quỳnh Đôi"));
    }

    @Test
    void givenADatelineAndADayBeforeTheHostOfTheCeremony_whenTheReceivingClauseFollows_thenTheHostReceives() {
        AwardMention m = only("HÀ TĨNH - Ngày 12.3, xã Thạch Kim (huyện Lộc Hà) đã tổ chức Lễ kỷ niệm 60 năm thành lập xã, "
                + "đón nhận Huân chương Lao động hạng Ba.");
        assertThat(m.recipients()).singleElement().asString().startsWith("xã Thạch Kim");
    }

    @Test
    void givenListedRecipientsWithAddressesInBrackets_whenSplit_thenTheCommasInsideTheBracketsSplitNothing() {
        AwardMention m = only("Được phong tặng danh hiệu Nghệ nhân ưu tú gồm ông Lê Văn Hào (xã Sơn Kim, huyện Hương Sơn), "
                + "bà Phan Thị Lụa (phường Trung Lương, thị xã Hồng Lĩnh).");
        assertThat(m.recipients()).containsExactly("Lê Văn Hào", "Phan Thị Lụa");
    }

    @Test
    void givenAPronounAfterTwoYearsOfTheFrame_whenThePersonWasNamedBefore_thenThePersonReceives() {
        AwardMention m = only("Chị Lường Thị Vân là thợ may của công ty. Năm 2022, 2023 chị liên tục đạt danh hiệu Chiến sĩ "
                + "thi đua cơ sở.");
        assertThat(m.recipients()).containsExactly("Lường Thị Vân");
    }

    @Test
    void givenAShareWithADecimalComma_whenItReceivesATitle_thenTheCommaSplitsNoClause() {
        List<AwardMention> found = awards("Năm 2024, toàn ngành có 76% công nhân đạt danh hiệu Lao động tiên tiến, 12,5% đạt "
                + "danh hiệu Chiến sĩ thi đua cơ sở.");
        assertThat(found).extracting(m -> m.recipients().get(0)).last().asString().startsWith("12,5%");
    }

    @Test
    void givenACaptionNotingWhereEachPersonStands_whenRead_thenBothPersonsReceive() {
        assertThat(only("Thượng tá Bùi Đức Lâm (trái) và Trung tá Vi Văn Sáng (phải) nhận Huân chương Chiến công hạng Ba.")
                .recipients()).containsExactly("Bùi Đức Lâm", "Vi Văn Sáng");
        assertThat(only("Bà Lò Thị Xuân (thứ hai từ trái sang) nhận Bằng khen của Bộ trưởng Bộ Y tế.").recipients())
                .containsExactly("Lò Thị Xuân");
    }
    @Test
    void givenANoteInBracketsAfterTheSubject_whenItReceives_thenTheNameWithoutTheNoteReceives() {
        AwardMention place = only("Năm nay, bà Trần Thị Lụa (xã Hòa Bình) được nhận Bằng khen của UBND tỉnh.");
        assertThat(place.recipients()).containsExactly("Trần Thị Lụa");
        AwardMention renamed = only("Năm 1998, Ty Công an Hà Tuyên (nay là Công an tỉnh Tuyên Quang) đã được Chủ tịch nước "
                + "tặng Huân chương Quân công hạng Ba.");
        assertThat(renamed.recipients()).containsExactly("Ty Công an Hà Tuyên");
        AwardMention span = only("Bệnh viện Đa khoa tỉnh Yên Bái tổ chức lễ kỷ niệm 60 năm thành lập (1965 - 2025) và đón "
                + "nhận Huân chương Lao động hạng Nhì.");
        assertThat(span.recipients()).containsExactly("Bệnh viện Đa khoa tỉnh Yên Bái");
    }

    @Test
    void givenRecipientsIntroducedByDoLa_whenEachClauseNamesAForm_thenThePersonsReceive() {
        List<AwardMention> found = awards("Đó là ông Lò Văn Pó (huyện Mai Sơn) được nhận Huân chương Lao động hạng Ba; bà "
                + "Cầm Thị Xuân (huyện Mộc Châu) nhận bằng khen của Thủ tướng Chính phủ.");
        assertThat(found).extracting(AwardMention::recipients)
                .containsExactly(List.of("Lò Văn Pó"), List.of("Cầm Thị Xuân"));
    }

    @Test
    void givenAFirstPassiveWhoseGiversRunPastTheComma_whenASecondPassiveGivesTheForm_thenTheSubjectAloneReceives() {
        AwardMention m = only("Trường THPT Nguyễn Trãi đã vinh dự được Bộ Giáo dục, Công đoàn ngành tặng nhiều bằng khen, "
                + "được Thủ tướng Chính phủ tặng Cờ thi đua năm 2021.");
        assertThat(m.award()).isEqualTo("Cờ thi đua");
        assertThat(m.recipients()).containsExactly("Trường THPT Nguyễn Trãi");
    }
    @Test
    void givenACountedGroupThenWhatItContributed_whenThePassiveFollows_thenTheGroupReceives() {
        List<AwardMention> found = awards("5 tập thể có thành tích xuất sắc trong phong trào thi đua, góp phần vào sự nghiệp "
                + "phát triển kinh tế - xã hội của tỉnh đã được Thủ tướng Chính phủ tặng Bằng khen.");
        assertThat(found).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("5 tập thể"));
    }
}
