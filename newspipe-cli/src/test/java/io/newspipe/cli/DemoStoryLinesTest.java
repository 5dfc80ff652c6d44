package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.PublishedArticle;

class DemoStoryLinesTest {

    private static PublishedArticle article(String id, String source, String storyId, String copyOf) {
        Instant t = Instant.parse("2025-03-10T02:00:00Z");
        return PublishedArticle.newBuilder().setArticleId(id).setRevision(1).setPublishedAt(t)
                .setContentFingerprint("f").setSource(source).setReceivedAt(t).setText("Văn bản " + id)
                .setExtractorVersion("x").setEnrichedAt(t).setStoryId(storyId).setCopyOf(copyOf)
                .setEntities(List.of()).setAwards(List.of()).setKpis(List.of()).build();
    }

    @Test
    void givenPublishedArticles_whenSummarized_thenOneLinePerStoryLargestFirstWithItsOutlets() {
        List<PublishedArticle> published = List.of(article("a", "Báo A", "s-1", null),
                article("b", "Báo B", "s-2", null), article("c", "Báo C", "s-2", "b"),
                article("d", "Báo B", "s-2", null), article("e", null, null, null),
                article("f", null, "s-3", null), article("g", null, "s-3", "f"));

        assertThat(DemoCommand.storyLines(published)).containsExactly("story s-2: 3 articles from 2 outlets",
                "story s-3: 2 articles (no outlet named)", "story s-1: 1 article from 1 outlet");
        assertThat(DemoCommand.summarize(published.get(2), "c.txt")).contains("Story          s-2 (a copy of b)");
    }
}
