package io.newspipe.extraction.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Facts checked by hand against the 2025 resolutions and the statistics office's code lists. */
class AdminUnitsTest {

    private static final AdminUnits UNITS = AdminUnits.get();
    private static final LocalDate BEFORE = LocalDate.of(2024, 6, 1);
    private static final LocalDate AFTER = LocalDate.of(2025, 8, 1);

    private static AdminUnit unit(String id) {
        return UNITS.byId(id).orElseThrow(() -> new AssertionError("no unit " + id));
    }

    private static List<String> ids(List<AdminUnit> units) {
        return units.stream().map(AdminUnit::id).toList();
    }

    @Test
    void theOldMapHas63ProvincesAndTheNewOneExactlyThe34OfTheReform() {
        assertThat(UNITS.provinces(AdminMap.VN63)).hasSize(63);
        assertThat(UNITS.provinces(AdminMap.VN34)).extracting(AdminUnit::name).containsExactlyInAnyOrder(
                "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ",
                "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
                "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị",
                "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long",
                "Đồng Tháp", "An Giang", "Cà Mau");
        assertThat(UNITS.provinces(AdminMap.VN34)).filteredOn(p -> p.prefix().equals("thành phố")).hasSize(6);
        assertThat(UNITS.all(AdminMap.VN34)).noneMatch(u -> u.level() == AdminLevel.DISTRICT);
        assertThat(UNITS.all(AdminMap.VN34)).filteredOn(u -> u.level() == AdminLevel.COMMUNE).hasSize(3321);
        assertThat(UNITS.all(AdminMap.VN63)).filteredOn(u -> u.level() == AdminLevel.DISTRICT).hasSizeBetween(690, 710);
    }

    @Test
    void codesAreUniqueWithinEachMapAndIdsAcrossBoth() {
        for (AdminMap map : AdminMap.values()) {
            Set<String> codes = new HashSet<>();
            for (AdminUnit u : UNITS.all(map)) {
                assertThat(codes.add(u.code())).as("code %s twice in %s", u.code(), map).isTrue();
                int digits = switch (u.level()) {
                    case PROVINCE -> 2;
                    case DISTRICT -> 3;
                    case COMMUNE -> 5;
                };
                assertThat(u.code()).as(u.toString()).hasSize(digits).containsOnlyDigits();
            }
        }
        assertThat(new HashSet<>(ids(UNITS.all()))).hasSameSizeAs(UNITS.all());
    }

    @Test
    void ngheAnIsCode40OnBothMapsAndKeptByTheReform() {
        assertThat(ids(UNITS.find("tỉnh Nghệ An"))).containsExactly("vn63:40", "vn34:40");
        AdminUnit old = unit("vn63:40");
        assertThat(old.validOn(AdminMap.REFORM_2025.minusDays(1))).isTrue();
        assertThat(old.validOn(AdminMap.REFORM_2025)).isFalse();
        assertThat(unit("vn34:40").validOn(AdminMap.REFORM_2025)).isTrue();
        assertThat(ids(UNITS.successors(old))).containsExactly("vn34:40");
        assertThat(UNITS.change(old)).contains(AdminChange.KEPT);
        assertThat(UNITS.change(unit("vn63:42"))).contains(AdminChange.KEPT); // Hà Tĩnh too
        assertThat(UNITS.unitOn("40", AFTER)).contains(unit("vn34:40"));
    }

    @Test
    void vinhIsADistrictLevelCityUntilTheReformThenPartOfNgheAnOnly() {
        List<AdminUnit> vinh = UNITS.find("thành phố Vinh");
        assertThat(ids(vinh)).containsExactly("vn63:412");
        AdminUnit city = vinh.get(0);
        assertThat(city.level()).isEqualTo(AdminLevel.DISTRICT);
        assertThat(city.fullName()).isEqualTo("Thành phố Vinh");
        assertThat(UNITS.province(city).name()).isEqualTo("Nghệ An");
        assertThat(UNITS.children(city)).extracting(AdminUnit::name).contains("Bến Thủy", "Hưng Dũng");
        assertThat(UNITS.change(city)).contains(AdminChange.ABOLISHED);
        assertThat(ids(UNITS.successors("412"))).containsExactly("vn34:40");
        assertThat(UNITS.find("Vinh", AdminQuery.any().on(AFTER))).isEmpty();
        assertThat(UNITS.find("TP Vinh", AdminQuery.any().on(BEFORE))).containsExactly(city);
        // the wards that carry the name on after 2025
        assertThat(UNITS.find("phường Vinh Hưng", AdminQuery.any().on(AFTER))).extracting(AdminUnit::provinceCode)
                .containsExactly("40");
    }

