package io.newspipe.extraction.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The written forms of the lexicon's words (as listed, Capitalized, UPPER CASE) with their lower-case form and
 * {@link Lexicon.Known} entry, probed with a range of the text. A token spelled like one of them takes its strings
 * and entry from here instead of cutting, lower-casing and hashing new strings: that was a third of entity time.
 * Read-only after construction, so shared by all threads.
 */
final class Surfaces {

    static final class Entry {
        final String text;
        final String lower;
        final Lexicon.Known known;
        /** {@link Token#flagBits()} of a token with this spelling. */
        final int flags;
        /** {@code text.hashCode()}: compared before the chars, so a probe past other entries costs an int compare. */
        final int hash;

        Entry(String text, String lower, Lexicon.Known known, int flags) {
            this.text = text;
            this.lower = lower;
            this.known = known;
            this.flags = flags;
            this.hash = text.hashCode();
        }

        /** Whether this entry is spelled exactly as text[from, from + len), whose hash is h. */
        boolean spells(String text, int from, int len, int h) {
            return hash == h && this.text.length() == len && text.regionMatches(from, this.text, 0, len);
        }
    }

    private final Entry[] slots;
    private final int mask;
    /**
     * One bit per hash bucket of 2^18, set for every known form: most words of a text are not lexicon words, and a
     * clear bit rejects them from 32 KB that stay in cache, instead of a probe into the large table.
     */
    private final long[] present = new long[1 << 12];

    /** @param lexicon answers the entry of a lower-cased word (only after all its lists are loaded) */
    Surfaces(Iterable<String> lowerWords, Lexicon lexicon) {
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
        mask = cap - 1;
        for (Entry e : entries) {
            int slot = spread(e.text.hashCode()) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e;
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

    /** The entry spelled exactly as text[from, to), or null. */
    Entry find(String text, int from, int to) {
        return find(text, from, to, hash(text, from, to));
    }

    /** String.hashCode of text[from, to). */
    static int hash(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + text.charAt(k);
        }
        return h;
    }

    /** As {@link #find(String, int, int)} with the hash of the range already known. */
    Entry find(String text, int from, int to, int h) {
        int bit = filterBit(h);
        if ((present[bit >>> 6] & (1L << bit)) == 0) {
            return null;
        }
        int len = to - from;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            Entry e = slots[slot];
            if (e == null) {
                return null;
            }
            if (e.spells(text, from, len, h)) {
                return e;
            }
        }
    }
}
