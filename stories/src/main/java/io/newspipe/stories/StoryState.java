package io.newspipe.stories;

import java.time.Duration;

import io.newspipe.stories.state.Codec;
import io.newspipe.stories.state.InMemoryKeyValueState;
import io.newspipe.stories.state.InMemoryWindowState;
import io.newspipe.stories.state.KeyValueState;
import io.newspipe.stories.state.WindowState;

/**
 * The four stores of a {@link StoryIndex}. In Kafka Streams (phase B) each is a state store of the story processor,
 * co-partitioned by nothing: the processor must see every article, so it runs on a topic of one partition or on
 * articles re-keyed to one key (see the README).
 *
 * @param assignments article id -> its {@link StoryAssignment}; kept beyond the window so a replay, however late,
 *                    gets the story it had (key-value store)
 * @param articles    article id -> {@link IndexedArticle}, stamped with the article's time (window store)
 * @param buckets     LSH band key -> article ids, stamped with the article's time (window store)
 * @param members     story id -> its member article ids, stamped with each member's time (window store)
 */
public record StoryState(KeyValueState<String, StoryAssignment> assignments, WindowState<String, IndexedArticle> articles,
        WindowState<Long, String> buckets, WindowState<String, String> members) {

    /** Codecs of the stores' keys and values, for phase B's serdes. */
    public static final Codec<String> ARTICLE_ID = Codec.UTF8;
    public static final Codec<Long> BAND_KEY = Codec.LONG;

    /** In-memory stores whose window states keep {@code retention} (at least the index's window). */
    public static InMemory inMemory(Duration retention) {
        return new InMemory(new InMemoryKeyValueState<>(Codec.UTF8, StoryAssignment.CODEC),
                new InMemoryWindowState<>(retention, Codec.UTF8, IndexedArticle.CODEC),
                new InMemoryWindowState<>(retention, Codec.LONG, Codec.UTF8),
                new InMemoryWindowState<>(retention, Codec.UTF8, Codec.UTF8));
    }

    /** In-memory stores, with their sizes. */
    public record InMemory(InMemoryKeyValueState<String, StoryAssignment> assignments,
            InMemoryWindowState<String, IndexedArticle> articles, InMemoryWindowState<Long, String> buckets,
            InMemoryWindowState<String, String> members) {

        public StoryState state() {
            return new StoryState(assignments, articles, buckets, members);
        }

        /** Encoded bytes held by the window stores (what the window bounds). */
        public long windowBytes() {
            return articles.bytes() + buckets.bytes() + members.bytes();
        }

        /** Encoded bytes of the assignments (what grows with every article ever seen). */
        public long assignmentBytes() {
            return assignments.bytes();
        }
    }
}
