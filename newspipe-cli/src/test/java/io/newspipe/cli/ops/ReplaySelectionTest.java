package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newspipe.cli.ops.ReplaySelection.Position;

class ReplaySelectionTest {

    private static final Instant T0 = Instant.parse("2024-01-12T00:00:00Z");

    private static long at(int minutes) {
        return T0.plusSeconds(60L * minutes).toEpochMilli();
    }

    @Test
    void givenWindow_whenRecordsOffered_thenOnlyArticlesWithARecordInsideAreSelected() {
        ReplaySelection s = new ReplaySelection(T0.plusSeconds(600), T0.plusSeconds(1200), Set.of());

        s.offer("before", at(5), new Position(0, 0));
        s.offer("inside", at(10), new Position(0, 1));
        s.offer("edge", at(20), new Position(0, 2));
        s.offer("after", at(21), new Position(0, 3));

        assertThat(s.selectedIds()).containsExactly("inside", "edge");
        assertThat(s.scanned()).isEqualTo(4);
    }

    @Test
    void givenSeveralVersionsOfAnArticle_whenSelected_thenOnlyItsLatestRecordIsSent() {
        ReplaySelection s = new ReplaySelection(T0, T0.plusSeconds(1200), Set.of());

        s.offer("a", at(1), new Position(0, 10));
        s.offer("a", at(2), new Position(0, 11));
        s.offer("b", at(3), new Position(1, 4));

        assertThat(s.selectedIds()).containsExactly("a", "b");
        assertThat(s.positionsToSend()).containsExactly(new Position(0, 11), new Position(1, 4));
    }

    @Test
    void givenNewerVersionAfterTheWindow_whenSelected_thenTheNewerOneIsSentSoNoStaleContentIsRepublished() {
        ReplaySelection s = new ReplaySelection(T0, T0.plusSeconds(600), Set.of());

        s.offer("a", at(5), new Position(0, 1));
        s.offer("a", at(30), new Position(0, 7));
        s.offer("late-only", at(40), new Position(0, 8));

        assertThat(s.selectedIds()).containsExactly("a");
        assertThat(s.positionOf("a")).contains(new Position(0, 7));
    }

    @Test
    void givenIds_whenRecordsOffered_thenOnlyThoseIdsAreSelected() {
        ReplaySelection s = new ReplaySelection(null, null, Set.of("x", "z"));

        s.offer("x", at(1), new Position(0, 0));
        s.offer("y", at(2), new Position(0, 1));
        s.offer("z", at(3), new Position(0, 2));
        s.offer(null, at(4), new Position(0, 3));

        assertThat(s.selectedIds()).containsExactly("x", "z");
    }

    @Test
    void givenToBeforeFrom_whenCreated_thenRejectedNamingBoth() {
        assertThatThrownBy(() -> new ReplaySelection(T0, T0.minusSeconds(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--to").hasMessageContaining("--from");
    }
}
