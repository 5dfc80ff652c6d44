package io.newspipe.extraction.awards;

import io.newspipe.extraction.AwardMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.newspipe.extraction.awards.AwardTexts.awards;
import static io.newspipe.extraction.awards.AwardTexts.only;
import static org.assertj.core.api.Assertions.assertThat;

class AwardExtractorTest {

    @Test
    void givenAPositionWithoutANameHandingOverItsOwnForm_whenRead_thenItIsTheConferrer_butNotForAStateMedal() {
        assertThat(only("Giám đốc Công an tỉnh trao Giấy khen cho 25 tập thể có thành tích xuất sắc.").conferrer())
                .isEqualTo("Giám đốc Công an tỉnh");
        AwardMention medal = only("Trung tướng Hoàng Văn Thái, Thứ trưởng Bộ Công an trao Huy chương Chiến sĩ vẻ vang hạng "
                + "Nhất cho 20 cán bộ.");
        assertThat(medal.conferrer()).isNull();
        assertThat(medal.presenter()).isEqualTo("Hoàng Văn Thái");
    }

    @Test
    void givenCountedGroupsJoinedByACommaBeforeThePassiveVerb_whenRead_thenAllGroupsAreTheRecipients() {
        AwardMention passive = only("Nhân dịp này, 9 tập thể, 31 cá nhân được Chủ tịch UBND huyện tặng Giấy khen.");
        assertThat(passive.recipients()).containsExactly("9 tập thể, 31 cá nhân");
        assertThat(passive.conferrer()).isEqualTo("Chủ tịch UBND huyện");
        assertThat(only("Năm 2023, 12 tập thể, 45 cá nhân nhận Bằng khen của UBND tỉnh.").recipients())
                .containsExactly("12 tập thể, 45 cá nhân");
        // a time before the groups is not one of them
        assertThat(only("Năm 2022, 3 đơn vị được tặng Cờ thi đua của UBND tỉnh.").recipients())
                .containsExactly("3 đơn vị");
    }

    @Test
    void givenCountedGroupsBeforeAGivingVerbWithoutDuoc_whenRead_thenTheyReceiveAndNoneOfThemGives() {
        List<AwardMention> found = awards("Trong 5 năm, 4.222 tập thể, 19.729 cá nhân tặng bằng khen, giấy khen của "
                + "các cấp.");
        assertThat(found).extracting(AwardMention::award).containsExactly("bằng khen", "giấy khen");
        assertThat(found).allSatisfy(a -> {
            assertThat(a.recipients()).containsExactly("4.222 tập thể, 19.729 cá nhân");
            assertThat(a.conferrer()).isNull();
        });
        // a named body before the same verb still gives it
        AwardMention given = only("UBND tỉnh tặng Bằng khen cho 5 tập thể, 12 cá nhân.");
        assertThat(given.conferrer()).isEqualTo("UBND tỉnh");
        assertThat(given.recipients()).containsExactly("5 tập thể, 12 cá nhân");
    }