    @Test
    void provincesMergedIntoGiaLaiAndHoChiMinhCityHaveTheirSuccessors() {
        assertThat(ids(UNITS.successors(unit("vn63:52")))).containsExactly("vn34:52"); // Bình Định
        assertThat(ids(UNITS.successors(unit("vn63:64")))).containsExactly("vn34:52"); // Gia Lai (old)
        assertThat(unit("vn34:52").name()).isEqualTo("Gia Lai");
        assertThat(UNITS.change(unit("vn63:52"))).contains(AdminChange.MERGED);
        assertThat(UNITS.unitOn("52", BEFORE).orElseThrow().name()).isEqualTo("Bình Định");
        assertThat(UNITS.unitOn("52", AFTER).orElseThrow().name()).isEqualTo("Gia Lai");
        for (String old : List.of("vn63:74", "vn63:77", "vn63:79")) { // Bình Dương, Bà Rịa - Vũng Tàu, TP HCM
            assertThat(ids(UNITS.successors(unit(old)))).as(old).containsExactly("vn34:79");
        }
        assertThat(UNITS.predecessors(unit("vn34:79"))).filteredOn(u -> u.level() == AdminLevel.PROVINCE)
                .extracting(AdminUnit::name).containsExactlyInAnyOrder("Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh");
        // a district of Bình Định lies in Gia Lai now
        AdminUnit anLao = UNITS.find("huyện An Lão", AdminQuery.any().within(unit("vn63:52"))).get(0);
        assertThat(UNITS.successorProvince(anLao)).contains(unit("vn34:52"));
    }

    @Test
    void baRiaVungTauIsFoundWithEnDashHyphenOrNoDash() {
        for (String written : List.of("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu",
                "tỉnh Bà Rịa—Vũng Tàu", "BÀ RỊA - VŨNG TÀU")) {
            assertThat(ids(UNITS.find(written, AdminQuery.any().level(AdminLevel.PROVINCE)))).as(written)
                    .containsExactly("vn63:77");
        }
    }

    @Test
    void toneMarkPlacementCaseAndPrefixAbbreviationsDoNotMatter() {
        assertThat(UNITS.find("Tỉnh Thanh Hoá")).isEqualTo(UNITS.find("tỉnh thanh hóa")).isNotEmpty();
        assertThat(UNITS.find("Khánh Hoà", AdminQuery.any().level(AdminLevel.PROVINCE))).extracting(AdminUnit::id)
                .containsExactly("vn63:56", "vn34:56");
        assertThat(ids(UNITS.find("TP.HCM"))).containsExactly("vn63:79", "vn34:79");
        assertThat(ids(UNITS.find("TPHCM"))).containsExactly("vn63:79", "vn34:79");
        assertThat(ids(UNITS.find("Thành phố Hồ Chí Minh", AdminQuery.any().map(AdminMap.VN34)))).containsExactly("vn34:79");
        assertThat(UNITS.prefixOf("TP.")).contains("thành phố");
        assertThat(UNITS.prefixOf("Tx")).contains("thị xã");
        assertThat(UNITS.prefixOf("Ủy ban")).isEmpty();
        // a prefix of another level finds nothing: Nghệ An is no district
        assertThat(UNITS.find("huyện Nghệ An")).isEmpty();
    }

    @Test
    void aCommuneMergedIn2025HasItsSuccessorAndItsCodeMayBeReused() {
        AdminUnit trucBach = unit("vn63:00004");
        assertThat(trucBach.fullName()).isEqualTo("Phường Trúc Bạch");
        assertThat(UNITS.successors(trucBach)).extracting(AdminUnit::fullName).containsExactly("Phường Ba Đình");
        assertThat(UNITS.change(trucBach)).contains(AdminChange.MERGED);
        // the new ward kept Trúc Bạch's code: the code means one unit before and another after
        assertThat(UNITS.unitOn("00004", BEFORE)).contains(trucBach);
        assertThat(UNITS.unitOn("00004", AFTER).orElseThrow().name()).isEqualTo("Ba Đình");
        assertThat(UNITS.predecessors(unit("vn34:00004"))).extracting(AdminUnit::name).contains("Trúc Bạch", "Quán Thánh");
        // Cống Vị was divided between Ngọc Hà and Giảng Võ
        assertThat(UNITS.successors("00007")).extracting(AdminUnit::name).containsExactlyInAnyOrder("Ngọc Hà", "Giảng Võ");
        assertThat(UNITS.change(unit("vn63:00007"))).contains(AdminChange.SPLIT);
    }

    @Test
    void islandDistrictsWithoutCommunesBecameSpecialZones() {
        AdminUnit conDao = UNITS.find("huyện Côn Đảo").get(0);
        assertThat(UNITS.successors(conDao)).extracting(AdminUnit::fullName).containsExactly("Đặc khu Côn Đảo");
        assertThat(UNITS.successorProvince(conDao).orElseThrow().name()).isEqualTo("Hồ Chí Minh");
    }

    @Test
    void everyUnitOfTheOldMapHasASuccessorInTheNewProvinceOfItsProvince() {
        for (AdminUnit u : UNITS.all(AdminMap.VN63)) {
            List<AdminUnit> next = UNITS.successors(u);
            assertThat(next).as(u.toString()).isNotEmpty().allMatch(n -> n.map() == AdminMap.VN34);
            AdminUnit newProvince = UNITS.successors(UNITS.province(u)).get(0);
            assertThat(next).as(u.toString()).allMatch(n -> UNITS.province(n).equals(newProvince));
            if (u.level() == AdminLevel.COMMUNE) {
                assertThat(next).as(u.toString()).allMatch(n -> n.level() == AdminLevel.COMMUNE);
            }
        }
        // and every unit of the new map took over something
        assertThat(UNITS.all(AdminMap.VN34)).allMatch(n -> !UNITS.predecessors(n).isEmpty());
    }

