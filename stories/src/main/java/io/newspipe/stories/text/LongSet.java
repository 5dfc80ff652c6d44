package io.newspipe.stories.text;

/** A set of longs by open addressing: no boxing on the per-word path. Immutable once built. */
final class LongSet {

    private final long[] slots;
    private final boolean hasZero;
    private final int mask;

    LongSet(long[] values) {
        int cap = Integer.highestOneBit(Math.max(4, values.length * 2 - 1)) << 1;
        slots = new long[cap];
        mask = cap - 1;
        boolean zero = false;
        for (long v : values) {
            if (v == 0) {
                zero = true;
                continue;
            }
            int i = (int) Hashing.mix64(v) & mask;
            while (slots[i] != 0 && slots[i] != v) {
                i = (i + 1) & mask;
            }
            slots[i] = v;
        }
        hasZero = zero;
    }

    boolean contains(long v) {
        if (v == 0) {
            return hasZero;
        }
        int i = (int) Hashing.mix64(v) & mask;
        while (slots[i] != 0) {
            if (slots[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }
}
