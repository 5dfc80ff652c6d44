package io.newspipe.extraction.text;

/**
 * A piece of the normalized article text.
 *
 * @param start inclusive offset (UTF-16 units) into the normalized text
 * @param end   exclusive offset
 * @param text  {@code normalizedText.substring(start, end)}
 */
public record Segment(int start, int end, String text) {
    public Segment {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad segment bounds [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean overlaps(int s, int e) {
        return s < end && e > start;
    }
}
