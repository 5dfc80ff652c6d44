package io.newspipe.stories.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class InMemoryWindowStateTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void fetchReturnsTheValuesOfAKeyWithinTheRangeOldestFirst() {
        InMemoryWindowState<String, String> s = new InMemoryWindowState<>(Duration.ofDays(10), Codec.UTF8, Codec.UTF8);
        s.put("k", "b", 2 * DAY);
        s.put("k", "a", DAY);
        s.put("k", "c", 3 * DAY);
        s.put("other", "x", 2 * DAY);
        assertThat(s.fetch("k", DAY, 2 * DAY)).containsExactly("a", "b");
        assertThat(s.fetch("k", 0, 10 * DAY)).containsExactly("a", "b", "c");
        assertThat(s.fetch("missing", 0, 10 * DAY)).isEmpty();
    }

    @Test
    void entriesOlderThanTheRetentionBehindStreamTimeAreDropped() {
        InMemoryWindowState<String, String> s = new InMemoryWindowState<>(Duration.ofDays(4), Codec.UTF8, Codec.UTF8);
        s.put("k", "old", DAY);
        s.put("k", "mid", 3 * DAY);
        assertThat(s.size()).isEqualTo(2);
        s.put("j", "new", 6 * DAY); // stream time 6: the cutoff is day 2
        assertThat(s.fetch("k", 0, 10 * DAY)).containsExactly("mid");
        assertThat(s.size()).isEqualTo(2);
        s.put("k", "late", DAY); // too late for the retention: dropped, as a window store drops it
        assertThat(s.fetch("k", 0, 10 * DAY)).containsExactly("mid");
        assertThat(s.bytes()).isEqualTo(("k".length() + "mid".length() + 8) + ("j".length() + "new".length() + 8));
    }
}