    @Test
    void givenABareOrderHandedToTheNamedOrdersRecipientAgain_whenMerged_thenOneConferralWithTheGiversAuthority() {
        List<AwardMention> found = awards("Sáng 9/4, Lữ đoàn 162 đón nhận Huân chương Chiến công hạng Nhì.\n\n"
                + "Thừa ủy quyền của Chủ tịch nước, Trung tướng Phạm Văn Hòa trao Huân chương cho đơn vị.");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).award()).isEqualTo("Huân chương Chiến công hạng Nhì");
        assertThat(found.get(0).recipients()).contains("Lữ đoàn 162");
        assertThat(found.get(0).conferrer()).isEqualTo("Chủ tịch nước");
        // a bare order for other recipients is no restatement
        assertThat(awards("Lữ đoàn 162 đón nhận Huân chương Chiến công hạng Nhì. Dịp này, Chủ tịch nước tặng Huân chương "
                + "cho 3 cá nhân.")).hasSize(2);
    }

    @Test
    void givenListItemsSeparatedBySemicolonsWhoseAuthorityHasAnInnerAnd_whenRead_thenEachItemKeepsItsOwnRecipients() {
        List<AwardMention> found = awards("Các tập thể, cá nhân được khen thưởng gồm: Bằng khen của Bộ trưởng Bộ Nông nghiệp "
                + "và Phát triển nông thôn cho 6 hợp tác xã; Giấy khen của Giám đốc Sở Tài chính cho 9 công chức.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Bằng khen", "Giấy khen");
        assertThat(found.get(0).conferrer()).isEqualTo("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn");
        assertThat(found.get(0).recipients()).containsExactly("6 hợp tác xã");
        assertThat(found.get(1).recipients()).containsExactly("9 công chức");
    }

    @Test
    void givenAMinistryWhoseNameHasACommaOrAnInnerAnd_whenItConfers_thenTheWholeNameIsTheConferrer() {
        assertThat(only("Thừa ủy quyền, ông Lê Hoàng Phúc trao Bằng khen của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch "
                + "cho 7 nghệ nhân.").conferrer()).isEqualTo("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch");
        List<AwardMention> found = awards("Chị Đỗ Thị Hạnh được tặng Bằng khen của Bộ trưởng Bộ Lao động - Thương binh và "
                + "Xã hội, Giấy khen của Giám đốc Sở Y tế.");
        assertThat(found).extracting(AwardMention::conferrer)
                .containsExactly("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", "Giám đốc Sở Y tế");
        // a comma after a body that is no central body's name still ends the authority
        assertThat(only("Anh Vũ Văn Khải nhận Bằng khen của Bộ trưởng Bộ Y tế, Thể thao cùng 20 đồng nghiệp.").conferrer())
                .isEqualTo("Bộ trưởng Bộ Y tế");
    }

    @Test
    void givenANamedPersonDescribedInLowerCaseBeforeTheVerb_whenRead_thenThePersonReceives() {
        assertThat(only("Cô Phan Thị Thu Hà, y sĩ Trạm Y tế xã Đồng Lạc được tặng Giấy khen của Giám đốc Sở Y tế.")
                .recipients()).containsExactly("Phan Thị Thu Hà");
        assertThat(only("Ông Lò Văn Khánh, trưởng bản Nà Tăm vinh dự nhận Bằng khen của Chủ tịch UBND tỉnh.").recipients())
                .containsExactly("Lò Văn Khánh");
        // a body described after its name is left as it was read
        assertThat(only("Năm 2021, Hợp tác xã Tân Lập được tặng Cờ thi đua của UBND tỉnh.").recipients())
                .containsExactly("Hợp tác xã Tân Lập");
    }

    @Test
    void givenASecondPassiveOpenedByAConjunction_whenRead_thenItSharesTheFirstSubject() {
        List<AwardMention> found = awards("Năm 2020, Trạm Kiểm lâm Mường Lát được Chi cục Kiểm lâm tặng Giấy khen và được "
                + "UBND huyện tặng Bằng khen.");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chi cục Kiểm lâm", "UBND huyện");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Trạm Kiểm lâm Mường Lát"));
    }

    @Test
    void givenCountedFormsOfTwoGiversAfterOneSubject_whenRead_thenTheCountIsNoRecipient() {
        List<AwardMention> found = awards("Qua 20 năm, Ban Dân tộc tỉnh được Chủ tịch nước tặng 2 Huân chương Lao động hạng "
                + "Ba; Thủ tướng Chính phủ tặng 7 Bằng khen.");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chủ tịch nước", "Thủ tướng Chính phủ");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Ban Dân tộc tỉnh"));
        assertThat(awards("Từ 2015, Hội Cựu chiến binh được Nhà nước tặng 1 Huân chương Độc lập và Bộ Quốc phòng tặng "
                + "9 Bằng khen.")).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Hội Cựu chiến binh"));
    }

    @Test
    void givenALeadWithAClasslessOrderThenItsClasses_whenMerged_thenOnlyTheClassesRemain() {
        List<AwardMention> found = awards("Chủ tịch nước tặng thưởng Huân chương Bảo vệ Tổ quốc cho tập thể, cá nhân thuộc Bộ "
                + "Chỉ huy Quân sự tỉnh.\n\nHuân chương Bảo vệ Tổ quốc hạng Nhì được trao cho Ban Tác chiến.\n\n"
                + "Huân chương Bảo vệ Tổ quốc hạng Ba được trao cho Thượng tá Đinh Công Tráng.");
        assertThat(found).extracting(AwardMention::award)
                .containsExactly("Huân chương Bảo vệ Tổ quốc hạng Nhì", "Huân chương Bảo vệ Tổ quốc hạng Ba");
        assertThat(found).extracting(AwardMention::conferrer).containsOnly("Chủ tịch nước");
        // a caption's bare form before the decision that names it, given to the same group
        List<AwardMention> caption = awards("Trao Kỷ niệm chương cho 6 đồng chí. Ảnh: Hải Nam\n\nGiám đốc Sở Tư pháp có quyết "
                + "định tặng Kỷ niệm chương Vì sự nghiệp Tư pháp cho 6 đồng chí công tác tại các phòng tư pháp.");
        assertThat(caption).extracting(AwardMention::award).containsExactly("Kỷ niệm chương Vì sự nghiệp Tư pháp");
    }

    @Test
    void givenACountedGroupNamedAfterGomOrLaWithoutAColon_whenRead_thenTheNamesAreTheRecipients() {
        assertThat(only("Hai tập thể được tặng Cờ thi đua của UBND tỉnh là Trường THCS Lý Tự Trọng và Trường Tiểu học Hòa "
                + "Bình.").recipients()).containsExactly("Trường THCS Lý Tự Trọng", "Trường Tiểu học Hòa Bình");
        assertThat(only("Ba đơn vị được tặng Huân chương Chiến công hạng Ba gồm Đồn Biên phòng Sà Phìn; Trung đoàn 741, Bộ "
                + "Chỉ huy Quân sự tỉnh; Trạm Kiểm soát Biên phòng Cửa khẩu Thanh Thủy.").recipients())
                .containsExactly("Đồn Biên phòng Sà Phìn", "Trung đoàn 741, Bộ Chỉ huy Quân sự tỉnh",
                        "Trạm Kiểm soát Biên phòng Cửa khẩu Thanh Thủy");
        // a collective with a lower-case second noun is one name
        assertThat(only("Hai tập thể được tặng Bằng khen là Nhân dân và cán bộ xã Tam Thanh, Nhân dân và cán bộ xã Tam Hải.")
                .recipients()).containsExactly("Nhân dân và cán bộ xã Tam Thanh", "Nhân dân và cán bộ xã Tam Hải");
        // "là" before a description names nobody
        assertThat(only("Năm 2021, 5 tập thể được tặng Bằng khen, đây là phần thưởng cao quý.").recipients())
                .containsExactly("5 tập thể");
    }

    @Test
    void givenASubjectFollowedByPositionAppositions_whenRead_thenTheNamedPeopleAndBodiesReceive() {
        assertThat(only("Theo Quyết định số 845/QĐ-CTN, Liệt sĩ, Thượng úy Hà Văn Khiêm, nguyên Đội trưởng Đội Trinh sát, "
                + "Đồn Biên phòng Na Mèo, được truy tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân.").recipients())
                .containsExactly("Hà Văn Khiêm");
        assertThat(only("Các tập thể Phòng PC06, Đội Điều tra tổng hợp và Trung tá Bùi Văn Dũng, Trưởng Công an huyện; Đại "
                + "úy Trịnh Thị Nga, cán bộ Phòng PA08, Công an tỉnh Ninh Bình đón nhận Bằng khen của Bộ trưởng Bộ Công an.")
                .recipients()).contains("Bùi Văn Dũng", "Trịnh Thị Nga").doesNotContain("Công an tỉnh Ninh Bình");
        // a time before a body is no apposition chain
        assertThat(only("Năm 2020, Công an tỉnh Thái Bình được tặng Cờ thi đua của Chính phủ.").recipients())
                .containsExactly("Công an tỉnh Thái Bình");
    }

    @Test
    void givenOneFormInTwoDecisions_whenMerged_thenTwoConferrals() {
        List<AwardMention> found = awards("Theo Quyết định số 120/QĐ-CTN, Lữ đoàn 573 được phong tặng danh hiệu Anh hùng Lực "
                + "lượng vũ trang nhân dân.\n\nTheo Quyết định số 121/QĐ-CTN, Đại tá Lương Văn Phú được phong tặng danh hiệu "
                + "Anh hùng Lực lượng vũ trang nhân dân.");
        assertThat(found).extracting(AwardMention::recipients)
                .containsExactly(List.of("Lữ đoàn 573"), List.of("Lương Văn Phú"));
    }

    @Test
    void givenATitleSpelledWithY_whenRead_thenItIsTheSameTitle() {
        assertThat(only("Năm 2023, 41 cá nhân được tặng danh hiệu Chiến sỹ thi đua cơ sở.").award())
                .isEqualTo("Chiến sỹ thi đua cơ sở");
    }

    @Test
    void givenItemsAfterAProposalVerbWithNoVerbOfTheirOwn_whenRead_thenNoneIsConferred() {
        assertThat(awards("Hội đồng đề nghị tặng Cờ thi đua của UBND tỉnh cho 2 tập thể; Bằng khen của Chủ tịch UBND tỉnh "
                + "cho 14 cá nhân; danh hiệu Chiến sĩ thi đua cấp tỉnh cho 3 cá nhân.")).isEmpty();
        // a decision's preamble "theo đề nghị của …" proposes nothing; a colon after a proposal starts what was decided
        assertThat(awards("Theo đề nghị của Sở Nội vụ, Chủ tịch UBND tỉnh quyết định tặng Cờ thi đua cho 5 đơn vị; Bằng khen "
                + "cho 10 tập thể.")).hasSize(2);
        assertThat(awards("Sau khi xét hồ sơ các cá nhân đề nghị khen thưởng, Hội đồng thống nhất: tặng Giấy khen cho 40 cá "
                + "nhân; danh hiệu Lao động tiên tiến cho 120 cá nhân.")).hasSize(2);
    }

    @Test
    void givenAGoalForTheComingYears_whenRead_thenNothingIsConferred() {
        assertThat(awards("Giai đoạn 2025-2030, ngành phấn đấu hằng năm có 80% đơn vị đạt danh hiệu Tập thể lao động tiên "
                + "tiến; 10 đơn vị đạt danh hiệu Tập thể lao động xuất sắc.")).isEmpty();
    }

    @Test
    void givenANamedListThatGoesOnWithWhatTheyDid_whenRead_thenOnlyTheNamesAreRecipients() {
        assertThat(only("Tại buổi lễ, 2 tập thể nhận Cờ thi đua của Bộ Giáo dục và Đào tạo gồm Trường Tiểu học Hòa Lạc (huyện "
                + "Nam Đàn), Trường THCS Kim Liên đã hoàn thành xuất sắc, toàn diện nhiệm vụ năm học.").recipients())
                .containsExactly("Trường Tiểu học Hòa Lạc (huyện Nam Đàn)", "Trường THCS Kim Liên");
        assertThat(only("Bên cạnh đó, 2 tập thể là Trường Mầm non Hoa Mai, Trường Tiểu học Kim Đồng và 12 cá nhân nhận Bằng "
                + "khen của Thủ tướng Chính phủ.").recipients())
                .containsExactly("Trường Mầm non Hoa Mai", "Trường Tiểu học Kim Đồng", "12 cá nhân");
    }

    @Test
    void givenListItemsUnderAnIntroNamingTheHolder_whenRead_thenTheHolderReceivesEachItem() {
        List<AwardMention> found = awards("Những thành tích của Bệnh viện Đa khoa huyện Yên Thành:\n"
                + "- Huân chương Lao động hạng Ba (năm 2012).\n- Cờ thi đua của UBND tỉnh (năm 2019).");
        assertThat(found).hasSize(2).allSatisfy(a -> assertThat(a.recipients())
                .containsExactly("Bệnh viện Đa khoa huyện Yên Thành"));
        assertThat(only("5 năm qua Hội Nông dân huyện được UBND tỉnh tặng Cờ thi đua.").recipients())
                .containsExactly("Hội Nông dân huyện");
    }

    @Test
    void givenPeopleWhosePositionsFollowAfterDashes_whenRead_thenThePeopleReceiveNotTheEarlierClause() {
        List<AwardMention> found = awards("Đóng góp vào thành tích chung, ông Lê Quang Vinh – chủ tịch HĐQT – TGĐ công ty cũng "
                + "đã vinh dự được Nhà nước tặng Huân chương Lao động hạng Ba, các ông Trần Minh Đức TGĐ công ty con và ông Hồ Sĩ "
                + "Lâm – Trưởng phòng Kỹ thuật Công ty vinh dự được nhận Bằng khen của Bộ trưởng Bộ Xây dựng.");
        assertThat(found).extracting(AwardMention::recipients)
                .containsExactly(List.of("Lê Quang Vinh"), List.of("Trần Minh Đức", "Hồ Sĩ Lâm"));
    }

    @Test
    void givenFormsListedAfterAColonThatClosesAReceivingClause_whenRead_thenItsSubjectReceivesThem() {
        List<AwardMention> found = awards("Trong những năm qua Công ty Than Hà Tu cũng là doanh nghiệp nhận được nhiều phần "
                + "thưởng cao quý của Đảng, Nhà nước trao tặng như: Huân chương Lao động hạng Ba, Cờ thi đua của Bộ Công Thương.");
        assertThat(found).hasSize(2).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Công ty Than Hà Tu"));
    }

    @Test
    void givenACaptionGivingAFormToAGenericGroup_whenMerged_thenItRestatesTheBodysConferral() {
        List<AwardMention> found = awards("Lãnh đạo tỉnh trao bằng khen cho các hợp tác xã. Ảnh: Thu Hà\n\nNăm 2024, 35 hợp tác "
                + "xã được Chủ tịch UBND tỉnh tặng Bằng khen, 12 hợp tác xã được Giám đốc Sở Nông nghiệp tặng Giấy khen.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Bằng khen", "Giấy khen");
        assertThat(found.get(0).recipients()).containsExactly("35 hợp tác xã");
    }

    @Test
    void givenAYearByYearRecordUnderAnIntro_whenRead_thenEachYearIsAConferralToTheHolder() {
        List<AwardMention> found = awards("Các danh hiệu, phần thưởng Trường Mầm non Họa Mi đã đạt được:\n"
                + "Năm 2017: Bằng khen của Chủ tịch UBND tỉnh.\nNăm 2021: Cờ thi đua của Bộ Giáo dục và Đào tạo.");
        assertThat(found).extracting(AwardMention::year).containsExactly(2017, 2021);
        assertThat(found).extracting(AwardMention::conferrer)
                .containsExactly("Chủ tịch UBND tỉnh", "Bộ Giáo dục và Đào tạo");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Trường Mầm non Họa Mi"));
    }

    @Test
    void givenABlockOfARecordHeadedByItsAuthority_whenRead_thenTheAuthorityConfersItsItems() {
        List<AwardMention> found = awards("Khen thưởng của Trung ương Hội Nông dân Việt Nam: Cờ thi đua cho Hội Nông dân huyện "
                + "Đô Lương (năm 2019); Bằng khen cho 8 cá nhân.");
        assertThat(found).extracting(AwardMention::conferrer).containsOnly("Trung ương Hội Nông dân Việt Nam");
        List<AwardMention> lines = awards("Thành tích của Hợp tác xã Đồng Tiến:\n1. Phần thưởng của Nhà nước:\n"
                + "- Huân chương Lao động hạng Ba (năm 2012).");
        assertThat(lines).singleElement().satisfies(a -> {
            assertThat(a.conferrer()).isEqualTo("Nhà nước");
            assertThat(a.recipients()).containsExactly("Hợp tác xã Đồng Tiến");
        });
    }

    @Test
    void givenYearLinesOfARecordWithoutVerbs_whenRead_thenEachFormOfEachYearIsAConferral() {
        List<AwardMention> found = awards("- Năm 2011: Tập thể lao động xuất sắc. Được Sở Y tế tặng Giấy khen.\n"
                + "- Năm 2012: Tập thể lao động xuất sắc. Bằng khen UBND tỉnh.");
        assertThat(found).extracting(AwardMention::award)
                .containsExactly("Tập thể lao động xuất sắc", "Giấy khen", "Tập thể lao động xuất sắc", "Bằng khen");
        assertThat(found).extracting(AwardMention::year).containsExactly(2011, 2011, 2012, 2012);
    }

    @Test
    void givenClassesAfterAnOrderWithItsNameLeftOut_whenRead_thenEachClassIsAnOrderOfItsOwn() {
        List<AwardMention> found = awards("Với những thành tích đó, Bệnh viện Bạch Mai đã được Nhà nước tặng thưởng các phần "
                + "thưởng cao quý:\n• Huân chương Lao động hạng Ba (1985), hạng Nhì (1995), hạng Nhất (2005)");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Ba",
                "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhất");
        assertThat(found).extracting(AwardMention::year).containsExactly(1985, 1995, 2005);
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Bệnh viện Bạch Mai"));
    }

    @Test
    void givenCountedFormsAfterAnAgentWithCommas_whenRead_thenThePassiveSubjectReceivesThem() {
        List<AwardMention> found = awards("Qua 30 năm, lực lượng Phòng cháy chữa cháy tỉnh được Đảng, Nhà nước và các cấp, các "
                + "ngành tặng thưởng 1 Huân chương Chiến công hạng Nhì, 3 Huân chương Bảo vệ Tổ quốc hạng Ba.");
        assertThat(found).hasSize(2).allSatisfy(a -> assertThat(a.recipients())
                .containsExactly("lực lượng Phòng cháy chữa cháy tỉnh"));
    }

    @Test
    void givenACountRightBeforeAPersonsTitle_whenRead_thenTheCountedHoldersReceiveIt() {
        assertThat(only("Trong 5 năm, nhà trường có 64 chiến sĩ thi đua cơ sở được công nhận.").recipients())
                .containsExactly("64 chiến sĩ thi đua cơ sở");
    }

    @Test
    void givenTwoFlagsWithTheirOwnQuotedTitlesFromOneMinistry_whenRead_thenTwoConferralsAndTheMinistryAlone() {
        List<AwardMention> found = awards("Ngoài ra, Bộ Quốc phòng còn tặng cờ “Đơn vị dẫn đầu phong trào thi đua Quyết thắng” "
                + "và cờ “Đơn vị xuất sắc phong trào thi đua huấn luyện”.");
        assertThat(found).hasSize(2);
        assertThat(found).extracting(AwardMention::conferrer).containsOnly("Bộ Quốc phòng");
    }

    @Test
    void givenADurationOpeningACoordinatedPredicate_whenRead_thenItSharesTheSubject() {
        List<AwardMention> found = awards("Đồn Biên phòng Cà Roòng được Chủ tịch nước tặng Huân chương Chiến công hạng Ba và 12 "
                + "năm đạt danh hiệu “Đơn vị quyết thắng”.");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Đồn Biên phòng Cà Roòng"));
    }

    @Test
    void givenLinesThatEachOpenWithTheirForm_whenRead_thenEachLineIsAConferral() {
        List<AwardMention> found = awards("Bằng khen do UBND tỉnh khen tặng (Quyết định số 120/QĐ-UBND, ngày 02/3/2012).\n"
                + "Bằng khen do Bộ trưởng Bộ Y tế khen tặng năm 2014.\nCờ thi đua do UBND tỉnh tặng năm 2016.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Bằng khen", "Bằng khen", "Cờ thi đua");
    }

    @Test
    void givenATableOfTitlesByYearAfterTheHoldersStatement_whenRead_thenEachRowGoesToTheHolder() {
        List<AwardMention> found = awards("Trung tâm Y tế Hòa Vang luôn hoàn thành tốt nhiệm vụ và đã được tặng nhiều phần "
                + "thưởng: Bằng khen của Bộ trưởng Bộ Y tế.\nNăm | Danh hiệu | Quyết định |\n"
                + "2018 | Tập thể Lao động xuất sắc | Quyết định số 12/QĐ-UBND ngày 20/01/2019 của UBND thành phố |\n"
                + "2019 | Tập thể Lao động xuất sắc | Quyết định số 30/QĐ-UBND ngày 21/01/2020 của UBND thành phố |");
        assertThat(found).extracting(AwardMention::year).containsExactly(null, 2018, 2019);
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Trung tâm Y tế Hòa Vang"));
    }

    @Test
    void givenABlockLabelledByWhoReceived_whenRead_thenTheLabelIsTheRecipient() {
        List<AwardMention> found = awards("* Tập thể : 14 bằng khen của UBND tỉnh; 2 Cờ thi đua của Bộ Y tế.");
        assertThat(found).hasSize(2).allSatisfy(a -> assertThat(a.recipients()).containsExactly("Tập thể"));
    }

    @Test
    void givenAGenericGroupOpeningTheSentenceBeforeTheCountedConferrals_whenMerged_thenItRestatesThem() {
        List<AwardMention> found = awards("Nhiều tập thể và cá nhân đã được nhận bằng khen. Dịp này, 9 đơn vị được Bộ Y tế "
                + "tặng bằng khen.");
        assertThat(found).singleElement().satisfies(a -> assertThat(a.recipients()).containsExactly("9 đơn vị"));
    }

    @Test
    void givenTheSameFormForTwoDifferentCountedGroups_whenMerged_thenTwoConferrals() {
        List<AwardMention> found = awards("Chủ tịch UBND tỉnh trao Bằng khen cho 25 cá nhân.\n\n"
                + "Dịp này, Chủ tịch UBND tỉnh Trần Văn Lâu trao Bằng khen cho 10 tập thể.");
        assertThat(found).extracting(AwardMention::recipients)
                .containsExactly(List.of("25 cá nhân"), List.of("10 tập thể"));
    }

    @Test
    void givenABodyWithAnInnerAndAndAPersonWithHisPosition_whenListed_thenTwoRecipients() {
        AwardMention a = only("Tại hội nghị, thừa ủy quyền của Chủ tịch nước, ông Trần Văn Lâu trao Huân chương Lao động "
                + "hạng Ba cho Sở Nông nghiệp và Môi trường tỉnh và ông Nguyễn Văn Khởi, Giám đốc Công ty cổ phần Thủy "
                + "sản Sóc Trăng.");
        assertThat(a.award()).isEqualTo("Huân chương Lao động hạng Ba");
        assertThat(a.recipients()).containsExactly("Sở Nông nghiệp và Môi trường tỉnh", "Nguyễn Văn Khởi");
    }

    @Test
    void givenOrderWithClassConferredOnBehalfOfThePresident_whenExtracted_thenConferrerIsThePresidentAndPresenterTheSpeaker() {
        AwardMention m = only("Thừa ủy quyền của Chủ tịch nước, đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh trao Huân chương "
                + "Lao động hạng Ba cho Công ty cổ phần Xây dựng Hòa Bình.");
        assertThat(m.award()).isEqualTo("Huân chương Lao động hạng Ba");
        assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(m.presenter()).isEqualTo("Nguyễn Văn An");
        assertThat(m.recipients()).containsExactly("Công ty cổ phần Xây dựng Hòa Bình");
    }

    @Test
    void givenCertificateOfAnAuthorityWithNamedList_whenExtracted_thenRecipientsAreSplitAndCounted() {
        AwardMention m = only("Chủ tịch UBND tỉnh Lê Văn Cường trao Bằng khen của UBND tỉnh tặng 4 tập thể \"Hoàn thành xuất sắc "
                + "nhiệm vụ\" năm 2024 gồm 4 xã: Phước Sơn, Tân An, thị trấn Diêu Trì và Ban Quản lý dự án huyện.");
        assertThat(m.award()).isEqualTo("Bằng khen");
        assertThat(m.conferrer()).isEqualTo("UBND tỉnh");
        assertThat(m.presenter()).isEqualTo("Lê Văn Cường");
        assertThat(m.title()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(m.recipients()).containsExactly("Phước Sơn", "Tân An", "thị trấn Diêu Trì", "Ban Quản lý dự án huyện");
        assertThat(m.recipientCount()).isEqualTo(4);
        assertThat(m.year()).isEqualTo(2024);
    }

    @Test
    void givenDescriptiveRecipients_whenExtracted_thenTheSpanIsKeptWholeWithItsCount() {
        AwardMention m = only("Nhân dịp này, Bộ trưởng Bộ Công an tặng Bằng khen cho 3 tập thể và 16 cá nhân tham gia các chuyên án.");
        assertThat(m.conferrer()).isEqualTo("Bộ trưởng Bộ Công an");
        assertThat(m.recipients()).containsExactly("3 tập thể và 16 cá nhân tham gia các chuyên án");
        assertThat(m.recipientCount()).isEqualTo(19);
        assertThat(m.year()).isNull();
    }

    @Test
    void givenPassiveAndReceiveFrames_whenExtracted_thenSubjectIsTheRecipient() {
        AwardMention hero = only("Ông Trần Văn Bình được Chủ tịch nước truy tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân.");
        assertThat(hero.award()).isEqualTo("Anh hùng Lực lượng vũ trang nhân dân");
        assertThat(hero.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(hero.recipients()).containsExactly("Trần Văn Bình");
        AwardMention flag = only("Trường THPT Lê Lợi vinh dự đón nhận Cờ thi đua của Chính phủ năm 2023.");
        assertThat(flag.award()).isEqualTo("Cờ thi đua");
        assertThat(flag.conferrer()).isEqualTo("Chính phủ");
        assertThat(flag.recipients()).containsExactly("Trường THPT Lê Lợi");
    }

    @Test
    void givenCeremonyHeldToReceive_whenExtracted_thenTheHostReceivesUnlessTheSentenceNamesAnotherRecipient() {
        AwardMention own = only("Sáng 5/9, Trường THCS Nguyễn Du long trọng tổ chức Lễ kỷ niệm 50 năm thành lập và đón "
                + "nhận Huân chương Lao động hạng Ba.");
        assertThat(own.recipients()).containsExactly("Trường THCS Nguyễn Du");
        AwardMention hosted = only("Chiều 3/10, UBND huyện Tư Nghĩa tổ chức lễ đón nhận danh hiệu Anh hùng Lao động do "
                + "Chủ tịch nước trao tặng cho Hợp tác xã Nông nghiệp Nghĩa Hiệp.");
        assertThat(hosted.recipients()).containsExactly("Hợp tác xã Nông nghiệp Nghĩa Hiệp");
        assertThat(hosted.conferrer()).as("'do' after lower-case title words").isEqualTo("Chủ tịch nước");
    }

    @Test
    void givenRecipientListWithVaInsideANameAndBetweenItems_whenExtracted_thenOnlyItemsAreSplit() {
        assertThat(only("Chủ tịch UBND tỉnh trao Cờ thi đua của Chính phủ cho Sở Kế hoạch và Đầu tư và huyện Châu Thành.")
                .recipients()).containsExactly("Sở Kế hoạch và Đầu tư", "huyện Châu Thành");
        assertThat(only("Chủ tịch UBND tỉnh trao Bằng khen cho Sở Tài chính và Sở Nội vụ.").recipients())
                .containsExactly("Sở Tài chính", "Sở Nội vụ");
        assertThat(only("Chủ tịch UBND tỉnh trao Bằng khen cho Ban Dân tộc tỉnh và Già làng Vàng A Dế.").recipients())
                .as("an honorific title of titles.txt (written with '*') opens the next item")
                .containsExactly("Ban Dân tộc tỉnh", "Vàng A Dế");
        assertThat(only("Chủ tịch UBND tỉnh trao Bằng khen cho ông Nguyễn Văn An và Trần Thị Bình.").recipients())
                .containsExactly("Nguyễn Văn An", "Trần Thị Bình");
        assertThat(only("Bí thư Tỉnh ủy trao Bằng khen tặng 4 tập thể gồm: Diễn Châu, Công an tỉnh, Khối Các cơ quan "
                + "tỉnh và Tân Kỳ.").recipients()).as("in a comma list 'và' ends the list")
                .containsExactly("Diễn Châu", "Công an tỉnh", "Khối Các cơ quan tỉnh", "Tân Kỳ");
    }

    @Test
    void givenTeacherWithHisPositionAfterAComma_whenExtracted_thenOnlyTheNameIsTheRecipient() {
        AwardMention m = only("Phó Chủ tịch UBND tỉnh trao danh hiệu \"Nhà giáo Ưu tú\" cho thầy giáo Lê Văn Hưng, "
                + "Hiệu trưởng Trường THPT chuyên Lê Quý Đôn.");
        assertThat(m.recipients()).containsExactly("Lê Văn Hưng");
    }

    @Test
    void givenBareFormReferringBackToTheNamedOrder_whenExtracted_thenOneAwardWithTheGiverAsPresenter() {
        List<AwardMention> found = awards("Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức lễ đón nhận Huân chương Bảo vệ Tổ "
                + "quốc hạng Nhì. Thiếu tướng Nguyễn Anh Tuấn, Phó Tư lệnh Bộ đội Biên phòng dự và trao Huân chương.");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).award()).isEqualTo("Huân chương Bảo vệ Tổ quốc hạng Nhì");
        assertThat(found.get(0).presenter()).isEqualTo("Nguyễn Anh Tuấn");
    }

    @Test
    void givenGiverActingOnBehalfOfOthers_whenExtracted_thenTheGiverPresentsButIsNotTheConferrer() {
        AwardMention m = only("Thay mặt lãnh đạo Đảng, Nhà nước, Phó Thủ tướng Trần Lưu Quang trao danh hiệu Anh hùng "
                + "Lao động cho Bệnh viện Đa khoa tỉnh.");
        assertThat(m.presenter()).isEqualTo("Trần Lưu Quang");
        assertThat(m.conferrer()).isNull();
        assertThat(m.recipients()).containsExactly("Bệnh viện Đa khoa tỉnh");
    }

    @Test
    void givenDecisionByAnAuthorityAndPersonRecipient_whenExtracted_thenHonorificIsDropped() {
        AwardMention m = only("Sáng 3/4, UBND huyện Phù Mỹ tặng giấy khen cùng tiền thưởng cho anh Lưu Minh Tâm, 28 tuổi, vì hành động dũng cảm.");
        assertThat(m.award()).isEqualTo("giấy khen");
        assertThat(m.conferrer()).isEqualTo("UBND huyện Phù Mỹ");
        assertThat(m.recipients()).containsExactly("Lưu Minh Tâm");
    }

    @Test
    void givenOfficialWhoOnlyHandsOver_whenExtracted_thenPresenterWithoutConferrer() {
        AwardMention m = only("Trung tướng Hoàng Văn Thái, Thứ trưởng Bộ Công an trao Huy chương Chiến sĩ vẻ vang hạng Nhất cho 20 cán bộ.");
        assertThat(m.award()).isEqualTo("Huy chương Chiến sĩ vẻ vang hạng Nhất");
        assertThat(m.conferrer()).isNull();
        assertThat(m.presenter()).isEqualTo("Hoàng Văn Thái");
    }

    @Test
    void givenTwoFormsInOneSentence_whenExtracted_thenTwoEntriesWithTheirOwnFrames() {
        List<AwardMention> found = awards("Chủ tịch nước tặng Huân chương Lao động hạng Nhì cho Công ty Điện lực Bình Định và Thủ tướng "
                + "Chính phủ tặng Bằng khen cho ông Nguyễn Văn Dũng.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Nhì", "Bằng khen");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chủ tịch nước", "Thủ tướng Chính phủ");
        assertThat(found.get(0).recipients()).containsExactly("Công ty Điện lực Bình Định");
        assertThat(found.get(1).recipients()).containsExactly("Nguyễn Văn Dũng");
    }

    @Test
    void givenSharedFrame_whenASecondFormFollowsWithAnd_thenItInheritsTheConferrer() {
        List<AwardMention> found = awards("Chủ tịch UBND tỉnh đã ký quyết định tặng danh hiệu “Tập thể lao động xuất sắc” cho Sở Tài chính "
                + "và Bằng khen cho 5 cá nhân.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Tập thể lao động xuất sắc", "Bằng khen");
        assertThat(found).extracting(AwardMention::conferrer).containsOnly("Chủ tịch UBND tỉnh");
        assertThat(found.get(1).recipientCount()).isEqualTo(5);
    }

    @Test
    void givenMedalOfACause_whenExtracted_thenTheCauseIsPartOfTheAward() {
        AwardMention m = only("Ban Thường vụ Tỉnh ủy công bố quyết định tặng Kỷ niệm chương Vì sự nghiệp xây dựng Đảng cho 45 đảng viên.");
        assertThat(m.award()).isEqualTo("Kỷ niệm chương Vì sự nghiệp xây dựng Đảng");
        assertThat(m.conferrer()).isEqualTo("Ban Thường vụ Tỉnh ủy");
        assertThat(m.recipientCount()).isEqualTo(45);
    }

    @Test
    void givenLeadCaptionAndBodyRestatements_whenExtracted_thenOneMergedEntry() {
        List<AwardMention> found = awards("(TTX) - Công ty May Nhà Bè vừa đón nhận Huân chương Lao động hạng Ba.\n"
                + "Lãnh đạo tỉnh trao Huân chương Lao động hạng ba cho đại diện Công ty May Nhà Bè. |\n"
                + "Chia sẻ niềm vui được nhận Huân chương Lao động hạng 3 do Chủ tịch nước trao tặng, Tổng Giám đốc cho biết công ty sẽ tiếp tục phát triển.");
        assertThat(found).hasSize(1);
        AwardMention m = found.get(0);
        assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(m.recipients()).contains("Công ty May Nhà Bè");
        assertThat(m.recipients()).doesNotContain("biết", "Chia sẻ niềm vui");
    }

    @Test
    void givenListInTheFollowingSentence_whenTheAwardNamesOnlyACount_thenTheListGivesTheRecipients() {
        AwardMention m = only("Bộ trưởng Bộ Tài chính tặng Bằng khen cho 1 tập thể và 2 cá nhân thuộc Cục Hải quan tỉnh.\n"
                + "Cụ thể 1 tập thể và 2 cá nhân gồm: Đội Kiểm soát Hải quan; ông Nguyễn Văn Tùng; bà Lê Thị Mai.");
        assertThat(m.recipients()).containsExactly("Đội Kiểm soát Hải quan", "Nguyễn Văn Tùng", "Lê Thị Mai");
        assertThat(m.recipientCount()).isEqualTo(3);
    }

    @Test
    void givenNamedPersonBeforeTheirTitle_whenTheTitleHolderReceives_thenThePersonIsARecipient() {
        AwardMention m = only("Ông Phạm Văn Lộc, Chủ tịch Hội Cựu chiến binh tỉnh được tặng Kỷ niệm chương “Vì sự nghiệp Cựu chiến binh Việt Nam”.");
        assertThat(m.award()).isEqualTo("Kỷ niệm chương “Vì sự nghiệp Cựu chiến binh Việt Nam”");
        assertThat(m.recipients()).contains("Phạm Văn Lộc");
    }

    @Test
    void givenCountedGroupReachingATitle_whenExtracted_thenTheGroupIsTheRecipient() {
        AwardMention m = only("Năm học vừa qua, nhà trường có 45 giáo viên đạt danh hiệu Chiến sĩ thi đua cơ sở.");
        assertThat(m.award()).isEqualTo("Chiến sĩ thi đua cơ sở");
        assertThat(m.recipients()).containsExactly("45 giáo viên");
        assertThat(m.recipientCount()).isEqualTo(45);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Đội tuyển bóng đá giành Huy chương vàng SEA Games.",
            "Công ty được trao thưởng 150 triệu đồng vì thành tích xuất sắc.",
            "UBND tỉnh biểu dương, khen thưởng 20 tập thể, 35 cá nhân có thành tích.",
            "Đơn vị đã hoàn thành xuất sắc nhiệm vụ năm 2023.",
            "Công ty lọt Top 50 doanh nghiệp xuất sắc nhất Việt Nam.",
            "Tham dự có các Mẹ Việt Nam anh hùng, thương binh và thân nhân liệt sĩ.",
            "Đoàn đã thăm, tặng quà các Bà mẹ Việt Nam anh hùng trên địa bàn.",
            "Công ty đã được trao tặng nhiều giải thưởng và bằng khen khác nhau.",
            "Học sinh đoạt giải nhất cuộc thi khoa học kỹ thuật cấp tỉnh."})
    void givenNoConferralOfANamedForm_whenExtracted_thenNothing(String sentence) {
        assertThat(awards(sentence)).isEmpty();
    }

    @Test
    void givenPhotoCredit_whenExtracted_thenTheCreditIsNotPartOfTheText() {
        AwardMention m = only("Đại diện UBND huyện trao giấy khen cho chị Đặng Thu Hà. Ảnh: Minh Khôi");
        assertThat(m.text()).doesNotContain("Ảnh");
        assertThat(m.recipients()).containsExactly("Đặng Thu Hà");
    }

    @Test
    void givenManyConferralsInOneUnpunctuatedText_whenExtracted_thenTheyMergeWithoutBlowingUp() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append("UBND tỉnh tặng Bằng khen cho Công ty số ").append(i).append(" và ");
        }
        List<AwardMention> found = awards(b.toString());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).conferrer()).isEqualTo("UBND tỉnh");
    }

    @Test
    void givenAHeadlineShortNameAndACaptionNamingOthers_whenMerged_thenTheHeadlineRestates_andTheCaptionIsItsOwnConferral() {
        List<AwardMention> found = awards("Công an Điện Biên nhận Huân chương Bảo vệ Tổ quốc\n"
                + "Sáng 5/3, Bộ Công an trao Huân chương Bảo vệ Tổ quốc hạng Nhì cho Công an tỉnh Điện Biên.\n"
                + "Thượng tá Lò Văn Pọm (trái) và Trung tá Quàng Thị Mai (phải) nhận Huân chương Bảo vệ Tổ quốc hạng Nhì.\n"
                + "Bộ Công an cũng trao Huân chương Bảo vệ Tổ quốc hạng Nhì cho Công an tỉnh Điện Biên vì thành tích xuất sắc.");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).recipients()).contains("Công an tỉnh Điện Biên");
        assertThat(found.get(1).recipients()).containsExactly("Lò Văn Pọm", "Quàng Thị Mai");
        // a person called by the given name is the same recipient
        assertThat(awards("UBND xã tặng giấy khen cho anh Huy. Chủ tịch xã trao giấy khen cho anh Đinh Quang Huy."))
                .hasSize(1);
    }

    @Test
    void givenCountedFormsOfTwoAuthoritiesBeforeOneRecipientPhrase_whenRead_thenEachGoesToThatPhrase() {
        List<AwardMention> found = awards("Dịp này, Hội Nông dân tỉnh trao 15 Bằng khen của Trung ương Hội Nông dân Việt Nam, "
                + "40 Bằng khen của Ban Thường vụ Hội Nông dân tỉnh cho các hội viên sản xuất giỏi.");
        assertThat(found).hasSize(2);
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).isNotEmpty());
    }
}
