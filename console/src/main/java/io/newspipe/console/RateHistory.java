package io.newspipe.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records per second per topic, from the topics' end offsets sampled every few seconds. A ring of the last
 * {@code capacity} samples (120 at 5 s: ten minutes), so memory does not grow with uptime. Offsets count
 * transaction markers too, so under exactly-once the figure is slightly above the records written.
 */
public final class RateHistory {

    /** End offsets summed over each topic's partitions at one moment. */
    public record Sample(Instant at, Map<String, Long> endOffsets) {
    }

    /** One point of a topic's rate: over the interval ending at {@code at}. */
    public record Point(Instant at, double perSecond) {
    }

    private final int capacity;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a rate needs at least 2 samples, capacity " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(Sample sample) {
        if (!samples.isEmpty() && !sample.at().isAfter(samples.peekLast().at())) {
            return; // a clock step back would make a negative interval
        }
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    public synchronized int size() {
        return samples.size();
    }

    /** Topics seen in any sample, in first-seen order. */
    public synchronized List<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        samples.forEach(s -> topics.addAll(s.endOffsets().keySet()));
        return new ArrayList<>(topics);
    }

    /** The rate of a topic between consecutive samples that both have it; a shrinking offset (a new topic) is 0. */
    public synchronized List<Point> series(String topic) {
        List<Point> points = new ArrayList<>();
        Sample previous = null;
        for (Sample s : samples) {
            Long now = s.endOffsets().get(topic);
            if (previous != null && now != null && previous.endOffsets().get(topic) != null) {
                double seconds = Duration.between(previous.at(), s.at()).toMillis() / 1000.0;
                long delta = Math.max(0, now - previous.endOffsets().get(topic));
                points.add(new Point(s.at(), delta / seconds));
            }
            previous = s;
        }
        return points;
    }

    /** The latest rate of a topic, 0 when fewer than two samples have it. */
    public double latest(String topic) {
        List<Point> s = series(topic);
        return s.isEmpty() ? 0 : s.get(s.size() - 1).perSecond();
    }
}
