package io.newspipe.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiMention;

/** Valid enriched articles for tests, with mentions whose offsets really point at their text. */
final class EnrichedArticles {

    static final String TEXT = "Bí thư Tỉnh ủy Lê Văn Nam trao Bằng khen tặng 2 tập thể gồm Xã A và Xã B. "
            + "Tỉnh có 3/20 chỉ tiêu khó đạt.";

    private EnrichedArticles() {
    }

    static EnrichedArticle article(String id) {
        return EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setUrl("https://example.vn/" + id)
                .setTitle("Hội nghị tổng kết")
                .setSource("example.vn")
                .setLanguage("vi")
                .setPublishedAt(Instant.parse("2024-01-12T02:00:00Z"))
                .setReceivedAt(Instant.parse("2024-01-12T03:00:00Z"))
                .setText(TEXT)
                .setContentHash("hash-" + id)
                .setEntities(new ArrayList<>(List.of(person("Lê Văn Nam", "Bí thư Tỉnh ủy"))))
                .setAwards(new ArrayList<>(List.of(award())))
                .setKpis(new ArrayList<>(List.of(kpi("3/20 chỉ tiêu"))))
                .setExtractorVersion("1.0.0")
                .setEnrichedAt(Instant.parse("2024-01-12T03:00:01Z"))
                .build();
    }

    static Entity person(String name, String role) {
        int start = TEXT.indexOf(name);
        return Entity.newBuilder().setType(EntityType.PERSON).setText(name).setCanonical(name)
                .setStart(start).setEnd(start + name.length()).setRole(role).build();
    }

    static Award award() {
        String span = "Bằng khen tặng 2 tập thể gồm Xã A và Xã B";
        int start = TEXT.indexOf(span);
        return Award.newBuilder().setAward("Bằng khen").setConferrer(null).setPresenter("Lê Văn Nam")
                .setTitle(null).setRecipients(new ArrayList<>(List.of("Xã A", "Xã B"))).setRecipientCount(2)
                .setYear(null).setText(span).setStart(start).setEnd(start + span.length()).build();
    }

    static KpiMention kpi(String span) {
        int start = TEXT.indexOf(span);
        return KpiMention.newBuilder().setMetric("chỉ tiêu khó đạt").setValue(3.0).setUnit("chỉ tiêu")
                .setTotal(20.0).setRank(null).setQualifier(null).setPeriod(null).setStatus("khó đạt")
                .setText(span).setStart(start).setEnd(start + span.length()).build();
    }
}
