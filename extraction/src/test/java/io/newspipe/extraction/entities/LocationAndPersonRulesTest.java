package io.newspipe.extraction.entities;

import static io.newspipe.extraction.entities.OrganizationBoundaryTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.EntityKind;

/** Places in lists, streets, roads and addresses; persons after positions and in shortened mentions. Sentences written for these tests. */
class LocationAndPersonRulesTest {

    @Test
    void givenACountedPrefixWithAColon_whenExtracted_thenEveryListedUnitIsAPlace() {
        assertThat(names("Dự án triển khai tại 4 xã: Tân Hòa, Phú Lâm, Đông Sơn và Hòa Bình.", EntityKind.LOCATION))
                .containsExactly("Tân Hòa", "Phú Lâm", "Đông Sơn", "Hòa Bình");
    }

    @Test
    void givenListItemsWithTheirOwnPrefix_whenExtracted_thenThePrefixIsDroppedFromEach() {
        assertThat(names("Đoàn đã làm việc với các huyện Krông Pa, Ia Pa, TX Ayun Pa và TP Pleiku.", EntityKind.LOCATION))
                .containsExactly("Krông Pa", "Ia Pa", "Ayun Pa", "Pleiku");
    }

    @Test
    void givenStreetsListedAfterNhu_whenExtracted_thenStreetsNamedAfterPeopleArePlacesNotPersons() {
        String text = "Đèn trang trí được lắp trên các tuyến đường chính như Hùng Vương, Trần Hưng Đạo và Lê Lợi.";
        assertThat(names(text, EntityKind.LOCATION)).containsExactly("Hùng Vương", "Trần Hưng Đạo", "Lê Lợi");
        assertThat(names(text, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenStreetsBridgesAndRivers_whenExtracted_thenTheHeadWordIsDroppedButNumberedRoadsKeepIt() {
        assertThat(names("Xe đi từ đường Nguyễn Văn Linh qua cầu Bến Thủy bắc qua sông Lam rồi nhập vào ĐT 605 và QL 1A.",
                EntityKind.LOCATION)).containsExactly("Nguyễn Văn Linh", "Bến Thủy", "Lam", "ĐT 605", "QL 1A");
    }

    @Test
    void givenAPrefixWordInsideACompound_whenAPersonFollows_thenNoPlaceIsMade() {
        String text = "Tòa yêu cầu Nguyễn Văn An nộp phạt; nhu cầu Hà Nội rất lớn.";
        assertThat(names(text, EntityKind.PERSON)).containsExactly("Nguyễn Văn An");
        assertThat(names(text, EntityKind.LOCATION)).containsExactly("Hà Nội");
    }

    @Test
    void givenAnAddressEndingInAKnownProvince_whenExtracted_thenEveryPartIsAPlace() {
        assertThat(names("Bị can (sinh năm 1980, trú tại Kỳ Phong, Kỳ Anh, Hà Tĩnh) đã bị bắt.", EntityKind.LOCATION))
                .containsExactly("Kỳ Phong", "Kỳ Anh", "Hà Tĩnh");
        assertThat(names("Ông hy sinh ở chiến trường Đắk Tô (Kon Tum) năm 1972.", EntityKind.LOCATION))
                .containsExactly("Đắk Tô", "Kon Tum");
    }

    @Test
    void givenAHouseNumber_whenAStreetNamedAfterAPersonFollows_thenItIsAPlace() {
        String text = "Ý kiến gửi về số 12 Lê Lợi, thành phố Huế.";
        assertThat(names(text, EntityKind.LOCATION)).containsExactly("Lê Lợi", "Huế");
        assertThat(names(text, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenAKnownPlaceInsideALongerName_whenExtracted_thenThePlaceIsNotListed() {
        assertThat(names("Hợp tác khu vực châu Á - Thái Bình Dương được mở rộng.", EntityKind.LOCATION))
                .doesNotContain("Thái Bình");
    }

    @Test
    void givenACapitalizedPrefixAfterAComma_whenExtracted_thenItIsStillAPlace() {
        assertThat(names("Trong các địa phương, Thành phố Đà Nẵng có 20 em đạt giải.", EntityKind.LOCATION))
                .containsExactly("Đà Nẵng");
    }

    @Test
    void givenAPoliticalOfficerTitle_whenExtracted_thenTheNameIsAPerson() {
        assertThat(names("Rạng sáng, chính trị viên Hà Văn Tâm dẫn tổ tuần tra.", EntityKind.PERSON))
                .containsExactly("Hà Văn Tâm");
    }

    @Test
    void givenAShortenedNameWithoutTheMiddleName_whenTheFullNameIsPresent_thenOnlyTheFullNameIsListed() {
        assertThat(names("Anh hùng Lê Văn Hưng hy sinh năm 1979. Vợ liệt sĩ Lê Hưng vẫn giữ kỷ vật.", EntityKind.PERSON))
                .containsExactly("Lê Văn Hưng");
    }

    @Test
    void givenTenBeforeAName_whenNoNamingVerbPrecedesIt_thenTheNameIsAPerson() {
        assertThat(names("Người em trai tên Trịnh Văn Bình kể lại.", EntityKind.PERSON)).containsExactly("Trịnh Văn Bình");
        assertThat(names("Học sinh trường mang tên Lê Quý Đôn đạt giải.", EntityKind.PERSON)).isEmpty();
    }

    @Test
    void givenCountriesFromTheReferenceData_whenExtracted_thenUnambiguousOnesArePlacesEverywhere() {
        assertThat(names("Chuyến bay từ Angola hạ cánh, hàng hóa sang Nam Sudan và Cộng hòa Séc.", EntityKind.LOCATION))
                .contains("Angola", "Nam Sudan", "Cộng hòa Séc");
    }

    @Test
    void givenCountryNamesThatAreAlsoWords_whenTheContextSaysCountry_thenOnlyThoseArePlaces() {
        assertThat(names("Hàng gửi từ các nước Đức, Pháp, Mỹ và Canada; anh Tuấn sang Nhật làm việc.", EntityKind.LOCATION))
                .containsExactly("Đức", "Pháp", "Mỹ", "Canada", "Nhật");
        assertThat(names("Anh em nhà Đức Anh về Mỹ Tho thăm Ý Yên.", EntityKind.LOCATION)).containsExactly("Mỹ Tho");
    }

    @Test
    void givenACentralBodyFromTheReferenceData_whenItsNameHasLowerCaseWords_thenTheWholeNameIsFound() {
        assertThat(names("Chủ tịch Tổng Liên đoàn Lao động Việt Nam dự lễ cùng đại diện Ủy ban Quản lý vốn nhà nước tại "
                + "doanh nghiệp.", EntityKind.ORGANIZATION)).contains("Tổng Liên đoàn Lao động Việt Nam");
    }

    @Test
    void givenAQuotedTitleAfterALowerCaseAwardForm_whenExtracted_thenNothingInsideItIsListed() {
        String text = "Ông được trao kỷ niệm chương “Vì sự nghiệp xây dựng Quân đội nhân dân Việt Nam” năm 2020.";
        assertThat(names(text, EntityKind.ORGANIZATION)).isEmpty();
        assertThat(names(text, EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenABareUnitNameInBracketsAfterABodyOrAPlace_whenExtracted_thenItIsAPlaceButAPersonInBracketsIsNot() {
        String text = "Khen thưởng Trường THCS Phước Hòa (Tuy Phước), Trường Tiểu học Tân Hưng (Cái Nước), Trường "
                + "Mầm non Sơn Ca (Nguyễn Thị Hoa), Công ty CP Sữa Việt Nam (Vinamilk) và nông dân xã Mỹ Hòa (Ba Tri).";
        assertThat(names(text, EntityKind.LOCATION)).contains("Tuy Phước", "Cái Nước", "Mỹ Hòa", "Ba Tri")
                .doesNotContain("Nguyễn Thị Hoa", "Vinamilk");
        assertThat(names(text, EntityKind.ORGANIZATION)).contains("Trường THCS Phước Hòa", "Trường Tiểu học Tân Hưng");
    }
    @Test
    void givenACountryThatClosesTheNameOfADay_whenExtracted_thenItIsNoLocation_butElsewhereItIs() {
        assertThat(names("Trường tổ chức mít tinh kỷ niệm Ngày Nhà giáo Việt Nam 20/11.", EntityKind.LOCATION)).isEmpty();
        assertThat(names("Ngày 27/2, bệnh viện gặp mặt nhân Ngày Thầy thuốc Việt Nam.", EntityKind.LOCATION)).isEmpty();
        assertThat(names("Ngày 3/3, đoàn doanh nghiệp Nhật Bản sang Việt Nam tìm hiểu thị trường.", EntityKind.LOCATION))
                .contains("Việt Nam");
    }

    @Test
    void givenAHmongFamilyName_whenAPositionPrecedesIt_thenThePersonIsNotPartOfTheBody() {
        assertThat(names("Ban Chấp hành Trung ương Hội Nông dân Việt Nam Giàng A Chu đã phát biểu.", EntityKind.PERSON))
                .containsExactly("Giàng A Chu");
        assertThat(names("Ban Chấp hành Trung ương Hội Nông dân Việt Nam Giàng A Chu đã phát biểu.", EntityKind.ORGANIZATION))
                .containsExactly("Ban Chấp hành Trung ương Hội Nông dân Việt Nam");
    }

    @Test
    void givenAPersonBeforeTheAwardHeReceives_whenExtracted_thenTheNameStopsBeforeTheForm() {
        assertThat(names("Chủ tịch nước trao tặng Thượng tướng Lê Văn Hòa Huân chương Quân công hạng Nhì.",
                EntityKind.PERSON)).containsExactly("Lê Văn Hòa");
        assertThat(names("Bộ trưởng trao tặng ông Trần Minh Giấy khen và Bằng khen.", EntityKind.PERSON))
                .containsExactly("Trần Minh");
    }

    @Test
    void givenADaysNameInLowerCaseAfterNgay_whenExtracted_thenVietNamClosingItIsNoLocation() {
        assertThat(names("Chào mừng ngày Doanh nhân Việt Nam, đoàn có ba ngày làm việc tại Việt Nam.", EntityKind.LOCATION))
                .containsExactly("Việt Nam"); // the second: the country where they work
        assertThat(names("Chào mừng ngày Doanh nhân Việt Nam.", EntityKind.LOCATION)).isEmpty();
    }

    @Test
    void givenAPlaceNamedWithItsPrefixBefore_whenWrittenBareLater_thenItIsThatPlace_butNotInsideAPersonsName() {
        String text = "UBND huyện Krông Bông tổ chức hội nghị. Năm 2025, Krông Bông có 9 xã đạt chuẩn. Ông Lê Krông Bông dự.";
        assertThat(names(text, EntityKind.LOCATION)).containsExactly("Krông Bông");
        assertThat(names("Năm 2025, Krông Bông có 9 xã đạt chuẩn.", EntityKind.LOCATION)).as("never named with a prefix")
                .isEmpty();
    }

    @Test
    void givenAKnownPlaceThatOpensLikeAnInstitutionsHead_whenExtracted_thenItIsAPlace() {
        assertThat(names("Hàng hóa được xuất sang Đài Loan và Hàn Quốc; khách đến Hội An tăng.", EntityKind.LOCATION))
                .containsExactly("Đài Loan", "Hàn Quốc", "Hội An");
        assertThat(names("Hàng hóa được xuất sang Đài Loan và Hàn Quốc.", EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void givenATitledPersonWhoseGivenNameIsAProvince_whenExtracted_thenThePersonKeepsIt_butABareDelegationDoesNot() {
        assertThat(names("Phó Thủ tướng Thường trực Chính phủ Phạm Hòa Bình dự lễ.", EntityKind.PERSON))
                .containsExactly("Phạm Hòa Bình");
        assertThat(names("Phó Thủ tướng Thường trực Chính phủ Phạm Hòa Bình dự lễ.", EntityKind.ORGANIZATION))
                .containsExactly("Chính phủ");
        assertThat(names("Phó Thủ tướng Thường trực Chính phủ Phạm Hòa Bình dự lễ.", EntityKind.LOCATION)).isEmpty();
        assertThat(names("Ông Hồ Quảng Nam phát biểu.", EntityKind.PERSON)).containsExactly("Hồ Quảng Nam");
        // no title: "Đoàn Bình Định" is the province's team
        assertThat(names("Đoàn Bình Định giành 20 huy chương vàng.", EntityKind.PERSON)).isEmpty();
    }
    @Test
    void givenAFacilityWhoseKindIsWrittenBeforeItsName_whenExtracted_thenTheWholeNameIsOnePlace() {
        assertThat(names("Đoàn dâng hương tại Khu di tích lịch sử Quốc gia Tân Trào và Khu di tích Kim Liên.",
                EntityKind.LOCATION)).containsExactly("Khu di tích lịch sử Quốc gia Tân Trào", "Khu di tích Kim Liên");
        // a verb after the head opens the clause: the body it names is no part of the facility
        assertThat(names("Khu công nghiệp thu hút Tập đoàn Samsung.", EntityKind.LOCATION)).isEmpty();
    }
}
