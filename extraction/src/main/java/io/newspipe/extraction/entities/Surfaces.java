package io.newspipe.extraction.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The written forms of the lexicon's words (as listed, Capitalized, UPPER CASE) with their lower-case form and
 * {@link EntityLexicon.Known} entry, probed with a range of the text. A token spelled like one of them takes its strings
 * and entry from here instead of cutting, lower-casing and hashing new strings: that was a third of entity time.
 * Read-only after construction, so shared by all threads.
 */
final class Surfaces {

    static final class Entry {
        final String text;
        final String lower;
        final EntityLexicon.Known known;
        /** {@code known.firstSlots}, or 0 without an entry. */
        final int firstSlots;
        /** {@link Token#flagBits()} of a token with this spelling. */
        final int flags;
        /** {@code text.hashCode()}: compared before the chars, so a probe past other entries costs an int compare. */
        final int hash;
        /** {@link #pack} of the spelling: words up to 8 chars compare in two longs, without reading the string. */
        final long head;
        final long tail;
        /** {@code text.length()}, kept here so a probe never reads the string object (a second cache miss). */
        final int length;

        Entry(String text, String lower, EntityLexicon.Known known, int flags) {
            this.text = text;
            this.lower = lower;
            this.known = known;
            this.firstSlots = known == null ? 0 : known.firstSlots;
            this.flags = flags;
            this.hash = text.hashCode();
            this.head = pack(text, 0, Math.min(text.length(), 4));
            this.tail = pack(text, Math.min(text.length(), 4), Math.min(text.length(), 8));
            this.length = text.length();
        }

        /**
         * Whether this entry is spelled exactly as text[from, from + len), whose first 8 chars pack to head and tail
         * (callers have compared the hash already).
         */
        boolean spells(String text, int from, int len, long head, long tail) {
            return this.head == head && this.tail == tail && this.length == len
                    && (len <= 8 || text.regionMatches(from + 8, this.text, 8, len - 8));
        }
    }

    /** Chars text[from, to) (at most 4) as one long, 16 bits each: what the tokenizer packs while scanning a word. */
    static long pack(String text, int from, int to) {
        long p = 0;
        for (int k = from; k < to; k++) {
            p = p << 16 | text.charAt(k);
        }
        return p;
    }

    private final Entry[] slots;
    /** {@code slots[i].hash}, so probing past other entries reads no entry object. */
    private final int[] hashes;
    private final int mask;
    /**
     * One bit per hash bucket of 2^18, set for every known form: most words of a text are not lexicon words, and a
     * clear bit rejects them from 32 KB that stay in cache, instead of a probe into the large table.
     */
    private final long[] present = new long[1 << 12];

    /** @param lexicon answers the entry of a lower-cased word (only after all its lists are loaded) */
    Surfaces(Iterable<String> lowerWords, EntityLexicon lexicon) {
        List<Entry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String w : lowerWords) {
            if (w.isEmpty()) {
                continue;
            }
            String capitalized = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            for (String form : new String[] {w, capitalized, w.toUpperCase(java.util.Locale.ROOT)}) {
                if (form.length() < 2 || !seen.add(form)) {
                    continue;
                }
                // the lower form and the entry exactly as a token of that text would get them
                Token probe = new Token(form, 0, form.length());
                lexicon.lookUp(probe);
                entries.add(new Entry(form, probe.lower, probe.known, probe.flagBits()));
            }
        }
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        slots = new Entry[cap];
        hashes = new int[cap];
        mask = cap - 1;
        for (Entry e : entries) {
            int slot = spread(e.text.hashCode()) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e;
            hashes[slot] = e.hash;
            int bit = filterBit(e.text.hashCode());
            present[bit >>> 6] |= 1L << bit;
        }
    }

    private static int filterBit(int h) {
        return (h ^ (h >>> 18)) & ((1 << 18) - 1);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /**
     * The entry spelled exactly as text[from, to), given that range's String.hashCode h and its first 8 chars packed
     * ({@link #pack}) into head and tail; or null.
     */
    Entry find(String text, int from, int to, int h, long head, long tail) {
        int bit = filterBit(h);
        if ((present[bit >>> 6] & (1L << bit)) == 0) {
            return null;
        }
        int len = to - from;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            Entry e = slots[slot]; // null-checked without reading the entry itself
            if (e == null) {
                return null;
            }
            if (hashes[slot] == h && e.spells(text, from, len, head, tail)) {
                return e;
            }
        }
    }
}
