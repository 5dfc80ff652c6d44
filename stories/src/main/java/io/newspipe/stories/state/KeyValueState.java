package io.newspipe.stories.state;

/**
 * Key-value state the story index keeps beyond its time window (which story each article joined). A Kafka Streams
 * {@code KeyValueStore<K, V>} implements it as it is; {@link InMemoryKeyValueState} serves tests and the evaluation.
 */
public interface KeyValueState<K, V> {

    /** The value of key, or null. */
    V get(K key);

    void put(K key, V value);

    void delete(K key);
}
