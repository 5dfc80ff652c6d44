package io.newspipe.stories.state;

import java.util.List;

/**
 * Time-stamped multimap state bounded by a retention period: what the story index holds only for articles of its
 * time window (their signatures and LSH buckets). A Kafka Streams {@code WindowStore<K, V>} built with
 * {@code retainDuplicates = true} implements it as it is: {@code put(key, value, windowStartTimestamp)},
 * {@code fetch(key, timeFrom, timeTo)}, and entries older than the retention (measured from the greatest timestamp
 * seen, "stream time") are dropped by the store itself. {@link InMemoryWindowState} does the same in memory.
 */
public interface WindowState<K, V> {

    /** Adds value under key at timestamp (epoch ms); one key holds any number of values. */
    void put(K key, V value, long timestamp);

    /** The values of key stamped within [from, to] (inclusive), oldest first; empty when none. */
    List<V> fetch(K key, long from, long to);
}
