package io.newspipe.stories.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@link WindowState} in memory with a window store's retention: stream time is the greatest timestamp put, and
 * every put drops the entries stamped before {@code streamTime - retention}. A put stamped before that is dropped
 * at once, as Kafka Streams drops a record too late for the store's retention. Not thread-safe.
 */
public final class InMemoryWindowState<K, V> implements WindowState<K, V> {

    private record Entry<K, V>(K key, V value, long timestamp) {
    }

    private final long retentionMs;
    private final Codec<K> keys;
    private final Codec<V> values;
    private final Map<K, List<Entry<K, V>>> byKey = new HashMap<>();
    private final NavigableMap<Long, List<Entry<K, V>>> byTime = new TreeMap<>();
    private long streamTime = Long.MIN_VALUE;
    private int size;

    public InMemoryWindowState(Duration retention, Codec<K> keys, Codec<V> values) {
        this.retentionMs = retention.toMillis();
        this.keys = keys;
        this.values = values;
    }

    @Override
    public void put(K key, V value, long timestamp) {
        streamTime = Math.max(streamTime, timestamp);
        long cutoff = streamTime - retentionMs;
        if (timestamp < cutoff) {
            return;
        }
        Entry<K, V> e = new Entry<>(key, value, timestamp);
        byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
        byTime.computeIfAbsent(timestamp, t -> new ArrayList<>(1)).add(e);
        size++;
        expireBefore(cutoff);
    }

    private void expireBefore(long cutoff) {
        for (Iterator<Map.Entry<Long, List<Entry<K, V>>>> it = byTime.headMap(cutoff, false).entrySet().iterator();
                it.hasNext(); ) {
            for (Entry<K, V> e : it.next().getValue()) {
                List<Entry<K, V>> list = byKey.get(e.key());
                list.remove(e);
                if (list.isEmpty()) {
                    byKey.remove(e.key());
                }
                size--;
            }
            it.remove();
        }
    }

    @Override
    public List<V> fetch(K key, long from, long to) {
        List<Entry<K, V>> list = byKey.get(key);
        if (list == null) {
            return List.of();
        }
        long cutoff = streamTime - retentionMs;
        List<Entry<K, V>> hits = new ArrayList<>(list.size());
        for (Entry<K, V> e : list) {
            if (e.timestamp() >= from && e.timestamp() <= to && e.timestamp() >= cutoff) {
                hits.add(e);
            }
        }
        hits.sort((x, y) -> Long.compare(x.timestamp(), y.timestamp()));
        List<V> out = new ArrayList<>(hits.size());
        for (Entry<K, V> e : hits) {
            out.add(e.value());
        }
        return out;
    }

    /** Entries held now. */
    public int size() {
        return size;
    }

    /** Encoded key and value bytes plus an 8-byte timestamp per entry (a window store's key carries it). */
    public long bytes() {
        long n = 0;
        for (List<Entry<K, V>> list : byKey.values()) {
            for (Entry<K, V> e : list) {
                n += keys.encode(e.key()).length + values.encode(e.value()).length + Long.BYTES;
            }
        }
        return n;
    }
}
