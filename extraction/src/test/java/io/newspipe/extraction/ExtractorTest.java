package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.entities.EntityLexicon;

class ExtractorTest {

    @Test
    void givenDifferentLexiconContent_whenVersionIsRead_thenItDiffers() {
        Map<String, String> lists = new HashMap<>();
        lists.put("provinces.txt", "Nghệ An\n");
        String before = Extractor.create(EntityLexicon.of(lists)).version();
        lists.put("provinces.txt", "Nghệ An\nHà Tĩnh\n");
        String after = Extractor.create(EntityLexicon.of(lists)).version();
        assertThat(after).isNotEqualTo(before);
        assertThat(Extractor.create(EntityLexicon.of(lists)).version()).isEqualTo(after);
    }

    @Test
    void givenBuiltInEngine_whenVersionIsRead_thenItNamesRulesAndLexiconHash() {
        String version = Extractor.create().version();
        assertThat(version).startsWith(Extractor.RULES_VERSION + "+lex.");
        assertThat(Extractor.create().version()).isEqualTo(version);
    }

    @Test
    void givenRawText_whenExtracted_thenResultCarriesVersionAndEntities() {
        Extractor extractor = Extractor.create();
        ExtractionResult r = extractor.extract(TextNormalizer.normalize("Phó Chủ tịch UBND tỉnh Hoàng Văn Bình làm việc tại huyện Yên Thành."));
        assertThat(r.extractorVersion()).isEqualTo(extractor.version());
        assertThat(r.entities()).extracting(EntityMention::text).contains("Hoàng Văn Bình", "UBND tỉnh", "Yên Thành");
    }

    @Test
    void givenCountedGroupsThatReceiveAnAward_whenExtracted_thenTheyAreRecipientsAndNoKpi() {
        ExtractionResult r = Extractor.create().extract(TextNormalizer.normalize("Năm 2024, toàn huyện thu ngân sách đạt 412 "
                + "tỷ đồng. Dịp này, 36 hợp tác xã được Chủ tịch UBND tỉnh tặng Bằng khen, 18 hộ gia đình được Chủ tịch UBND "
                + "huyện tặng Giấy khen."));
        assertThat(r.awards()).flatExtracting(AwardMention::recipients).containsExactly("36 hợp tác xã", "18 hộ gia đình");
        assertThat(r.kpis()).extracting(KpiMention::value).containsExactly(412.0);
    }

    @Test
    void givenFormsProposedForCountedUnits_whenExtracted_thenThoseCountsAreNoKpi() {
        // the counts are recipients of forms even though nothing is conferred yet (a council's deliberation)
        ExtractionResult r = Extractor.create().extract(TextNormalizer.normalize("Năm 2025, thu ngân sách của tỉnh đạt 9.120 "
                + "tỷ đồng. Hội đồng Thi đua - Khen thưởng tỉnh thống nhất đề nghị tặng Cờ thi đua của UBND tỉnh cho 27 đơn "
                + "vị dẫn đầu khối thi đua; Bằng khen của Chủ tịch UBND tỉnh cho khoảng 40 đơn vị thuộc các cụm."));
        assertThat(r.kpis()).extracting(KpiMention::value).containsExactly(9120.0);
    }
}
