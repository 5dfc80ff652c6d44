package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;

class RevisionDiffTest {

    static PublishedArticle article(int revision, String title, String text, List<Entity> entities, List<Award> awards,
            List<KpiMention> kpis) {
        return PublishedArticle.newBuilder().setArticleId("a1").setRevision(revision)
                .setPublishedAt(Instant.parse("2025-01-0" + revision + "T00:00:00Z")).setContentFingerprint("f" + revision)
                .setTitle(title).setReceivedAt(Instant.EPOCH).setText(text).setEntities(entities).setAwards(awards)
                .setKpis(kpis).setExtractorVersion("1.0").setEnrichedAt(Instant.EPOCH).build();
    }

    static Entity person(String name, String role, int start) {
        return Entity.newBuilder().setType(EntityType.PERSON).setText(name).setCanonical(name).setStart(start)
                .setEnd(start + name.length()).setRole(role).build();
    }

    @Test
    void givenATitleFixAndANewRole_whenDiffed_thenTheFieldAndTheMentionChangesAreListed() {
        Entity an = person("Nguyễn Văn An", null, 0);
        Entity binh = person("Trần Thị Bình", "Chủ tịch", 20);
        Award bangKhen = Award.newBuilder().setAward("Bằng khen").setRecipients(List.of("Trường A")).setText("x")
                .setStart(0).setEnd(1).build();
        KpiMention kpi = KpiMention.newBuilder().setMetric("thu ngân sách").setValue(842.238).setUnit("tỷ đồng")
                .setText("x").setStart(0).setEnd(1).build();
        PublishedArticle before = article(1, "Hội nghi", "text one", List.of(an, an, binh), List.of(bangKhen),
                List.of());
        PublishedArticle after = article(2, "Hội nghị", "text one, longer", List.of(person("Nguyễn Văn An", null, 5),
                person("Trần Thị Bình", "Phó Chủ tịch", 25)), List.of(bangKhen), List.of(kpi));

        RevisionDiff d = RevisionDiff.between(before, after);

        assertThat(d.fields()).extracting(RevisionDiff.FieldChange::field).containsExactly("title", "text");
        assertThat(d.fields().get(0).before()).isEqualTo("Hội nghi");
        assertThat(d.fields().get(1).after()).isEqualTo("16 characters");
        // a shifted offset is no change; the role change is one removal and one addition; one of two An's went
        assertThat(d.added()).containsExactly("person Trần Thị Bình (Phó Chủ tịch)",
                "KPI thu ngân sách: 842.238 tỷ đồng");
        assertThat(d.removed()).containsExactly("person Nguyễn Văn An", "person Trần Thị Bình (Chủ tịch)");
    }

    @Test
    void givenEqualContent_whenDiffed_thenItIsEmpty() {
        PublishedArticle a = article(1, "T", "x", List.of(person("An", null, 0)), List.of(), List.of());
        PublishedArticle b = article(2, "T", "x", List.of(person("An", null, 0)), List.of(), List.of());

        assertThat(RevisionDiff.between(a, b).isEmpty()).isTrue();
    }
}
