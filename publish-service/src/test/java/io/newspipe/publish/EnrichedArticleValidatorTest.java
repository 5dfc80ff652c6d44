package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;

class EnrichedArticleValidatorTest {

    @Test
    void givenConsistentArticle_whenValidated_thenNoViolations() {
        assertThat(EnrichedArticleValidator.violations("a1", EnrichedArticles.article("a1"))).isEmpty();
    }

    @Test
    void givenBlankArticleId_whenValidated_thenViolationNamesIt() {
        EnrichedArticle a = EnrichedArticles.article(" ");
        assertThat(EnrichedArticleValidator.violations(" ", a)).containsExactly("articleId is blank");
    }

    @Test
    void givenKeyOfAnotherArticle_whenValidated_thenViolationNamesKeyAndId() {
        assertThat(EnrichedArticleValidator.violations("b2", EnrichedArticles.article("a1")))
                .containsExactly("key 'b2' is not the articleId 'a1'");
    }

    @Test
    void givenTombstone_whenValidated_thenViolation() {
        assertThat(EnrichedArticleValidator.violations("a1", null)).singleElement().asString()
                .contains("no value");
    }

    @Test
    void givenEntityOffsetsPastTheText_whenValidated_thenViolationNamesTheEntity() {
        EnrichedArticle a = EnrichedArticles.article("a1");
        Entity e = a.getEntities().get(0);
        e.setEnd(a.getText().length() + 5);

        assertThat(EnrichedArticleValidator.violations("a1", a)).singleElement().asString()
                .startsWith("entities[0] offsets").contains("outside the text");
    }

    @Test
    void givenMentionTextNotAtItsOffsets_whenValidated_thenViolationQuotesBoth() {
        EnrichedArticle a = EnrichedArticles.article("a1");
        a.getKpis().get(0).setText("4/20 chỉ tiêu");
        a.getAwards().get(0).setStart(a.getAwards().get(0).getStart() + 1);

        List<String> problems = EnrichedArticleValidator.violations("a1", a);

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("kpis[0] text '4/20 chỉ tiêu' does not match"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("awards[0] text"));
    }

    @Test
    void givenArticleWithoutMentions_whenValidated_thenValid() {
        EnrichedArticle a = EnrichedArticles.article("a1");
        a.setEntities(new ArrayList<>());
        a.setAwards(new ArrayList<>());
        a.setKpis(new ArrayList<>());
        assertThat(EnrichedArticleValidator.violations("a1", a)).isEmpty();
    }
}
