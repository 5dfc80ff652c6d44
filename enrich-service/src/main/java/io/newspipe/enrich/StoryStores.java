package io.newspipe.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.newspipe.stories.IndexedArticle;
import io.newspipe.stories.Story;
import io.newspipe.stories.StoryAssignment;
import io.newspipe.stories.StoryState;
import io.newspipe.stories.roles.PersonRoles;
import io.newspipe.stories.state.Codec;
import io.newspipe.stories.state.KeyValueState;
import io.newspipe.stories.state.WindowState;

/**
 * The story step's state stores: the four of the story index ({@link StoryState}) plus the stories and the persons'
 * positions, as persistent Kafka Streams stores with changelogs, their values in the stories module's codecs. The
 * window stores retain duplicates and drop what is older than stream time minus the window, which is the index's
 * eviction.
 */
final class StoryStores {

    static final String ASSIGNMENTS = "story-assignments";
    static final String ARTICLES = "story-articles";
    static final String BUCKETS = "story-buckets";
    static final String MEMBERS = "story-members";
    static final String STORIES = "stories";
    static final String ROLES = "person-roles";

    static final String[] ALL = {ASSIGNMENTS, ARTICLES, BUCKETS, MEMBERS, STORIES, ROLES};

    private StoryStores() {
    }

    static void add(StreamsBuilder builder, Duration window) {
        keyValue(builder, ASSIGNMENTS, StoryAssignment.CODEC);
        keyValue(builder, STORIES, Story.CODEC);
        keyValue(builder, ROLES, PersonRoles.CODEC);
        window(builder, ARTICLES, window, Serdes.String(), serde(IndexedArticle.CODEC));
        window(builder, BUCKETS, window, Serdes.Long(), Serdes.String());
        window(builder, MEMBERS, window, Serdes.String(), Serdes.String());
    }

    static StoryState state(ProcessingContext context) {
        return new StoryState(keyValue(context.getStateStore(ASSIGNMENTS)), window(context.getStateStore(ARTICLES)),
                window(context.getStateStore(BUCKETS)), window(context.getStateStore(MEMBERS)));
    }

    private static <V> void keyValue(StreamsBuilder builder, String name, Codec<V> codec) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                serde(codec)));
    }

    private static <K, V> void window(StreamsBuilder builder, String name, Duration window, Serde<K> keys,
            Serde<V> values) {
        // window size 1 ms: entries are points in time, fetched by their timestamps
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(name, window,
                Duration.ofMillis(1), true), keys, values));
    }

    static <V> Serde<V> serde(Codec<V> codec) {
        return Serdes.serdeFrom((topic, v) -> v == null ? null : codec.encode(v),
                (topic, bytes) -> bytes == null ? null : codec.decode(bytes));
    }

    static <K, V> KeyValueState<K, V> keyValue(KeyValueStore<K, V> store) {
        return new KeyValueState<>() {
            @Override
            public V get(K key) {
                return store.get(key);
            }

            @Override
            public void put(K key, V value) {
                store.put(key, value);
            }

            @Override
            public void delete(K key) {
                store.delete(key);
            }
        };
    }

    static <K, V> WindowState<K, V> window(WindowStore<K, V> store) {
        return new WindowState<>() {
            @Override
            public void put(K key, V value, long timestamp) {
                store.put(key, value, timestamp);
            }

            @Override
            public List<V> fetch(K key, long from, long to) {
                List<V> out = new ArrayList<>();
                try (WindowStoreIterator<V> it = store.fetch(key, from, to)) {
                    it.forEachRemaining(kv -> out.add(kv.value));
                }
                return out;
            }
        };
    }
}
