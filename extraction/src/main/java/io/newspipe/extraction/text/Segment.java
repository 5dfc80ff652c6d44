package io.newspipe.extraction.text;

import java.util.Objects;

/**
 * A piece of the normalized article text: offsets into it, the text itself cut out only when asked for (the parser
 * makes a segment of every line and most are only ever used for their offsets).
 */
public final class Segment {

    private final int start;
    private final int end;
    private final String source;

    /**
     * @param source the whole normalized text
     * @param start  inclusive offset (UTF-16 units) into it
     * @param end    exclusive offset
     */
    public Segment(String source, int start, int end) {
        if (start < 0 || end < start || end > source.length()) {
            throw new IllegalArgumentException("bad segment bounds [" + start + ", " + end + ") of a text of "
                    + source.length() + " chars");
        }
        this.source = source;
        this.start = start;
        this.end = end;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** {@code normalizedText.substring(start, end)} (a new string on each call). */
    public String text() {
        return source.substring(start, end);
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean overlaps(int s, int e) {
        return s < end && e > start;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment other && start == other.start && end == other.end
                && source.regionMatches(start, other.source, other.start, end - start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return "Segment[" + start + ", " + end + ") " + text();
    }
}
