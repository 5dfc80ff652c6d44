package io.newspipe.extraction.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountriesTest {

    private static final Countries COUNTRIES = Countries.get();

    private static String iso(String name) {
        return COUNTRIES.find(name).map(Country::iso2).orElse("none");
    }

    @Test
    void namesAndTheirPressVariantsGiveTheIsoCode() {
        assertThat(List.of("Hoa Kỳ", "Mỹ", "hoa kỳ")).allMatch(n -> iso(n).equals("US"));
        assertThat(List.of("Liên bang Nga", "Nga", "LB Nga")).allMatch(n -> iso(n).equals("RU"));
        assertThat(List.of("Hàn Quốc", "Hàn", "Đại Hàn Dân Quốc")).allMatch(n -> iso(n).equals("KR"));
        assertThat(iso("Triều Tiên")).isEqualTo("KP");
        assertThat(iso("Trung Quốc")).isEqualTo("CN");
        assertThat(iso("Lào")).isEqualTo("LA");
        assertThat(List.of("Campuchia", "Cam-pu-chia", "Căm-pu-chia")).allMatch(n -> iso(n).equals("KH"));
        assertThat(List.of("Vương quốc Anh", "Anh")).allMatch(n -> iso(n).equals("GB"));
        assertThat(List.of("Xinh-ga-po", "Singapore", "Xin ga po")).allMatch(n -> iso(n).equals("SG"));
        assertThat(List.of("Thụy Sĩ", "Thuỵ Sĩ", "Thụy Sỹ")).allMatch(n -> iso(n).equals("CH"));
        assertThat(iso("Việt Nam")).isEqualTo("VN");
        assertThat(iso("Hội nghị")).isEqualTo("none");
        assertThat(COUNTRIES.byIso("JP").orElseThrow().name()).isEqualTo("Nhật Bản");
        assertThat(COUNTRIES.byIso("JP").orElseThrow().variants()).contains("Nhật");
        assertThat(COUNTRIES.all().size()).isBetween(240, 260);
    }

    @Test
    void shortNamesThatAreAlsoWordsOrGivenNamesAreFlagged() {
        assertThat(List.of("Mỹ", "Anh", "Đức", "Nga", "Ý")).allMatch(COUNTRIES::isAmbiguous);
        assertThat(List.of("Hoa Kỳ", "Vương quốc Anh", "Nhật Bản", "Campuchia")).noneMatch(COUNTRIES::isAmbiguous);
    }
}
