package io.newspipe.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StoryTest {

    private static StoryAssignment a(String article, String story, long time, String copyOf) {
        return new StoryAssignment(article, story, time, copyOf, null, Double.NaN, Double.NaN, false);
    }

    @Test
    void foldsMembersOutletsTimesAndEntities() {
        Story s = Story.empty("s-1")
                .with(a("t-2", "s-1", 2000, null), "Báo A", List.of("p-x", "l-y"))
                .with(a("t-1", "s-1", 1000, null), "Báo B", List.of("p-x"))
                .with(a("t-3", "s-1", 3000, "t-2"), "Báo A", List.of("p-x", "o-z", "o-z"));
        assertThat(s.members()).extracting(Story.Member::articleId).containsExactly("t-2", "t-1", "t-3");
        assertThat(s.members().get(2).copyOf()).isEqualTo("t-2");
        assertThat(s.outlets()).containsExactly("Báo A", "Báo B");
        assertThat(s.firstSeen()).isEqualTo(Instant.ofEpochMilli(1000));
        assertThat(s.lastSeen()).isEqualTo(Instant.ofEpochMilli(3000));
        assertThat(s.entityArticles()).containsEntry("p-x", 3).containsEntry("o-z", 1);
        assertThat(s.mainEntities(1)).containsExactly("p-x");
    }

    @Test
    void aReplayedMemberChangesNothingAndAnotherStorysArticleIsRefused() {
        Story s = Story.empty("s-1").with(a("t-1", "s-1", 1000, null), "Báo A", List.of("p-x"));
        assertThat(s.with(a("t-1", "s-1", 1000, null), "Báo A", List.of("p-x"))).isSameAs(s);
        assertThatThrownBy(() -> s.with(a("t-9", "s-2", 1000, null), null, List.of()))
                .hasMessageContaining("belongs to story s-2");
    }
}
