package io.newspipe.extraction.entities;

/**
 * Words this thread has already met (lexicon surfaces, {@link Surfaces}, among them), with the strings, lexicon
 * entry and flags a token of that spelling gets: a token spelled like one shares them instead of cutting its text, cutting its
 * lower-case form, classifying its chars and looking itself up again. News text repeats a few thousand syllables, so after a few articles
 * most tokens are found here. Correct by construction: the entry is exactly what the token would compute, since text,
 * lower form, flags and lexicon entry depend only on the spelling. Bounded (stops learning when full); one per thread.
 */
final class WordCache {

    static final int CAPACITY = 1 << 14;
    private static final int MAX_ENTRIES = CAPACITY / 2;

    private final Surfaces.Entry[] slots = new Surfaces.Entry[CAPACITY];
    private int size;

    /**
     * The entry spelled exactly as text[from, to) whose String.hashCode is h and whose first 8 chars pack
     * ({@link Surfaces#pack}) to head and tail, or null.
     */
    Surfaces.Entry find(String text, int from, int to, int h, long head, long tail) {
        int len = to - from;
        for (int slot = spread(h) & (CAPACITY - 1); ; slot = (slot + 1) & (CAPACITY - 1)) {
            // the entry's own hash: nearly every probe is a hit, and a side array of hashes cost one more cache miss
            // per token than the rare collision it spared
            Surfaces.Entry e = slots[slot];
            if (e == null) {
                return null;
            }
            if (e.hash == h && e.spells(text, from, len, head, tail)) {
                return e;
            }
        }
    }

    /** One-char words and punctuation below this char, by char: a tenth of all tokens. */
    private static final int ONE_CHARS = 0x3000;
    private final Surfaces.Entry[] oneChar = new Surfaces.Entry[ONE_CHARS];

    /** The entry of the one-char token c, or null. */
    Surfaces.Entry oneChar(char c) {
        return c < ONE_CHARS ? oneChar[c] : null;
    }

    /** Remembers a looked-up token's strings and entry, unless full or already known. */
    void learn(Token t) {
        if (t.known == null) {
            return;
        }
        if (t.text.length() == 1) {
            char c = t.text.charAt(0);
            if (c < ONE_CHARS && oneChar[c] == null) {
                oneChar[c] = new Surfaces.Entry(t.text, t.lower, t.known, t.flagBits());
            }
            return;
        }
        if (size >= MAX_ENTRIES) {
            return;
        }
        int h = t.text.hashCode();
        int len = t.text.length();
        int slot = spread(h) & (CAPACITY - 1);
        for (Surfaces.Entry e = slots[slot]; e != null; e = slots[slot]) {
            if (e.hash == h && e.text.length() == len && e.text.equals(t.text)) {
                return;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        slots[slot] = new Surfaces.Entry(t.text, t.lower, t.known, t.flagBits());
        size++;
    }

    /** Remembers an entry of the lexicon's surfaces (shared, read-only) met by a token, unless full or known. */
    void remember(Surfaces.Entry e) {
        if (size >= MAX_ENTRIES) {
            return;
        }
        int slot = spread(e.hash) & (CAPACITY - 1);
        for (Surfaces.Entry x = slots[slot]; x != null; x = slots[slot]) {
            if (x == e) {
                return;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        slots[slot] = e;
        size++;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
