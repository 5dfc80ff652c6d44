package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.EnrichedArticle;

class RevisionRuleTest {

    private static final ContentOrder V1 = new ContentOrder(1, 1_000, 2_000);
    private static final ContentOrder V1_REENRICHED = new ContentOrder(1, 1_000, 9_000);
    private static final ContentOrder V2 = new ContentOrder(2, 5_000, 6_000);

    @Test
    void givenNoPreviousRevision_whenContentArrives_thenItIsRevisionOne() {
        assertThat(ArticleRevision.next(null, "f1", V1))
                .isEqualTo(decision(ArticleRevision.Outcome.PUBLISH, new ArticleRevision("f1", 1, V1)));
    }

    @Test
    void givenPublishedRevision_whenSameFingerprintArrivesAgain_thenNoNewRevision() {
        ArticleRevision state = new ArticleRevision("f1", 3, V1);

        assertThat(ArticleRevision.next(state, "f1", V1))
                .isEqualTo(decision(ArticleRevision.Outcome.UNCHANGED, state));
    }

    @Test
    void givenPublishedRevision_whenNewerContentWithAnotherFingerprintArrives_thenNextRevision() {
        assertThat(ArticleRevision.next(new ArticleRevision("f1", 3, V1), "f2", V2))
                .isEqualTo(decision(ArticleRevision.Outcome.PUBLISH, new ArticleRevision("f2", 4, V2)));
    }

    @Test
    void givenVersionTwoPublished_whenVersionOneArrivesAgainEnrichedLater_thenItIsStaleWhateverItHolds() {
        ArticleRevision state = new ArticleRevision("f2", 2, V2);

        assertThat(ArticleRevision.next(state, "f1-by-a-new-extractor", new ContentOrder(1, 1_000, 99_000)))
                .isEqualTo(decision(ArticleRevision.Outcome.STALE, state));
    }

    @Test
    void givenAReEnrichmentPublished_whenTheOlderEnrichmentOfTheSameVersionIsReDriven_thenItIsStale() {
        ArticleRevision state = new ArticleRevision("f1-new-rules", 2, V1_REENRICHED);

        assertThat(ArticleRevision.next(state, "f1-old-rules", V1).outcome()).isEqualTo(ArticleRevision.Outcome.STALE);
    }

    @Test
    void givenTheSameContentArrivingNewer_whenDecided_thenNoRevisionButItsOrderIsRemembered() {
        assertThat(ArticleRevision.next(new ArticleRevision("f1", 1, V1), "f1", V1_REENRICHED))
                .isEqualTo(decision(ArticleRevision.Outcome.REMEMBER, new ArticleRevision("f1", 1, V1_REENRICHED)));
    }

    @Test
    void givenStateWrittenBeforeOrdersWereKept_whenRead_thenAnyContentIsNewerThanIt() {
        byte[] v1 = java.nio.ByteBuffer.allocate(1 + 4 + 2).put((byte) 1).putInt(4).put("f1".getBytes()).array();

        ArticleRevision state = new ArticleRevisionSerde().deserializer().deserialize("t", v1);

        assertThat(state).isEqualTo(new ArticleRevision("f1", 4, ContentOrder.UNKNOWN));
        assertThat(ArticleRevision.next(state, "f2", V1).state().revision()).isEqualTo(5);
    }

    private static ArticleRevision.Decision decision(ArticleRevision.Outcome outcome, ArticleRevision state) {
        return new ArticleRevision.Decision(outcome, state);
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
        ArticleRevision state = new ArticleRevision(ContentFingerprint.of(EnrichedArticles.article("a1")), 7, V2);

        byte[] bytes = serde.serializer().serialize("t", state);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
    }
}
