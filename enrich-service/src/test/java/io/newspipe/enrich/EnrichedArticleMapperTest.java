package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.AwardMention;
import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.KpiMention;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.EntityType;

class EnrichedArticleMapperTest {

    @Test
    void givenExtractionResult_whenMapped_thenEveryMentionFieldIsCarriedOver() {
        String text = "Ông Lê Văn Nam trao Bằng khen tặng 2 tập thể. Có 7/35 chỉ tiêu khó đạt.";
        ExtractionResult result = new ExtractionResult("9.9.9",
                List.of(new EntityMention(EntityKind.PERSON, "Lê Văn Nam", "Lê Văn Nam", 4, 14, "Ông", 0.85)),
                List.of(new AwardMention("Bằng khen", "UBND tỉnh", "Lê Văn Nam", "Hoàn thành xuất sắc nhiệm vụ",
                        List.of("Xã A", "Xã B"), 2, 2023, "Bằng khen tặng 2 tập thể", 20, 44, 0.9)),
                List.of(new KpiMention("chỉ tiêu dự kiến khó đạt", 7.0, "chỉ tiêu", 35.0, null, "gần", "năm 2024",
                        "khó đạt", "7/35 chỉ tiêu", 49, 62, 0.7)));

        EnrichedArticle e = EnrichedArticleMapper.toEnriched(RawArticles.article("a1", text), result,
                Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(e.getExtractorVersion()).isEqualTo("9.9.9");
        assertThat(e.getEnrichedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(e.getEntities()).singleElement().satisfies(en -> {
            assertThat(en.getType()).isEqualTo(EntityType.PERSON);
            assertThat(en.getText()).isEqualTo("Lê Văn Nam");
            assertThat(en.getStart()).isEqualTo(4);
            assertThat(en.getEnd()).isEqualTo(14);
            assertThat(en.getRole()).isEqualTo("Ông");
            assertThat(en.getConfidence()).isEqualTo(0.85);
        });
        assertThat(e.getAwards()).singleElement().satisfies(a -> {
            assertThat(a.getConferrer()).isEqualTo("UBND tỉnh");
            assertThat(a.getPresenter()).isEqualTo("Lê Văn Nam");
            assertThat(a.getTitle()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(a.getRecipients()).containsExactly("Xã A", "Xã B");
            assertThat(a.getRecipientCount()).isEqualTo(2);
            assertThat(a.getYear()).isEqualTo(2023);
            assertThat(a.getStart()).isEqualTo(20);
            assertThat(a.getEnd()).isEqualTo(44);
            assertThat(a.getConfidence()).isEqualTo(0.9);
        });
        assertThat(e.getKpis()).singleElement().satisfies(k -> {
            assertThat(k.getValue()).isEqualTo(7.0);
            assertThat(k.getTotal()).isEqualTo(35.0);
            assertThat(k.getUnit()).isEqualTo("chỉ tiêu");
            assertThat(k.getRank()).isNull();
            assertThat(k.getQualifier()).isEqualTo("gần");
            assertThat(k.getPeriod()).isEqualTo("năm 2024");
            assertThat(k.getStatus()).isEqualTo("khó đạt");
            assertThat(k.getText()).isEqualTo("7/35 chỉ tiêu");
            assertThat(k.getConfidence()).isEqualTo(0.7);
        });
    }
}
