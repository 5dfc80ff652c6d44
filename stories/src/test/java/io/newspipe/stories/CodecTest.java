package io.newspipe.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.newspipe.stories.state.Codec;

class CodecTest {

    @Test
    void indexedArticlesRoundTrip() {
        IndexedArticle a = new IndexedArticle("t-1", "s-2", null, 1_700_000_000_000L, new int[] {3, -4, 5}, 17,
                new long[] {-1, 8}, new long[] {9}, new long[] {7}, 42);
        IndexedArticle b = IndexedArticle.CODEC.decode(IndexedArticle.CODEC.encode(a));
        assertThat(b.articleId()).isEqualTo("t-1");
        assertThat(b.storyId()).isEqualTo("s-2");
        assertThat(b.outlet()).isNull();
        assertThat(b.time()).isEqualTo(a.time());
        assertThat(b.signature()).containsExactly(3, -4, 5);
        assertThat(b.shingles()).isEqualTo(17);
        assertThat(b.entityKeys()).containsExactly(-1, 8);
        assertThat(b.titleKeys()).containsExactly(9);
        assertThat(b.officialKeys()).containsExactly(7);
        assertThat(b.regionKey()).isEqualTo(42);
    }

    @Test
    void assignmentsRoundTripWithoutTheReplayFlag() {
        StoryAssignment a = new StoryAssignment("t-1", "s-2", 5, "t-0", "t-0", 1.5, 0.9, true);
        assertThat(StoryAssignment.CODEC.decode(StoryAssignment.CODEC.encode(a)))
                .isEqualTo(new StoryAssignment("t-1", "s-2", 5, "t-0", "t-0", 1.5, 0.9, false));
    }

    @Test
    void storiesRoundTripWithTheirMembersOutletsAndEntityCounts() {
        Story st = Story.empty("s-1")
                .with(new StoryAssignment("a", "s-1", 1_000, null, null, Double.NaN, Double.NaN, false), "Báo A",
                        java.util.List.of("p-1", "o-2"))
                .with(new StoryAssignment("b", "s-1", 5_000, "a", "a", 3, 0.9, false), null, java.util.List.of("p-1"));
        Story back = Story.CODEC.decode(Story.CODEC.encode(st));
        assertThat(back).isEqualTo(st);
        assertThat(back.mainEntities(1)).containsExactly("p-1");
        assertThat(back.lastSeen().toEpochMilli()).isEqualTo(5_000);
    }

    @Test
    void personRolesRoundTripWithTheirPositions() {
        io.newspipe.stories.roles.PersonRoles r = io.newspipe.stories.roles.PersonRoles.empty("p-1", "Trần Văn A")
                .with(new io.newspipe.stories.roles.RoleFact("p-1", "Trần Văn A", "Chủ tịch", "Ủy ban nhân dân tỉnh X",
                        "o-9", java.time.LocalDate.of(2024, 3, 1), "a-1"))
                .with(new io.newspipe.stories.roles.RoleFact("p-1", "Trần Văn A", "Bí thư", null, null,
                        java.time.LocalDate.of(2024, 1, 5), "a-2"));
        assertThat(io.newspipe.stories.roles.PersonRoles.CODEC.decode(io.newspipe.stories.roles.PersonRoles.CODEC
                .encode(r))).isEqualTo(r);
    }

    @Test
    void badBytesAreAClearError() {
        byte[] b = StoryAssignment.CODEC.encode(new StoryAssignment("t", "s", 0, null, null, Double.NaN, Double.NaN,
                false));
        b[0] = 9;
        assertThatThrownBy(() -> StoryAssignment.CODEC.decode(b)).hasMessageContaining("encoding version 9");
        assertThatThrownBy(() -> IndexedArticle.CODEC.decode(new byte[] {1, 0})).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Codec.LONG.decode(new byte[3])).hasMessageContaining("8 bytes");
        assertThat(Codec.LONG.decode(Codec.LONG.encode(-123456789L))).isEqualTo(-123456789L);
    }
}
