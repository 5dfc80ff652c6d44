package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.EnrichedArticle;

class RevisionRuleTest {

    @Test
    void givenNoPreviousRevision_whenContentArrives_thenItIsRevisionOne() {
        assertThat(ArticleRevision.next(null, "f1")).contains(new ArticleRevision("f1", 1));
    }

    @Test
    void givenPublishedRevision_whenSameFingerprintArrives_thenNoNewRevision() {
        assertThat(ArticleRevision.next(new ArticleRevision("f1", 3), "f1")).isEmpty();
    }

    @Test
    void givenPublishedRevision_whenDifferentFingerprintArrives_thenNextRevision() {
        assertThat(ArticleRevision.next(new ArticleRevision("f1", 3), "f2")).contains(new ArticleRevision("f2", 4));
    }

    @Test
    void givenReEnrichmentWithAnotherExtractorVersionAndTime_whenFingerprinted_thenFingerprintIsUnchanged() {
        EnrichedArticle first = EnrichedArticles.article("a1");
        EnrichedArticle again = EnrichedArticles.article("a1");
        again.setExtractorVersion("2.0.0");
        again.setEnrichedAt(Instant.parse("2025-06-01T00:00:00Z"));
        again.setReceivedAt(Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(ContentFingerprint.of(again)).isEqualTo(ContentFingerprint.of(first)).hasSize(64);
    }

    @Test
    void givenChangedContent_whenFingerprinted_thenEachContentFieldChangesTheFingerprint() {
        EnrichedArticle base = EnrichedArticles.article("a1");
        String original = ContentFingerprint.of(base);

        List<EnrichedArticle> changed = new ArrayList<>();
        EnrichedArticle title = EnrichedArticles.article("a1");
        title.setTitle("Khác");
        changed.add(title);
        EnrichedArticle url = EnrichedArticles.article("a1");
        url.setUrl(null);
        changed.add(url);
        EnrichedArticle source = EnrichedArticles.article("a1");
        source.setSource("other.vn");
        changed.add(source);
        EnrichedArticle language = EnrichedArticles.article("a1");
        language.setLanguage("en");
        changed.add(language);
        EnrichedArticle text = EnrichedArticles.article("a1");
        text.setText(base.getText() + " ");
        changed.add(text);
        EnrichedArticle noEntities = EnrichedArticles.article("a1");
        noEntities.setEntities(new ArrayList<>());
        changed.add(noEntities);
        EnrichedArticle role = EnrichedArticles.article("a1");
        role.setEntities(new ArrayList<>(List.of(EnrichedArticles.person("Lê Văn Nam", null))));
        changed.add(role);
        EnrichedArticle entityConfidence = EnrichedArticles.article("a1");
        entityConfidence.getEntities().get(0).setConfidence(0.5);
        changed.add(entityConfidence);
        EnrichedArticle noAwards = EnrichedArticles.article("a1");
        noAwards.setAwards(new ArrayList<>());
        changed.add(noAwards);
        EnrichedArticle kpiValue = EnrichedArticles.article("a1");
        kpiValue.setKpis(new ArrayList<>(List.of(EnrichedArticles.kpi("3/20 chỉ tiêu"))));
        kpiValue.getKpis().get(0).setTotal(21.0);
        changed.add(kpiValue);
        EnrichedArticle kpiConfidence = EnrichedArticles.article("a1");
        kpiConfidence.getKpis().get(0).setConfidence(0.5);
        changed.add(kpiConfidence);

        assertThat(changed).allSatisfy(c -> assertThat(ContentFingerprint.of(c)).isNotEqualTo(original));
    }

    @Test
    void givenRevisionState_whenSerializedAndRead_thenItRoundTrips() {
        ArticleRevisionSerde serde = new ArticleRevisionSerde();
        ArticleRevision state = new ArticleRevision(ContentFingerprint.of(EnrichedArticles.article("a1")), 7);

        byte[] bytes = serde.serializer().serialize("t", state);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
    }
}