    @Test
    void prefixesPerLevelComeFromTheData() {
        assertThat(UNITS.prefixes(AdminLevel.PROVINCE)).containsExactlyInAnyOrder("tỉnh", "thành phố");
        assertThat(UNITS.prefixes(AdminLevel.DISTRICT)).containsExactlyInAnyOrder("quận", "huyện", "thị xã", "thành phố");
        assertThat(UNITS.prefixes(AdminLevel.COMMUNE)).containsExactlyInAnyOrder("xã", "phường", "thị trấn", "đặc khu");
    }

    @Test
    void aBareNameHasManyCandidatesNarrowedByLevelProvinceAndDate() {
        List<AdminUnit> phuMy = UNITS.find("Phú Mỹ");
        assertThat(phuMy.size()).isGreaterThan(5);
        assertThat(phuMy).allMatch(u -> u.name().equals("Phú Mỹ"));
        AdminUnit brvt = unit("vn63:77");
        assertThat(UNITS.find("Phú Mỹ", AdminQuery.any().within(brvt).level(AdminLevel.DISTRICT)))
                .singleElement().satisfies(u -> assertThat(u.provinceCode()).isEqualTo("77"));
        assertThat(UNITS.find("Phú Mỹ", AdminQuery.any().on(AFTER))).allMatch(u -> u.map() == AdminMap.VN34);
        assertThat(UNITS.find("Phú Mỹ", AdminQuery.any().on(BEFORE))).allMatch(u -> u.map() == AdminMap.VN63);
        // "xã Phú Mỹ": the communes written "xã" first, then wards and towns of that name
        List<AdminUnit> xa = UNITS.find("xã Phú Mỹ");
        assertThat(xa.get(0).prefix()).isEqualTo("xã");
        assertThat(xa).allMatch(u -> u.level() == AdminLevel.COMMUNE);
    }

    @Test
    void listItemsAfterOnePrefixAreKnownNames() {
        for (String district : List.of("An Lão", "Tây Sơn", "Phù Cát")) {
            assertThat(UNITS.isName(district, AdminLevel.DISTRICT)).as(district).isTrue();
        }
        assertThat(UNITS.isName("Hội nghị", AdminLevel.DISTRICT)).isFalse();
        assertThat(UNITS.isName("huyện Phù Cát")).isTrue();
        String text = "Mưa lớn ở các huyện: An Lão, Tây Sơn, Phù Cát và thị xã An Nhơn.";
        AdminQuery districts = AdminQuery.any().level(AdminLevel.DISTRICT).map(AdminMap.VN63);
        int start = text.indexOf("An Lão");
        assertThat(text.substring(start, UNITS.longestNameAt(text, start, districts))).isEqualTo("An Lão");
        start = text.indexOf("Phù Cát");
        assertThat(text.substring(start, UNITS.longestNameAt(text, start, districts))).isEqualTo("Phù Cát");
        start = text.indexOf("thị xã");
        assertThat(text.substring(start, UNITS.longestNameAt(text, start, districts))).isEqualTo("thị xã An Nhơn");
        assertThat(UNITS.longestNameAt(text, text.indexOf("Mưa"), districts)).isEqualTo(-1);
        for (String brvt : List.of("Tỉnh Bà Rịa - Vũng Tàu cho biết", "tỉnh Bà Rịa–Vũng Tàu cho biết", "Bà Rịa Vũng Tàu cho biết")) {
            assertThat(UNITS.longestNameAt(brvt, 0, AdminQuery.any())).as(brvt).isEqualTo(brvt.indexOf(" cho"));
        }
    }

    @Test
    void withinADistrictMeansItsCommunesOnly() {
        AdminUnit vinh = unit("vn63:412");
        List<AdminUnit> inVinh = UNITS.find("Hưng Lộc", AdminQuery.any().within(vinh));
        assertThat(inVinh).singleElement().satisfies(u -> assertThat(u.parentCode()).isEqualTo("412"));
        assertThat(UNITS.find("Hưng Lộc").size()).isGreaterThan(1);
        assertThat(UNITS.find("Nghệ An", AdminQuery.any().within(unit("vn63:40")))).isEmpty(); // not the area itself
    }

    @Test
    void namesOfDigitsOnlyNeedTheirPrefix() {
        assertThat(UNITS.isName("1")).isFalse();
        assertThat(UNITS.find("Quận 1", AdminQuery.any().map(AdminMap.VN63))).extracting(AdminUnit::provinceCode)
                .containsExactly("79");
        assertThat(UNITS.find("Q.1", AdminQuery.any().map(AdminMap.VN63))).extracting(AdminUnit::fullName)
                .containsExactly("Quận 1");
        assertThat(UNITS.find("phường 1", AdminQuery.any().map(AdminMap.VN63)).size()).isGreaterThan(10);
    }
}
