package io.newspipe.stories.state;

import java.util.HashMap;
import java.util.Map;

/** {@link KeyValueState} in a HashMap, with the byte size its entries would take in a store. Not thread-safe. */
public final class InMemoryKeyValueState<K, V> implements KeyValueState<K, V> {

    private final Map<K, V> map = new HashMap<>();
    private final Codec<K> keys;
    private final Codec<V> values;

    public InMemoryKeyValueState(Codec<K> keys, Codec<V> values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(K key) {
        map.remove(key);
    }

    public int size() {
        return map.size();
    }

    /** Encoded key plus value bytes of every entry: the payload a persistent store would hold. */
    public long bytes() {
        long n = 0;
        for (Map.Entry<K, V> e : map.entrySet()) {
            n += keys.encode(e.getKey()).length + values.encode(e.getValue()).length;
        }
        return n;
    }
}
