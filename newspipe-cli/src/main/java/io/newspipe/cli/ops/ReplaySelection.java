package io.newspipe.cli.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which raw records a replay sends, decided from the records' keys, timestamps and positions alone. No Kafka.
 *
 * <p>An article is selected when one of its records lies in the time window (and its id is asked for, when ids are
 * given). What is sent for a selected article is its LATEST record seen in the whole scan, not the latest inside the
 * window: re-enriching an older version than the one already published would publish stale content as a new
 * revision. So each selected article is re-enriched once, at its current version.
 */
public final class ReplaySelection {

    /** Where a record sits in the raw topic. */
    public record Position(int partition, long offset) {
    }

    private final Instant from;
    private final Instant to;
    private final Set<String> ids;
    private final Set<String> selected = new LinkedHashSet<>();
    private final Map<String, Position> latest = new HashMap<>();
    private final Map<String, Long> latestTimestamp = new HashMap<>();
    private long scanned;

    /**
     * @param from inclusive lower bound of record timestamps; null = no bound
     * @param to   inclusive upper bound of record timestamps; null = no bound
     * @param ids  article ids to keep; empty = every id
     */
    public ReplaySelection(Instant from, Instant to, Set<String> ids) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        this.from = from;
        this.to = to;
        this.ids = Set.copyOf(ids);
    }

    /** Offers a scanned record; records of one partition must come in offset order. Null keys are never selected. */
    public void offer(String key, long timestampMs, Position position) {
        scanned++;
        if (key == null || (!ids.isEmpty() && !ids.contains(key))) {
            return;
        }
        Position previous = latest.get(key);
        // a key lives in one partition, where the higher offset is newer; across partitions (after the topic was
        // repartitioned) the later timestamp wins
        boolean newer = previous == null || (previous.partition() == position.partition()
                ? position.offset() > previous.offset()
                : timestampMs >= latestTimestamp.get(key));
        if (newer) {
            latest.put(key, position);
            latestTimestamp.put(key, timestampMs);
        }
        if (inWindow(timestampMs)) {
            selected.add(key);
        }
    }

    private boolean inWindow(long timestampMs) {
        return (from == null || timestampMs >= from.toEpochMilli()) && (to == null || timestampMs <= to.toEpochMilli());
    }

    /** How many records were offered. */
    public long scanned() {
        return scanned;
    }

    /** The selected article ids, in the order they were first seen in the window. */
    public List<String> selectedIds() {
        return List.copyOf(selected);
    }

    /** The record to send for each selected article, ordered by partition and offset (the raw topic's order). */
    public List<Position> positionsToSend() {
        List<Position> out = new ArrayList<>();
        for (String id : selected) {
            out.add(latest.get(id));
        }
        out.sort(Comparator.comparingInt(Position::partition).thenComparingLong(Position::offset));
        return out;
    }

    /** The record to send for an article, if it was selected. */
    public Optional<Position> positionOf(String id) {
        return selected.contains(id) ? Optional.of(latest.get(id)) : Optional.empty();
    }

    /** The lower bound of the window, if any. */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    public Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    public Set<String> ids() {
        return ids;
    }
}
