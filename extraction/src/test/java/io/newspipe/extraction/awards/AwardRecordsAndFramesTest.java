package io.newspipe.extraction.awards;

import io.newspipe.extraction.AwardMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.newspipe.extraction.awards.AwardTexts.awards;
import static io.newspipe.extraction.awards.AwardTexts.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rule families added for news from unseen outlets (issue 15): records of past honours, coordinated forms,
 * tallies, proposals, conferrers behind presenters, restatements under other names of one authority. Every
 * sentence here is written for the test.
 */
class AwardRecordsAndFramesTest {

    // --- records of past honours ---

    @Test
    void givenATotalThenItsBreakdownInOneSentence_whenRead_thenOneConferral() {
        List<AwardMention> found = awards("Ban Thường vụ Huyện ủy tặng Huy hiệu Đảng cho 612 đảng viên. Trong đó, 590 đảng "
                + "viên được tặng Huy hiệu Đảng, 22 đảng viên được truy tặng Huy hiệu Đảng.");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).recipients()).contains("612 đảng viên");
    }

    @Test
    void givenAnAdditiveSentenceWithoutRecipient_whenRead_thenTheRecipientBeforeReceivesAgain() {
        List<AwardMention> found = awards("Đồn Biên phòng Pa Thơm được Chủ tịch nước tặng Huân chương Chiến công hạng Ba. "
                + "Ngoài ra, Bộ Quốc phòng còn tặng cờ thi đua.");
        assertThat(found).hasSize(2);
        assertThat(found.get(1).recipients()).containsExactly("Đồn Biên phòng Pa Thơm");
    }

    @Test
    void givenABodyHoldingACeremonyAndReceiving_whenRead_thenTheBodyReceivesWithoutTheEvent() {
        AwardMention m = only("Sáng 9-3, Công an tỉnh Lai Châu tổ chức Lễ kỷ niệm 20 năm Ngày truyền thống và đón nhận "
                + "Huân chương Bảo vệ Tổ quốc hạng Nhất.");
        assertThat(m.recipients()).containsExactly("Công an tỉnh Lai Châu");
    }

    @Test
    void givenAPassiveWithSeveralGiversAndAnExample_whenRead_thenTheCountedGroupAndTheExampleReceive() {
        assertThat(only("Năm qua có 14 tập thể được UBND tỉnh, Bộ, Ngành Trung ương tặng cờ thi đua.").recipients())
                .containsExactly("14 tập thể");
        assertThat(only("Điển hình là xã Tân Hòa được UBND huyện tặng giấy khen.").recipients())
                .containsExactly("xã Tân Hòa");
    }

    @Test
    void givenPartyBadgesWhoseYearsDropTuoiDang_whenRead_thenEachLengthIsABadge() {
        assertThat(awards("Đợt này có 4 đảng viên nhận Huy hiệu 60 năm tuổi Đảng; 6 đảng viên nhận Huy hiệu 50 năm, 40 năm."))
                .extracting(AwardMention::award).containsExactly("Huy hiệu 60 năm tuổi Đảng", "Huy hiệu 50 năm tuổi Đảng",
                        "Huy hiệu 40 năm tuổi Đảng");
    }

    @Test
    void givenAnOrderInAllItsClassesThenTheClasses_whenRead_thenOnlyTheClassesAreConferrals() {
        List<AwardMention> found = awards("Chủ tịch nước tặng thưởng Huân chương Lao động các hạng cho 2 tập thể và 1 cá nhân.\n"
                + "Cụ thể, tặng Huân chương Lao động hạng Nhì cho Sở Tài chính; tặng Huân chương Lao động hạng Ba cho Báo "
                + "Yên Bái và ông Hà Văn Lư.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Nhì",
                "Huân chương Lao động hạng Ba");
    }

    @Test
    void givenWhatAFormIs_whenRead_thenNoConferral() {
        assertThat(awards("Theo quy định, Kỷ niệm chương “Vì sự nghiệp Tòa án” là hình thức khen thưởng của Chánh án "
                + "tặng cho cá nhân có nhiều đóng góp.")).isEmpty();
    }

    @Test
    void givenABareOrderForAGroupThenItsCountedClasses_whenRead_thenEachClassGoesToTheGroup() {
        List<AwardMention> found = awards("Sáng 2/9, Công an tỉnh tổ chức lễ trao tặng Huân  chương của Chủ tịch nước cho 40 "
                + "đồng chí nguyên lãnh đạo Công an tỉnh, gồm: 4 Huân chương Độc lập hạng Ba, 36 Huân chương Bảo vệ Tổ quốc "
                + "hạng Ba.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Độc lập hạng Ba",
                "Huân chương Bảo vệ Tổ quốc hạng Ba");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).singleElement().asString().startsWith("40 đồng chí"));
    }

    @Test
    void givenFlagsCountedWithAClassifierOrNamedByTheirGiver_whenRead_thenEachIsAForm() {
        assertThat(awards("Qua 60 năm, đơn vị được nhận 12 lá cờ thi đua và 2 lá cờ luân lưu của Bác Hồ."))
                .extracting(AwardMention::award).containsExactly("cờ thi đua", "cờ luân lưu");
        assertThat(only("Dịp này, Hội Nông dân Việt Nam tặng cờ của Trung ương Hội cho Hội Nông dân tỉnh Yên Bái.")
                .recipients()).containsExactly("Hội Nông dân tỉnh Yên Bái");
    }

    @Test
    void givenAHeroTitleDescribingACraftsman_whenRead_thenOnlyTheMedalIsConferred() {
        assertThat(awards("Ban tổ chức tặng Kỷ niệm chương cho Anh hùng Lao động, nghệ nhân Đặng Văn Hậu."))
                .extracting(AwardMention::award).containsExactly("Kỷ niệm chương");
    }

    @Test
    void givenAHeadlineWhoseSubjectIsTheEventBeforeTheForm_whenRead_thenTheBodyBeforeTheColonReceives() {
        assertThat(only("Sở Tư pháp: Kỷ niệm 30 năm thành lập và đón nhận Huân chương Lao động hạng Ba").recipients())
                .containsExactly("Sở Tư pháp");
    }

    @Test
    void givenARecordWhoseLinesLostTheirBullets_whenRead_thenEachLineIsAnItemOfTheNamedInstitutionAndEachYearAConferral() {
        List<AwardMention> found = awards("Bệnh viện Đa khoa Tân Phú kỷ niệm 40 năm thành lập.\n"
                + "Với những kết quả đó, tập thể y bác sĩ, nhân viên Bệnh viện đã được Đảng, Nhà nước tặng thưởng:\n"
                + "Huân chương Lao động hạng Ba (2008)\n"
                + "Huân chương Lao động hạng Nhì (2013), hạng Nhất (2018 và 2023)\n"
                + "Anh hùng Lao động trong thời kỳ đổi mới (2020)");
        assertThat(found).extracting(AwardMention::award, AwardMention::year).containsExactly(
                tuple("Huân chương Lao động hạng Ba", 2008), tuple("Huân chương Lao động hạng Nhì", 2013),
                tuple("Huân chương Lao động hạng Nhất", 2018), tuple("Huân chương Lao động hạng Nhất", 2023),
                tuple("Anh hùng Lao động trong thời kỳ đổi mới", 2020));
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).contains("Bệnh viện Đa khoa Tân Phú"));
    }

    @Test
    void givenAListOfFormLabelsWithoutBullets_whenRead_thenEachLabelGivesItsOwnRecipients() {
        List<AwardMention> found = awards("Dịp này, nhiều tập thể, cá nhân của ngành Thủy lợi được khen thưởng như sau:\n"
                + "Huân chương Lao động hạng Ba: Chi cục Thủy lợi Đắk Nông; ông Y Bhin Niê, Phó Chi cục trưởng.\n"
                + "Bằng khen của Thủ tướng Chính phủ: Trạm Thủy nông Krông Nô.\n"
                + "Danh hiệu Chiến sĩ thi đua cấp tỉnh: bà H'Loan Êban.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Ba", "Bằng khen",
                "Chiến sĩ thi đua cấp tỉnh");
        assertThat(found.get(0).recipients()).contains("Chi cục Thủy lợi Đắk Nông");
        assertThat(found.get(1).recipients()).containsExactly("Trạm Thủy nông Krông Nô");
        // a line opening with a form but making a statement is no item
        assertThat(awards("Công ty đã tổng kết năm:\nBằng khen của UBND tỉnh được trao cho 3 phòng.")).hasSize(1);
    }

    @Test
    void givenTheSameFormInTwoYears_whenRead_thenTwoConferrals_butARestatementWithoutAYearStillMerges() {
        List<AwardMention> found = awards("Năm 2015, Trường THCS Kim Đồng được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và "
                + "Đào tạo. Năm 2021, Trường THCS Kim Đồng tiếp tục được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo.");
        assertThat(found).extracting(AwardMention::year).containsExactly(2015, 2021);
        assertThat(awards("Năm 2021, Trường THCS Kim Đồng được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo. Bằng "
                + "khen của Bộ trưởng được trao cho Trường THCS Kim Đồng trong lễ khai giảng.")).hasSize(1);
    }

    @Test
    void givenAFormNamedInsideATitle_whenCoordinatedRecipientsAreShared_thenTheSentenceIsReadWithoutFailing() {
        // a form found inside another ("Danh hiệu Huân chương …") once made the gap between them negative and threw
        List<AwardMention> found = awards("Theo nghị định mới: Danh hiệu Huân chương Bảo vệ Tổ quốc hạng Nhì được tặng "
                + "thưởng cho các tập thể, cá nhân trong lực lượng Công an nhân dân có thành tích xuất sắc, quy định tại "
                + "các Điều 46, 47 của Luật Thi đua, khen thưởng.");
        assertThat(found).extracting(AwardMention::award).contains("Huân chương Bảo vệ Tổ quốc hạng Nhì");
    }

    @Test
    void givenARecordOfHonoursInClauses_whenRead_thenOneConferralPerClauseWithItsOwnYearAndTheNamedUnit() {
        List<AwardMention> found = awards("Qua 30 năm xây dựng, Trạm Kiểm dịch Động vật Hòa Sơn đã được các cấp ghi nhận. "
                + "Năm 2012, đơn vị được Chủ tịch nước tặng Huân chương Lao động hạng Ba; Bằng khen của Thủ tướng Chính phủ "
                + "năm 2009; 3 lần được UBND tỉnh tặng Cờ thi đua; 2 lần được Bộ Nông nghiệp công nhận Tập thể lao động "
                + "xuất sắc.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Ba", "Bằng khen",
                "Cờ thi đua", "Tập thể lao động xuất sắc");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chủ tịch nước", "Thủ tướng Chính phủ",
                "UBND tỉnh", "Bộ Nông nghiệp");
        assertThat(found).extracting(AwardMention::year).containsExactly(2012, 2009, null, null);
        assertThat(found).as("the unit as written, then the unit it refers to").allSatisfy(a -> assertThat(a.recipients())
                .containsExactly("đơn vị", "Trạm Kiểm dịch Động vật Hòa Sơn"));
        assertThat(found.get(2).text()).isEqualTo("3 lần được UBND tỉnh tặng Cờ thi đua");
    }

    @Test
    void givenARecordItem_whenTheCeremonyElsewhereGivesTheSameForm_thenTheyStaySeparate() {
        List<AwardMention> found = awards("Chủ tịch UBND tỉnh trao Cờ thi đua cho Trường THPT Cẩm Giang. "
                + "Trước đó, trường được Chủ tịch nước tặng Huân chương Lao động hạng Nhì; 4 lần được UBND tỉnh tặng Cờ "
                + "thi đua.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Cờ thi đua", "Huân chương Lao động hạng Nhì",
                "Cờ thi đua");
        assertThat(found.get(1).recipients()).as("'trường' refers back to the school named before")
                .containsExactly("trường", "Trường THPT Cẩm Giang");
    }

    @Test
    void givenAnAnaphorAfterACeremony_whenRead_thenItNamesTheCeremonysRecipientNotTheConferrerBetween() {
        List<AwardMention> found = awards("Thừa ủy quyền của Chủ tịch nước, Thiếu tướng Vũ Đình Lâm trao Huân chương Bảo vệ "
                + "Tổ quốc hạng Ba cho Bộ Chỉ huy Quân sự tỉnh Yên Bái.\n"
                + "Dịp này, Bộ trưởng Bộ Quốc phòng tặng Bằng khen cho 6 cá nhân.\n"
                + "Trước đó, đơn vị đã 3 lần được tặng Cờ thi đua của Bộ Quốc phòng; năm 2018 được Chủ tịch nước tặng "
                + "Huân chương Chiến công hạng Ba.");
        assertThat(found).extracting(AwardMention::recipients).containsExactly(List.of("Bộ Chỉ huy Quân sự tỉnh Yên Bái"),
                List.of("6 cá nhân"), List.of("đơn vị", "Bộ Chỉ huy Quân sự tỉnh Yên Bái"),
                List.of("đơn vị", "Bộ Chỉ huy Quân sự tỉnh Yên Bái"));
        assertThat(found.get(3).year()).as("'năm 2018' is when, not who").isEqualTo(2018);
    }

    @Test
    void givenAPronounOrAnAppositionAfterTheName_whenRead_thenThePersonNamedBeforeReceives() {
        List<AwardMention> found = awards("Nghệ nhân Ưu tú Y Thi Niê, buôn Kô Siêr, được Chủ tịch nước phong tặng danh hiệu "
                + "Nghệ nhân Nhân dân.\nÔng từng được UBND tỉnh tặng Bằng khen vì công truyền dạy chiêng.");
        assertThat(found).extracting(AwardMention::award).as("the title before his name only describes him")
                .containsExactly("Nghệ nhân Nhân dân", "Bằng khen");
        assertThat(found).extracting(AwardMention::recipients).containsOnly(List.of("Y Thi Niê"));
    }

    @Test
    void givenALeadWithTwoConferralsAtASemicolon_whenTheBodyRestatesThem_thenTheyMergeAsNoRecord() {
        List<AwardMention> found = awards("(QNO) - Bệnh viện Đa khoa Tân Phú đón nhận Huân chương Lao động hạng Ba; Chủ tịch "
                + "UBND tỉnh tặng Bằng khen cho 4 khoa, phòng.\nPhó Chủ tịch UBND tỉnh Hồ Quang Bửu trao Huân chương Lao "
                + "động hạng Ba cho Bệnh viện Đa khoa Tân Phú.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Ba", "Bằng khen");
        assertThat(found.get(1).recipients()).containsExactly("4 khoa, phòng");
    }

    @Test
    void givenAnAnaphorWithNoNamedInstitutionBefore_whenRead_thenItStaysAsWritten() {
        assertThat(only("Năm 2015, đơn vị vinh dự được Chủ tịch nước tặng Huân chương Chiến công hạng Ba.").recipients())
                .containsExactly("đơn vị");
        assertThat(only("Với thành tích đó, Công ty được UBND tỉnh tặng Bằng khen.").recipients())
                .as("the subject itself is no name of an institution before it").containsExactly("Công ty");
    }

    @Test
    void givenFormsInOneClause_whenTheirCountsDiffer_thenEachCountedGroupIsARecordItem() {
        List<AwardMention> found = awards("Giai đoạn 2016-2020, toàn ngành có 12 tập thể được tặng Cờ thi đua của Chính "
                + "phủ, 3 tập thể được tặng Huân chương Lao động hạng Nhì, 9 cá nhân được tặng Huân chương Lao động hạng "
                + "Ba.\nSáng nay, Bộ trưởng trao Huân chương Lao động hạng Nhì cho Cục Thú y.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Cờ thi đua", "Huân chương Lao động hạng Nhì",
                "Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Nhì");
        assertThat(found).extracting(AwardMention::recipients).containsExactly(List.of("12 tập thể"), List.of("3 tập thể"),
                List.of("9 cá nhân"), List.of("Cục Thú y"));
    }

    // --- coordinated forms ---

    @Test
    void givenFormsCoordinatedAfterOneSubject_whenRead_thenEachGetsTheSubjectAndKeepsItsOwnConferrer() {
        List<AwardMention> found = awards("Nhiều tập thể, cá nhân của Sở được tặng Huân chương Lao động các hạng, Bằng khen "
                + "của Thủ tướng Chính phủ, Giấy khen của Giám đốc Sở.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động", "Bằng khen", "Giấy khen");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly(null, "Thủ tướng Chính phủ", "Giám đốc Sở");
        assertThat(found).allSatisfy(a -> assertThat(a.recipients()).isNotEmpty());
        assertThat(found.get(1).recipients()).isEqualTo(found.get(0).recipients());
    }

    @Test
    void givenFormsCoordinatedBeforeOneAgent_whenRead_thenTheyShareTheAgentAndTheRecipients() {
        List<AwardMention> found = awards("12 sĩ quan của Lữ đoàn vừa nhận Huân chương Chiến công, Huân chương Bảo vệ Tổ "
                + "quốc do Chủ tịch nước tặng thưởng.");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chủ tịch nước", "Chủ tịch nước");
        assertThat(found).extracting(AwardMention::recipients).containsOnly(List.of("12 sĩ quan của Lữ đoàn"));
        List<AwardMention> object = awards("Chủ tịch nước quyết định tặng Huân chương Dũng cảm, Huân chương Chiến công hạng "
                + "Ba cho 4 chiến sĩ cứu hộ.");
        assertThat(object).extracting(AwardMention::recipients).as("the object after the last form, back over a comma")
                .containsOnly(List.of("4 chiến sĩ cứu hộ"));
    }

    // --- tallies ---

    @Test
    void givenATallyAfterAConferralStatement_whenRead_thenOneConferralPerCountedForm() {
        List<AwardMention> found = awards("Trong 5 năm, 2.340 lượt tập thể, cá nhân của huyện được các cấp khen thưởng. "
                + "Trong đó, có 3 Huân chương Lao động, 40 bằng khen của UBND tỉnh, 12 cờ thi đua cấp tỉnh, 215 tập thể "
                + "lao động xuất sắc.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động", "bằng khen",
                "cờ thi đua cấp tỉnh", "tập thể lao động xuất sắc");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly(null, "UBND tỉnh", null, null);
        assertThat(found.get(0).recipients()).containsExactly("2.340 lượt tập thể, cá nhân của huyện");
        assertThat(found.get(3).recipients()).as("a title counted by its holders").containsExactly("215 tập thể");
    }

    @Test
    void givenATallyWrittenFormColonCount_whenRead_thenEachFormIsCounted() {
        List<AwardMention> found = awards("Năm 2024, 1.540 lượt tập thể, cá nhân được UBND tỉnh khen thưởng. Cụ thể: Cờ "
                + "thi đua của UBND tỉnh: 31 tập thể; danh hiệu Tập thể lao động xuất sắc: 190 tập thể.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Cờ thi đua", "Tập thể lao động xuất sắc");
        assertThat(found).extracting(AwardMention::recipients).containsExactly(List.of("31 tập thể"), List.of("190 tập thể"));
    }

    @Test
    void givenCountsOfFormsWithoutAConferralStatementBefore_whenRead_thenNothing() {
        assertThat(awards("Thư viện trưng bày 3 Huân chương Lao động, 40 bằng khen của các thời kỳ.")).isEmpty();
    }

    // --- proposals and consultations ---

    @ParameterizedTest
    @ValueSource(strings = {
            "UBND tỉnh đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 5 tập thể có thành tích.",
            "Sở Nội vụ lấy ý kiến nhân dân về việc đề nghị tặng Huân chương Lao động hạng Ba cho ông Trần Văn Hải.",
            "Hội đồng Thi đua tỉnh xét, trình Chủ tịch nước tặng danh hiệu Anh hùng Lao động cho Hợp tác xã Tân Lộc.",
            "Bộ dự kiến tặng Kỷ niệm chương cho 300 cán bộ hưu trí.",
            "Đề nghị tặng Huân chương Lao động hạng Nhì cho Trường THCS Phú Mỹ.",
            "Hội đồng tỉnh đã xét chọn 40 giáo viên để Chủ tịch nước quyết định phong tặng danh hiệu Nhà giáo Ưu tú.",
            "Giám đốc Sở yêu cầu: Giao Phòng Tổ chức tham mưu ban hành quyết định tặng Giấy khen cho 12 viên chức.",
            "Hội đồng thống nhất trình về Trung ương tặng Bằng khen của Thủ tướng Chính phủ cho 2 hợp tác xã."})
    void givenAProposalOrAConsultation_whenRead_thenNoConferral(String sentence) {
        assertThat(awards(sentence)).isEmpty();
    }

    @Test
    void givenAProposalOpeningARecordOfClauses_whenRead_thenNoneOfItsItemsIsAConferral() {
        assertThat(awards("Hội đồng Thi đua tỉnh thông qua đề nghị khen thưởng Cờ thi đua của UBND tỉnh cho 40 đơn vị; Cờ "
                + "thi đua của Chính phủ cho 3 đơn vị; Bằng khen của Thủ tướng Chính phủ cho 2 tập thể.")).isEmpty();
    }

    @Test
    void givenTheItemsOfAProposalList_whenRead_thenNoConferral() {
        assertThat(awards("Ban Thi đua tỉnh đang hoàn thiện hồ sơ đề nghị Thủ tướng Chính phủ tặng thưởng:\n"
                + "1. Huân chương Lao động hạng Ba cho Công ty Điện lực Tây Sơn.\n"
                + "2. Tặng Bằng khen cho ông Võ Văn Lâm, Giám đốc Sở Y tế.")).isEmpty();
    }

    @Test
    void givenTheDecisionsPreambleOrAnUrgingToThoseAlreadyAwarded_whenRead_thenTheConferralStays() {
        assertThat(only("Theo đề nghị của Sở Nội vụ, Chủ tịch UBND tỉnh tặng Bằng khen cho 8 tập thể.").recipients())
                .containsExactly("8 tập thể");
        assertThat(awards("Bí thư Tỉnh ủy đề nghị các tập thể được tặng Cờ thi đua tiếp tục phát huy thành tích.")).hasSize(1);
    }

    // --- conferrer and presenter ---

    @Test
    void givenADelegatedGiver_whenRead_thenTheAuthorityConfersAndTheGiverPresents() {
        AwardMention m = only("Được sự ủy quyền của Chủ tịch nước, Trung tướng Lê Quang Vinh, Thứ trưởng Bộ Quốc phòng, đã "
                + "trao danh hiệu Anh hùng LLVT cho Đồn Biên phòng Cửa khẩu Nam Giang.");
        assertThat(m.award()).isEqualTo("Anh hùng LLVT");
        assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(m.recipients()).containsExactly("Đồn Biên phòng Cửa khẩu Nam Giang");
    }

    @Test
    void givenAHandedOverDecision_whenRead_thenItsAuthorConfers() {
        AwardMention m = only("Tại buổi lễ, ông Hồ Văn Khải, Chủ tịch UBND tỉnh đã trao Quyết định 1025/QĐ-CTN của Chủ tịch "
                + "nước về việc tặng thưởng Huân chương Lao động hạng Ba cho Bệnh viện Đa khoa Hòa Bình.");
        assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(m.recipients()).containsExactly("Bệnh viện Đa khoa Hòa Bình");
    }

    @Test
    void givenAnAuthorityRightAfterAPlainFormOrCapitalizedWordsInIt_whenRead_thenTheWholeAuthorityConfers() {
        assertThat(only("Trường nhận Cờ thi đua Chính phủ năm 2021.").conferrer()).isEqualTo("Chính phủ");
        assertThat(only("Có 6 tập thể được nhận Giấy khen của Giám đốc Công an tỉnh.").conferrer())
                .isEqualTo("Giám đốc Công an tỉnh");
    }

    @Test
    void givenABodyNamedAfterADistrictThatBearsAPersonsName_whenRead_thenTheBodyConfers() {
        assertThat(only("Thường trực Huyện ủy Trần Văn Thời tặng Giấy khen cho 12 đảng viên.").conferrer())
                .as("a district of the reference data, not a person").isEqualTo("Thường trực Huyện ủy Trần Văn Thời");
    }

    @Test
    void givenABodyOrAGuestAtTheCeremonyOfAStateOrder_whenRead_thenTheyOnlyPresentOrAttend() {
        assertThat(only("Bộ Chỉ huy Quân sự tỉnh trao Huân chương Bảo vệ Tổ quốc hạng Ba cho 9 cán bộ.").conferrer())
                .as("a state order is the President's").isNull();
        assertThat(only("Sở Y tế trao Giấy khen cho 14 y, bác sĩ.").conferrer()).as("a form the body gives itself")
                .isEqualTo("Sở Y tế");
        AwardMention guest = only("Phó Thủ tướng Lê Văn Hòa dự lễ kỷ niệm 50 năm thành lập Công ty Điện lực Quảng Bình và "
                + "đón nhận Huân chương Lao động hạng Nhì.");
        assertThat(guest.recipients()).as("the guest receives nothing").doesNotContain("Lê Văn Hòa").isEmpty();
        AwardMention attended = only("Chủ tịch nước Lê Minh Thành dự Lễ truy tặng danh hiệu Anh hùng Lao động cho ông Đỗ Văn "
                + "Sang.");
        assertThat(attended.recipients()).containsExactly("Đỗ Văn Sang");
        assertThat(attended.conferrer()).isEqualTo("Chủ tịch nước");
    }

    @Test
    void givenADecisionsPreambleOrARecipientAfterDoiVoi_whenRead_thenTheyAreRead() {
        AwardMention m = only("Theo quyết định của Chủ tịch nước, 12 người có thành tích trong kháng chiến đã được truy tặng "
                + "danh hiệu Anh hùng Lực lượng vũ trang nhân dân.");
        assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
        assertThat(only("Chủ tịch nước đã ký quyết định truy tặng danh hiệu Anh hùng Lao động đối với ông Mai Văn Tư, nguyên "
                + "Giám đốc Nông trường Sông Hậu.").recipients()).containsExactly("Mai Văn Tư");
    }

    // --- restatements ---

    @Test
    void givenRestatementsNamingOneAuthorityDifferently_whenMerged_thenOneConferral() {
        List<AwardMention> found = awards("Tặng bằng khen của Bộ GD-ĐT cho 820 học sinh giỏi.\n"
                + "820 học sinh nhận Bằng khen của Bộ Giáo dục và Đào tạo trong đợt này.\n"
                + "Thứ trưởng Lê Minh Hạnh đã ký quyết định tặng Bằng khen của Bộ trưởng GD-ĐT cho 820 học sinh.\n"
                + "Riêng tỉnh Phú Lâm có 41 học sinh được nhận Bằng khen.");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).recipients()).contains("820 học sinh giỏi");
    }

    @Test
    void givenTheSameFormFromTwoDifferentAuthorities_whenMerged_thenTwoConferrals() {
        assertThat(awards("Công ty nhận Bằng khen của Thủ tướng Chính phủ.\nCông ty nhận Bằng khen của Chủ tịch UBND tỉnh."))
                .hasSize(2);
        assertThat(AwardExtractor.sameAuthority("Chủ tịch nước", "Chủ tịch UBND tỉnh Lào Cai")).isFalse();
        assertThat(AwardExtractor.sameAuthority("UBND tỉnh", "Ủy ban nhân dân tỉnh")).isTrue();
        assertThat(AwardExtractor.sameAuthority("Tổng cục Thuế", "Tổng cục trưởng Tổng cục Thuế")).isTrue();
    }

    // --- confidence ---

    @Test
    void givenWhatTheStatementLeavesOpen_whenScored_thenTheConfidenceIsLower() {
        double read = only("Chủ tịch nước tặng Huân chương Lao động hạng Ba cho Công ty Cao su Phước Hòa.").confidence();
        double shaped = only("Chủ tịch nước tặng Huân chương Sahametrei hạng Ba cho Công ty Cao su Phước Hòa.").confidence();
        double referredBack = awards("Chủ tịch nước tặng Huân chương Lao động hạng Ba cho Công ty Cao su Phước Hòa.\n"
                + "Năm 2015, đơn vị được Chủ tịch nước tặng Huân chương Lao động hạng Nhì.").get(1).confidence();
        double noRecipient = only("Chủ tịch nước tặng Huân chương Lao động hạng Ba.").confidence();
        assertThat(shaped).as("an unlisted order's name").isLessThan(read);
        assertThat(referredBack).as("a recipient referred back").isLessThan(read);
        assertThat(noRecipient).as("no recipient").isLessThan(Math.min(shaped, referredBack));
    }

    // --- recipients and forms ---

    @Test
    void givenARecipientWithoutCho_whenRead_thenTheGroupAfterTheFormReceivesIt() {
        assertThat(only("Thiếu tướng Hà Văn Tư tặng bằng khen cá nhân xuất sắc sau khi hoàn thành nhiệm vụ.").recipients())
                .containsExactly("cá nhân xuất sắc");
        assertThat(only("Thứ trưởng trao Huân chương Hữu nghị đến ngài Paolo Conti, Đại sứ Italy.").recipients())
                .containsExactly("Paolo Conti");
    }

    @Test
    void givenAListOpenedByAColon_whenRead_thenItsItemsAreTheRecipients() {
        AwardMention m = only("3 tập thể được Thủ tướng Chính phủ tặng Bằng khen: 1. Ban Dân tộc tỉnh; 2. Đài Phát thanh "
                + "tỉnh; 3) Huyện đoàn Tân Phú.");
        assertThat(m.recipients()).containsExactly("Ban Dân tộc tỉnh", "Đài Phát thanh tỉnh", "Huyện đoàn Tân Phú");
    }

    @Test
    void givenAcademicTitlesBeforeANameAndTheFormerPositionAfterIt_whenListed_thenOnlyTheNameIsARecipient() {
        assertThat(only("Phó Chủ tịch nước trao danh hiệu “Thầy thuốc Nhân dân” cho Phó Giáo sư, Tiến sĩ Lâm Văn Tùng, "
                + "nguyên Giám đốc Bệnh viện Đa khoa tỉnh.").recipients()).containsExactly("Lâm Văn Tùng");
    }

    @Test
    void givenAFlagWithAQuotedEmulationTitle_whenRead_thenItIsAnAwardWithThatTitle() {
        AwardMention m = only("Công ty Cổ phần Thủy sản Bến Lức được UBND tỉnh tặng cờ “Đơn vị dẫn đầu phong trào thi đua” "
                + "năm 2022.");
        assertThat(m.award()).isEqualTo("cờ");
        assertThat(m.title()).isEqualTo("Đơn vị dẫn đầu phong trào thi đua");
        assertThat(m.recipients()).containsExactly("Công ty Cổ phần Thủy sản Bến Lức");
    }

    @Test
    void givenADecisionOpeningAListOfItemsWithoutVerbs_whenRead_thenEveryItemIsAConferralOfTheDecisionsAuthority() {
        List<AwardMention> found = awards("Chủ tịch nước đã ký quyết định tặng thưởng Huân chương cho các tập thể như sau:\n"
                + "- Huân chương Lao động hạng Nhì cho Sở Xây dựng;\n"
                + "- Huân chương Lao động hạng Ba cho Trường THCS Kim Đồng.\n"
                + "Dịp này, UBND tỉnh khen thưởng các tập thể, cá nhân:\n"
                + "1. Giấy khen của Giám đốc Sở: 14 cá nhân.");
        assertThat(found).extracting(AwardMention::award).containsExactly("Huân chương Lao động hạng Nhì",
                "Huân chương Lao động hạng Ba", "Giấy khen");
        assertThat(found).extracting(AwardMention::conferrer).containsExactly("Chủ tịch nước", "Chủ tịch nước",
                "Giám đốc Sở");
        assertThat(found).extracting(AwardMention::recipients).containsExactly(List.of("Sở Xây dựng"),
                List.of("Trường THCS Kim Đồng"), List.of("14 cá nhân"));
    }

    @Test
    void givenItemsOfOneDecisionGivingTheSameForm_whenRead_thenOneConferralWithAllTheirRecipients() {
        List<AwardMention> found = awards("Thủ tướng Chính phủ quyết định tặng Bằng khen cho các tập thể, cá nhân sau:\n"
                + "- Bằng khen cho Trường Tiểu học Hòa Lạc;\n"
                + "- Bằng khen cho ông Phan Văn Tú, Hiệu trưởng Trường Tiểu học Hòa Lạc.\n"
                + "Dịp này, Chủ tịch UBND huyện trao Bằng khen cho 12 học sinh.");
        assertThat(found).as("the list's one conferral; the other Bằng khen is no item of it").hasSize(2);
        assertThat(found.get(0).recipients()).containsExactly("Trường Tiểu học Hòa Lạc", "Phan Văn Tú");
        assertThat(found.get(0).conferrer()).isEqualTo("Thủ tướng Chính phủ");
    }

    @Test
    void givenTheRecipientBetweenTheVerbAndTheForm_whenRead_thenItIsTheRecipient() {
        AwardMention m = only("Chủ tịch UBND huyện trao cho Hợp tác xã Nông nghiệp Phú Lộc Giấy khen vì thành tích sản xuất.");
        assertThat(m.recipients()).containsExactly("Hợp tác xã Nông nghiệp Phú Lộc");
        assertThat(m.conferrer()).isEqualTo("Chủ tịch UBND huyện");
    }

    @Test
    void givenAMedalOfNoListedName_whenRead_thenItIsAnAward_butNotAMedalOfSport() {
        assertThat(only("Thượng tá Đinh Văn Hòa được Nhà nước Lào tặng Huy chương Tự do hạng Nhì.").award())
                .isEqualTo("Huy chương Tự do hạng Nhì");
        assertThat(awards("Đội tuyển được trao Huy chương Bạc của giải.")).isEmpty();
    }

    @Test
    void givenAQuotedMovementWithACommaInTheSubjectOrAReasonAfterAColon_whenRead_thenTheRecipientIsWhole() {
        assertThat(only("15 tập thể và 32 cá nhân điển hình trong phong trào “Dân vận khéo, làng xã vững” sẽ nhận bằng khen "
                + "của Ban Dân vận Tỉnh ủy.").recipients())
                .containsExactly("15 tập thể và 32 cá nhân điển hình trong phong trào “Dân vận khéo, làng xã vững”");
        assertThat(only("Chủ tịch UBND tỉnh tặng Bằng khen cho 18 tập thể, vì: Đã có thành tích trong công tác.").recipients())
                .containsExactly("18 tập thể");
        AwardMention listed = only("UBND tỉnh ban hành Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể, đã "
                + "dẫn đầu phong trào thi đua năm 2023, gồm: 1. Văn phòng Huyện ủy Đăk Glei; 2. Hội Nông dân huyện Đăk Glei.");
        assertThat(listed.conferrer()).isEqualTo("Ủy ban nhân dân tỉnh");
        assertThat(listed.recipients()).containsExactly("Văn phòng Huyện ủy Đăk Glei", "Hội Nông dân huyện Đăk Glei");
    }

    @Test
    void givenThousandsInACount_whenRead_thenTheCountIsWhole() {
        AwardMention m = only("Bộ trưởng tặng Bằng khen cho 1.204 học sinh đoạt giải quốc gia.");
        assertThat(m.recipients()).containsExactly("1.204 học sinh đoạt giải quốc gia");
        assertThat(m.recipientCount()).isEqualTo(1204);
    }

    @Test
    void givenAnUnlistedTitleOrOrder_whenRead_thenItsNameIsTaken() {
        assertThat(only("Bà Lò Thị Xuân được phong tặng danh hiệu Nghệ nhân Ưu tú lần thứ hai.").award())
                .isEqualTo("Nghệ nhân Ưu tú");
        assertThat(only("Đại sứ Trần Minh được Quốc vương Campuchia trao tặng Huân chương Sahametrei hạng Nhất.").award())
                .isEqualTo("Huân chương Sahametrei hạng Nhất");
        assertThat(only("Ông Hoàng Long nhận Huân chương Tự do hạng Nhì của Nhà nước Lào.").award())
                .isEqualTo("Huân chương Tự do hạng Nhì");
        assertThat(only("Xã Tân Hòa được UBND tỉnh tặng Cờ thi đua xuất sắc.").award()).isEqualTo("Cờ thi đua xuất sắc");
    }

    @Test
    void givenATallyOfCountedClausesJoinedByCommas_whenRead_thenEachCountedGroupGoesWithItsOwnForm() {
        List<AwardMention> found = awards("Năm năm qua, tỉnh Trà Vinh tặng Cờ thi đua cho 85 tập thể, 2.100 đơn vị đạt Tập "
                + "thể lao động xuất sắc, 640 cá nhân được tặng danh hiệu Chiến sĩ thi đua cấp tỉnh, 9.300 tập thể, cá nhân "
                + "được Chủ tịch UBND tỉnh tặng Bằng khen.");
        assertThat(found).extracting(AwardMention::award, m -> m.recipients())
                .containsExactly(tuple("Cờ thi đua", List.of("85 tập thể")),
                        tuple("Tập thể lao động xuất sắc", List.of("2.100 đơn vị")),
                        tuple("Chiến sĩ thi đua cấp tỉnh", List.of("640 cá nhân")),
                        tuple("Bằng khen", List.of("9.300 tập thể, cá nhân")));
    }

    @Test
    void givenACountedOrderOfAllKinds_whenGiven_thenItIsATallyButUncountedItIsNot() {
        assertThat(awards("Giai đoạn 2016-2020, Chủ tịch nước tặng 214 Huân chương các loại cho tập thể, cá nhân của tỉnh."))
                .singleElement().satisfies(m -> {
                    assertThat(m.award()).isEqualTo("Huân chương");
                    assertThat(m.conferrer()).isEqualTo("Chủ tịch nước");
                });
        assertThat(awards("Nhiều tập thể được tặng Huân chương các loại.")).isEmpty();
    }

    @Test
    void givenABareFlagCoordinatedWithOtherForms_whenGiven_thenItIsAFormOfItsOwn() {
        assertThat(awards("Giám đốc Công an tỉnh đã tặng cờ, bằng khen, giấy khen cho 6 tập thể và 14 cá nhân."))
                .extracting(AwardMention::award).containsExactly("cờ", "bằng khen", "giấy khen");
        assertThat(awards("Người dân treo cờ, khẩu hiệu chào mừng đại hội.")).isEmpty();
    }

    @Test
    void givenALeadConferredByTheStateAndABodyPresentedByThePresident_whenRead_thenOneConferral() {
        List<AwardMention> found = awards("Sáng nay, 12 tập thể, cá nhân đã được Đảng, Nhà nước tặng danh hiệu Anh hùng Lao "
                + "động.\nTại lễ, thay mặt lãnh đạo Đảng, Nhà nước, Chủ tịch nước trao danh hiệu Anh hùng Lao động cho "
                + "Bệnh viện Đa khoa tỉnh Phú Yên và Công ty Cổ phần Sữa Ba Vì.");
        assertThat(found).singleElement().satisfies(m -> assertThat(m.recipients())
                .contains("Bệnh viện Đa khoa tỉnh Phú Yên"));
    }

    @Test
    void givenOrdersOfTheWarsAndTheFarmersTitle_whenGiven_thenEachIsAFormOfItsName() {
        assertThat(awards("Nhiều cán bộ được tặng thưởng Huân chương Quyết thắng, Huân chương Giải phóng hạng Ba."))
                .extracting(AwardMention::award).containsExactly("Huân chương Quyết thắng", "Huân chương Giải phóng hạng Ba");
        assertThat(awards("Năm 2024 có 9.100 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.")).singleElement()
                .satisfies(m -> {
                    assertThat(m.award()).isEqualTo("sản xuất, kinh doanh giỏi");
                    assertThat(m.recipients()).containsExactly("9.100 hộ");
                });
    }

    @Test
    void givenALongQuotedTitleAfterDanhHieu_whenRead_thenTheWholeQuotedTitleIsTheForm() {
        String title = "Đơn vị dẫn đầu phong trào thi đua xây dựng nông thôn mới, đô thị văn minh, giảm nghèo bền vững";
        assertThat(awards("Năm 2024, 15 xã đạt danh hiệu “" + title + "”.")).singleElement()
                .satisfies(m -> assertThat(m.award()).isEqualTo(title));
    }

    @Test
    void givenATitleRestatedByItsAbbreviation_whenRead_thenOneConferralAndTheBracketedAbbreviationIsNoFormOfItsOwn() {
        List<AwardMention> found = awards("Đợt này, 3 người được phong tặng danh hiệu Thầy thuốc Nhân dân (TTND). Được phong "
                + "tặng danh hiệu TTND gồm TTƯT Hoàng Văn Lâm, TTƯT Đinh Thị Hoa.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.award()).isEqualTo("Thầy thuốc Nhân dân");
            assertThat(m.recipients()).contains("Hoàng Văn Lâm", "Đinh Thị Hoa");
        });
    }

    @Test
    void givenClassesListedWithoutHangAfterAnEarlierClause_whenRead_thenEachClassIsAnOrderForTheChainsObject() {
        List<AwardMention> found = awards("Bộ Công an tặng Cờ thi đua cho Công an tỉnh Kon Tum; Chủ tịch nước tặng thưởng Huân "
                + "chương Chiến công hạng Nhất, Nhì, Ba cho ba cán bộ của đơn vị.");
        assertThat(found).extracting(AwardMention::award, m -> m.recipients())
                .containsExactly(tuple("Cờ thi đua", List.of("Công an tỉnh Kon Tum")),
                        tuple("Huân chương Chiến công hạng Nhất", List.of("ba cán bộ của đơn vị")),
                        tuple("Huân chương Chiến công hạng Nhì", List.of("ba cán bộ của đơn vị")),
                        tuple("Huân chương Chiến công hạng Ba", List.of("ba cán bộ của đơn vị")));
        // lower-case "ba" after an order is a count, not a class
        assertThat(awards("Đơn vị được tặng Huân chương Lao động hạng Ba và ba Bằng khen.")).extracting(AwardMention::award)
                .containsExactly("Huân chương Lao động hạng Ba", "Bằng khen");
    }

    @Test
    void givenAFlagOfGoldenWordsWithItsQuotedMotto_whenGiven_thenItIsAFlagNotARecipient() {
        List<AwardMention> found = awards("Tiểu đoàn 7 được Bộ Tư lệnh Quân khu 9 tặng Cờ 8 chữ vàng “Anh dũng, kiên cường, "
                + "đánh giỏi, thắng lớn”.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.award()).isEqualTo("Cờ 8 chữ vàng");
            assertThat(m.recipients()).containsExactly("Tiểu đoàn 7");
        });
    }

    // --- a counted intro and the items that name its recipients ---

    @Test
    void givenACountedIntroThenItemsByClass_whenRead_thenEachClassGoesToItsNames_andAClassWithoutItemsKeepsTheCount() {
        List<AwardMention> found = awards("Thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy trao Huân chương Lao động hạng "
                + "Nhất, Nhì, Ba cho 6 cá nhân. Ảnh: Minh Hà\n"
                + "Tại buổi lễ, thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy trao Huân chương Lao động hạng Nhất, Nhì, Ba "
                + "cho 6 cá nhân, cụ thể:\n"
                + "Trao Huân chương Lao động hạng Nhất cho đồng chí Lò Văn Khánh - nguyên Phó Chủ tịch HĐND tỉnh.\n"
                + "Trao Huân chương Lao động hạng Nhì cho các đồng chí: Vi Thị Hằng - Phó Giám đốc Sở Tư pháp; Đinh Quang "
                + "Vũ - Chánh Thanh tra tỉnh.");
        assertThat(found).extracting(AwardMention::award, AwardMention::conferrer, AwardMention::recipients).containsExactly(
                tuple("Huân chương Lao động hạng Nhất", "Chủ tịch nước", List.of("Lò Văn Khánh")),
                tuple("Huân chương Lao động hạng Nhì", "Chủ tịch nước", List.of("Vi Thị Hằng", "Đinh Quang Vũ")),
                tuple("Huân chương Lao động hạng Ba", "Chủ tịch nước", List.of("6 cá nhân")));
    }

    @Test
    void givenTheGuestsOfACeremonyListedAfterItsName_whenRead_thenTheyReceiveNothing() {
        assertThat(awards("Dự lễ trao Huân chương Lao động có các đồng chí: Hà Văn Tú - Phó Bí thư Tỉnh ủy; Mai Thị Duyên - "
                + "Phó Chủ tịch UBND tỉnh.")).isEmpty();
        assertThat(awards("Dự lễ có lãnh đạo tỉnh; tại buổi lễ, Chủ tịch UBND tỉnh trao Bằng khen cho Trường Tiểu học Tân Lập."))
                .extracting(AwardMention::recipients).containsExactly(List.of("Trường Tiểu học Tân Lập"));
    }

    @Test
    void givenBadgesNamedInQuotesOrByYearsOfMembership_whenRead_thenEachIsAForm_andItsQuoteNoOtherFormsTitle() {
        List<AwardMention> found = awards("Tại buổi lễ, huyện trao danh hiệu Bà mẹ Việt Nam anh hùng cho thân nhân mẹ Đỗ Thị Lựu; "
                + "trao Huy hiệu “Vì sự nghiệp phát triển tỉnh Bình Phước” cho 18 cá nhân. Ông Đặng Văn Thắng nhận Huy hiệu "
                + "55 năm tuổi Đảng.");
        assertThat(found).extracting(AwardMention::award, AwardMention::title).containsExactly(
                tuple("Bà mẹ Việt Nam anh hùng", null),
                tuple("Huy hiệu “Vì sự nghiệp phát triển tỉnh Bình Phước”", null),
                tuple("Huy hiệu 55 năm tuổi Đảng", null));
        assertThat(found.get(1).recipients()).containsExactly("18 cá nhân");
        assertThat(awards("Anh đeo huy hiệu của đoàn trên ngực áo.")).isEmpty();
    }
    @Test
    void givenPastHonoursSummedUpAsManyRewards_whenTheCeremonyGivesAClassOfOneOfThem_thenTheyStayApart() {
        List<AwardMention> found = awards("Ngày 5-3, Công an tỉnh Hòa Bình đón nhận Huân chương Bảo vệ Tổ quốc hạng Nhất.\n"
                + "Qua 50 năm, Công an tỉnh đã được Đảng, Nhà nước tặng nhiều phần thưởng cao quý, được Chủ tịch nước tặng "
                + "Huân chương Bảo vệ Tổ quốc, Huân chương Chiến công hạng Ba.");
        assertThat(found).extracting(AwardMention::award).containsExactlyInAnyOrder("Huân chương Bảo vệ Tổ quốc hạng Nhất",
                "Huân chương Bảo vệ Tổ quốc", "Huân chương Chiến công hạng Ba");
    }

    @Test
    void givenAProposedTotal_whenTheNextSentenceBreaksItDown_thenThePartsAreProposedToo() {
        assertThat(awards("Hội đồng Thi đua - Khen thưởng huyện thống nhất đề nghị 12 tập thể, cá nhân được khen thưởng cấp "
                + "tỉnh. Trong đó, có 4 tập thể nhận Cờ thi đua của UBND tỉnh; 8 cá nhân nhận Bằng khen của Chủ tịch UBND "
                + "tỉnh.")).isEmpty();
        assertThat(awards("Hội đồng còn thông qua đề nghị 1 cá nhân được Chủ tịch UBND tỉnh tặng danh hiệu Chiến sĩ thi đua "
                + "cấp tỉnh.")).isEmpty();
        // a decision taken on a body's proposal is a conferral, and so are its parts
        assertThat(awards("Theo đề nghị của Sở Nội vụ, Chủ tịch UBND tỉnh đã tặng Bằng khen cho 30 tập thể. Trong đó, có 12 "
                + "trường học được tặng Bằng khen.")).singleElement()
                .satisfies(m -> assertThat(m.recipients()).contains("30 tập thể"));
    }
}
