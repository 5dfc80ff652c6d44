package io.newspipe.extraction.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-word dictionary over tokens: a trie keyed by lower-cased token text, so lookup is one hash probe per token
 * and never builds strings. With {@code caseChecked}, a token written capitalized in the entry must also be
 * capitalized in the text ("miền Trung" matches "Miền Trung" but not "miền trung").
 */
final class PhraseDict {

    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        String entry;
        String flags;
        boolean[] capMask;
    }

    /** Number of memo slots per token: each dictionary of a lexicon has its own (see {@link Token#dictMemo}). */
    static final int SLOTS = 11;

    private final Node root = new Node();
    private final boolean caseChecked;
    /** This dictionary's memo slot in [0, SLOTS): the rules ask the same dictionary about the same token many times. */
    private final int slot;
    private int size;

    PhraseDict(boolean caseChecked, int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("dictionary slot out of range: " + slot);
        }
        this.caseChecked = caseChecked;
        this.slot = slot;
    }

    /**
     * Flag of an entry whose words after the first may be written in lower case: a long official name is often
     * written so ("Bộ giáo dục và đào tạo") and stays unmistakable.
     */
    static final String FIRST_CAPITAL_ONLY = "F";

    void add(String entry, String flags) {
        List<Token> toks = Tokenizer.tokenize(entry);
        if (toks.isEmpty()) {
            return;
        }
        Node node = root;
        boolean[] mask = new boolean[toks.size()];
        for (int k = 0; k < toks.size(); k++) {
            Token t = toks.get(k);
            mask[k] = t.cap && (k == 0 || flags == null || !flags.contains(FIRST_CAPITAL_ONLY));
            node = node.next.computeIfAbsent(t.lower, x -> new Node());
        }
        if (node.entry == null) {
            size++;
        }
        node.entry = entry;
        node.flags = flags == null ? "" : flags;
        node.capMask = mask;
    }

    /** This dictionary's memo and vocabulary slot. */
    int slot() {
        return slot;
    }

    /** The trie below each lower-cased first word (for {@link EntityLexicon.Known}). */
    Map<String, Node> firstNodes() {
        return root.next;
    }

    /** Lower-cased first words of all entries. */
    java.util.Set<String> firstWords() {
        return root.next.keySet();
    }

    int size() {
        return size;
    }

    /** Result of a longest match: number of tokens and the entry's flags. */
    record Match(int length, String entry, String flags) {
    }

    /** Longest entry starting at token i, not crossing masked tokens; null when none. */
    Match match(Token[] toks, int i) {
        return match(toks, i, false);
    }

    /** @param relaxFirst accept a lower-case first token even if the entry has it capitalized */
    Match match(Token[] toks, int i, boolean relaxFirst) {
        if (i >= toks.length) {
            return null;
        }
        // memoized on the token: masks and tokens do not change during a scan, so the answer is always the same.
        // Most answers are "no match": those are two bits on the token; only a match allocates the memo array.
        Token first = toks[i];
        if (first.known != null && (first.firstSlots & (1 << slot)) == 0) {
            return null; // no entry of this dictionary opens with this word
        }
        int at = 2 * slot + (relaxFirst ? 1 : 0);
        int bit = 1 << at;
        if ((first.dictNoMatch & bit) != 0) {
            return null;
        }
        Object[] memo = first.dictMemo;
        if (memo != null && memo[at] != null) {
            return (Match) memo[at];
        }
        Match found = longest(toks, i, relaxFirst);
        if (found == null) {
            first.dictNoMatch |= bit;
        } else {
            if (memo == null) {
                memo = new Object[2 * SLOTS];
                first.dictMemo = memo;
            }
            memo[at] = found;
        }
        return found;
    }

    private Match longest(Token[] toks, int i, boolean relaxFirst) {
        Node node = root;
        Match best = null;
        for (int k = i; k < toks.length; k++) {
            Token t = toks[k];
            if (t.masked) {
                break;
            }
            // the first step comes from the token's vocabulary entry when it has one: no hash probe
            node = k == i && t.known != null ? t.known.firstNode(slot) : node.next.get(t.lower);
            if (node == null) {
                break;
            }
            if (node.entry != null && capsOk(node.capMask, toks, i, relaxFirst)) {
                best = new Match(k - i + 1, node.entry, node.flags);
            }
        }
        return best;
    }

    private boolean capsOk(boolean[] mask, Token[] toks, int i, boolean relaxFirst) {
        if (!caseChecked) {
            return true;
        }
        for (int k = 0; k < mask.length; k++) {
            if (mask[k] && !toks[i + k].cap && !(k == 0 && relaxFirst)) {
                return false;
            }
        }
        return true;
    }

    boolean contains(String phrase) {
        Token[] toks = Tokenizer.tokenize(phrase).toArray(new Token[0]);
        Match m = match(toks, 0);
        return m != null && m.length() == toks.length;
    }
}
