package io.newspipe.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.TextNormalizer;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(EntityLexicon.builtIn());

    private static List<EntityMention> extract(String raw) {
        return EXTRACTOR.extract(TextNormalizer.normalize(raw));
    }

    private static List<String> names(List<EntityMention> found, EntityKind kind) {
        return found.stream().filter(m -> m.kind() == kind).map(EntityMention::text).distinct().toList();
    }

    private static EntityMention person(List<EntityMention> found, String name) {
        return found.stream().filter(m -> m.kind() == EntityKind.PERSON && m.text().equals(name)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ persons

    @Test
    void givenTitleWithOrganizationBeforeName_whenExtracted_thenPersonHasRoleAndOrganizationIsListed() {
        List<EntityMention> found = extract("Bí thư Tỉnh ủy Quảng Bình Lê Ngọc Quang chủ trì hội nghị.");
        assertThat(person(found, "Lê Ngọc Quang").role()).isEqualTo("Bí thư Tỉnh ủy Quảng Bình");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Tỉnh ủy Quảng Bình");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenADistrictNamedAfterAPerson_whenItFollowsABodysHead_thenItIsThePlaceNotAPerson() {
        List<EntityMention> found = extract("Lễ khánh thành diễn ra tại huyện Trần Văn Thời, tỉnh Cà Mau. Dự lễ có ông "
                + "Nguyễn Văn Tròn, Bí thư Huyện ủy Trần Văn Thời.");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Nguyễn Văn Tròn");
        assertThat(names(found, EntityKind.LOCATION)).contains("Trần Văn Thời");
    }

    @Test
    void givenRoleAfterDash_whenExtracted_thenRoleIsTheTitleAfterTheName() {
        List<EntityMention> found = extract("Đồng chí Trần Văn Mạnh - Phó Bí thư Tỉnh ủy Hà Tĩnh phát biểu.");
        assertThat(person(found, "Trần Văn Mạnh").role()).isEqualTo("Phó Bí thư Tỉnh ủy Hà Tĩnh");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Tỉnh ủy Hà Tĩnh");
    }

    @Test
    void givenRanksAndHonorifics_whenExtracted_thenOnlyTheFullNameIsThePerson() {
        List<EntityMention> found = extract("Thiếu tá Phạm Quốc Khánh cùng ông Đỗ Văn Lợi và TS Hà Thị Mai đến thăm.");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Phạm Quốc Khánh", "Đỗ Văn Lợi", "Hà Thị Mai");
    }

    @Test
    void givenShortenedMentionsAndInitials_whenExtracted_thenOnlyFullNamesAreListed() {
        List<EntityMention> found = extract("Chị Nguyễn Thị Thu Hằng cho biết. Sau đó, chị Hằng và anh P. cùng bà N.T.K. về nhà.");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Nguyễn Thị Thu Hằng");
    }

    @Test
    void givenNameFollowedByCommaAndTitle_whenExtracted_thenRoleAndOrganizationAreFound() {
        List<EntityMention> found = extract("Ông Võ Minh Tâm, Giám đốc Sở Nông nghiệp và Phát triển nông thôn, cho biết.");
        assertThat(person(found, "Võ Minh Tâm").role()).isEqualTo("Giám đốc Sở Nông nghiệp và Phát triển nông thôn");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Sở Nông nghiệp và Phát triển nông thôn");
    }

    // ------------------------------------------------------------------ organizations

    @Test
    void givenAbbreviatedBodies_whenExtracted_thenSurfaceIsKeptAndCanonicalIsExpanded() {
        List<EntityMention> found = extract("BTV Tỉnh uỷ và UBND tỉnh cùng HĐND tỉnh thống nhất chủ trương.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("BTV Tỉnh ủy", "UBND tỉnh", "HĐND tỉnh");
        assertThat(found).extracting(EntityMention::canonical)
                .contains("Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh");
    }

    @Test
    void givenLongComplementWithCommas_whenExtracted_thenTheWholeNameIsOneOrganization() {
        List<EntityMention> found = extract("Ban Chỉ đạo tỉnh về phòng, chống tham nhũng, tiêu cực họp phiên thứ nhất.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Ban Chỉ đạo tỉnh về phòng, chống tham nhũng, tiêu cực");
    }

    @Test
    void givenCoordinatedDomainsInAName_whenExtracted_thenTheyStayInsideTheName() {
        List<EntityMention> found = extract("Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên phối hợp với Sở Y tế tổ chức.");
        assertThat(names(found, EntityKind.ORGANIZATION))
                .containsExactly("Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên", "Sở Y tế");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenOrganizationsInsidePositionTitles_whenExtracted_thenTheyAreListed() {
        List<EntityMention> found = extract("Thủ tướng Chính phủ và Bộ trưởng Bộ Tài chính Hồ Đức Phớc làm việc với Chủ tịch UBND tỉnh.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Chính phủ", "Bộ Tài chính", "UBND tỉnh");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Hồ Đức Phớc");
    }

    @Test
    void givenGenericReferences_whenExtracted_thenTheyAreNotOrganizations() {
        List<EntityMention> found = extract("Sự lãnh đạo của Đảng, Nhà nước và Trung ương; lực lượng Công an và Hải quan; Sở, Cục và toàn Đảng bộ.");
        assertThat(names(found, EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void givenHierarchicalNameAndParentheticalCode_whenExtracted_thenLongestSpanAndCodeAreListed() {
        List<EntityMention> found = extract("Cán bộ Phòng Cảnh sát kinh tế (PC03), Công an tỉnh Gia Lai đã phối hợp với Đội 3 Cục Điều tra chống buôn lậu.");
        assertThat(names(found, EntityKind.ORGANIZATION))
                .containsExactly("Phòng Cảnh sát kinh tế", "PC03", "Công an tỉnh Gia Lai", "Đội 3 Cục Điều tra chống buôn lậu");
    }

    @Test
    void givenEllipticalCoordination_whenExtracted_thenOnlyTheFirstFullNameIsListed() {
        List<EntityMention> found = extract("Cục Hải quan Lạng Sơn, Cao Bằng và Hà Giang đã tăng thu.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Cục Hải quan Lạng Sơn");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenDocumentAndEventNames_whenExtracted_thenNothingInsideThemIsListed() {
        List<EntityMention> found = extract("Hội nghị triển khai Chiến lược phát triển du lịch Việt Nam đến năm 2030 diễn ra sáng nay.");
        assertThat(found).isEmpty();
    }

    // ------------------------------------------------------------------ locations

    @Test
    void givenAdministrativePrefixes_whenExtracted_thenLocationsAreListedWithoutThem() {
        List<EntityMention> found = extract("Đoàn đến thăm xã Cẩm Thạch, huyện Cẩm Xuyên, thị xã Kỳ Anh và thành phố Hà Tĩnh.");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Cẩm Thạch", "Cẩm Xuyên", "Kỳ Anh", "Hà Tĩnh");
    }

    @Test
    void givenPluralPrefixWithList_whenExtracted_thenEveryListedPlaceIsALocation() {
        List<EntityMention> found = extract("Các huyện Đô Lương, Thanh Chương và Anh Sơn về đích sớm.");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Đô Lương", "Thanh Chương", "Anh Sơn");
    }

    @Test
    void givenPrefixExceptionsAndRoads_whenExtracted_thenThePrefixIsKept() {
        List<EntityMention> found = extract("Xe chạy từ TP Hồ Chí Minh theo quốc lộ 14 về TPHCM và QL 1A.");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("TP Hồ Chí Minh", "quốc lộ 14", "TPHCM", "QL 1A");
    }

    @Test
    void givenProvinceVariantsCountriesAndRegions_whenExtracted_thenTheyAreLocations() {
        List<EntityMention> found = extract("Hàng từ Bà Rịa - Vũng Tàu xuất sang Nhật Bản, còn miền Trung và Tây Nguyên thiếu mưa.");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Bà Rịa - Vũng Tàu", "Nhật Bản", "miền Trung", "Tây Nguyên");
    }

    @Test
    void givenLocationInsideOrganizationName_whenExtracted_thenItIsNotListedSeparately() {
        List<EntityMention> found = extract("Công an tỉnh Long An phối hợp với Sở Tư pháp.");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Công an tỉnh Long An", "Sở Tư pháp");
    }

    @Test
    void givenNamedFacility_whenExtracted_thenItIsALocationWithItsHead() {
        List<EntityMention> found = extract("Nhà đầu tư thuê đất tại Khu công nghiệp Nam Cấm và Cảng Cửa Lò.");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Khu công nghiệp Nam Cấm", "Cảng Cửa Lò");
    }

    @Test
    void givenBodyWhoseNameHasVaCoordinatedWithAPlace_whenExtracted_thenTheNameEndsBeforeThePlace() {
        List<EntityMention> found = extract("Ông Nguyễn Thanh Bình trao Cờ thi đua cho Sở Kế hoạch và Đầu tư và huyện "
                + "Châu Thành.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Sở Kế hoạch và Đầu tư");
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Châu Thành");
    }

    @Test
    void givenHeadFollowedByTheKindOfBodiesItManages_whenExtracted_thenTheyArePartOfItsName() {
        List<EntityMention> found = extract("Ban Quản lý các khu kinh tế tỉnh Quảng Ninh làm việc với UBND các huyện.");
        assertThat(names(found, EntityKind.ORGANIZATION)).contains("Ban Quản lý các khu kinh tế tỉnh Quảng Ninh")
                .doesNotContain("UBND các huyện");
    }

    @Test
    void givenTwoSyllableNameAfterProvinceBody_whenNoProvinceIsCalledThat_thenItIsThePerson() {
        List<EntityMention> found = extract("Phó Chủ tịch UBND tỉnh Hoàng Nam và Chủ tịch UBND tỉnh Hà Nam dự lễ.");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Hoàng Nam");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("UBND tỉnh", "UBND tỉnh Hà Nam");
        List<EntityMention> city = extract("Đến dự có Chủ tịch UBND thành phố Lê Trung Chinh.");
        assertThat(names(city, EntityKind.PERSON)).containsExactly("Lê Trung Chinh");
        assertThat(names(city, EntityKind.ORGANIZATION)).containsExactly("UBND thành phố");
    }

    @Test
    void givenAgencyNamedCoQuanWithItsAbbreviation_whenExtracted_thenBothAreOrganizationsAndItsCountryIsInside() {
        List<EntityMention> found = extract("Bộ Kế hoạch và Đầu tư phối hợp với Cơ quan Hợp tác quốc tế Nhật Bản (JICA) "
                + "tổ chức hội thảo; các cơ quan chức năng tham dự.");
        assertThat(names(found, EntityKind.ORGANIZATION))
                .containsExactly("Bộ Kế hoạch và Đầu tư", "Cơ quan Hợp tác quốc tế Nhật Bản", "JICA");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenHallOfACommittee_whenExtracted_thenTheSchoolHeadInsideTheWordForHallIsIgnored() {
        List<EntityMention> found = extract("Sáng 3/3, tại Hội trường UBND huyện Đông Anh, lễ công bố được tổ chức.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("UBND huyện Đông Anh");
    }

    @Test
    void givenBodyAndATitledPersonJoinedByVa_whenExtracted_thenTheBodyEndsBeforeTheTitle() {
        List<EntityMention> found = extract("Cùng dự có đồng chí Lò Văn Phương, Phó Chủ tịch UBND tỉnh và Già làng Vàng "
                + "A Dế ở xã Mường Nhé.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("UBND tỉnh");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Lò Văn Phương", "Vàng A Dế");
    }

    @Test
    void givenFacilityNamedLikeAPerson_whenExtracted_thenTheWholeNameIsTheFacilityAndNoPersonIsFound() {
        List<EntityMention> found = extract("Tỉnh bố trí quỹ đất sạch tại Khu công nghiệp Hoàng Mai và Khu công nghiệp "
                + "Nguyễn Đức Cảnh để đón nhà đầu tư.");
        assertThat(names(found, EntityKind.LOCATION))
                .containsExactly("Khu công nghiệp Hoàng Mai", "Khu công nghiệp Nguyễn Đức Cảnh");
        assertThat(names(found, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenCompanyWhoseBusinessLineIsInLowerCase_whenExtracted_thenTheWholeNameIsTheCompany() {
        List<EntityMention> found = extract("Sáng 12/3, Công ty TNHH MTV Cấp thoát nước - Môi trường Hòa Bình tổ chức "
                + "hội nghị; Công ty TNHH MTV Xổ số kiến thiết Long An tổ chức quay số.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly(
                "Công ty TNHH MTV Cấp thoát nước - Môi trường Hòa Bình", "Công ty TNHH MTV Xổ số kiến thiết Long An");
        assertThat(names(found, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenSchoolNumberedAfterItsName_whenExtracted_thenTheNumberIsPartOfTheNameButNotACountAfterIt() {
        List<EntityMention> found = extract("Trường Tiểu học Phong Điền 2 và Trường Mầm non Hoa Sen 3 được tặng Giấy "
                + "khen; Trường THPT Nguyễn Du 3 năm liền đạt chuẩn.");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Trường Tiểu học Phong Điền 2",
                "Trường Mầm non Hoa Sen 3", "Trường THPT Nguyễn Du");
    }

    @Test
    void givenForeignNameWithAMiddleInitial_whenExtracted_thenTheInitialIsInsideTheNameButAVietnameseNameEndsAtTheDot() {
        List<EntityMention> found = extract("Anh Nguyễn Văn A. Sau đó, bà Mariam J. Sherman, Giám đốc Quốc gia Ngân "
                + "hàng Thế giới, phát biểu.");
        assertThat(names(found, EntityKind.PERSON)).containsExactly("Nguyễn Văn A", "Mariam J. Sherman");
    }

    // ------------------------------------------------------------------ structure and offsets

    @Test
    void givenBylineCreditTagAndUrl_whenExtracted_thenNothingIsTakenFromThem() {
        List<EntityMention> found = extract("(BĐ) - Sở Công Thương kiểm tra thị trường. Ảnh: Nguyễn Văn Dũng\nTRẦN LÊ\nhttps://baobinhdinh.vn/");
        assertThat(names(found, EntityKind.ORGANIZATION)).containsExactly("Sở Công Thương");
        assertThat(names(found, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenAnyMention_whenExtracted_thenOffsetsSliceTheSurfaceFromTheAnalysedText() {
        String text = TextNormalizer.normalize("Chiều 3/4, Chủ tịch UBND tỉnh Khánh Hoà Nguyễn Tấn Tuân làm việc tại TP Nha Trang.");
        List<EntityMention> found = EXTRACTOR.extract(text);
        assertThat(found).isNotEmpty();
        for (EntityMention m : found) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(names(found, EntityKind.LOCATION)).containsExactly("Nha Trang");
    }
}
