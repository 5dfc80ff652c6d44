package io.newspipe.extraction.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal text every match of a regular expression must open with, read from the expression itself: the rules'
 * pre-screens (the words a period pattern is tried at, the phrases an award form can start with) are derived from
 * or checked against the pattern they screen for, instead of being a second hand-kept list.
 *
 * <p>Understood: literal chars, {@code \Q…\E}, escaped punctuation, groups ({@code (?:…)}, {@code (?<name>…)},
 * {@code (…)}) with alternatives, and the quantifier {@code ?}. Zero-width parts (look-arounds, {@code ^}, {@code $})
 * are passed over. Anything else (a class, {@code .}, {@code \d}, {@code \s}, {@code *}, {@code +}, {@code {m,n}},
 * an inline-flag group) ends the literal opening there.
 */
public final class RegexOpenings {

    /** A literal opening; {@code ended} when the expression ended there, false when a non-literal part cut it. */
    public record Opening(String text, boolean ended) {

        /**
         * The first {@code max} words of the opening that are known to be whole: followed by a space in the
         * opening, or the last word of an expression that ended there. Empty when none is.
         */
        public String wholeWords(int max) {
            String[] words = text.split(" ", -1);
            int whole = ended ? words.length : words.length - 1;
            List<String> out = new ArrayList<>();
            for (int i = 0; i < Math.min(whole, max); i++) {
                if (!words[i].isEmpty()) {
                    out.add(words[i]);
                }
            }
            return String.join(" ", out);
        }
    }

    private interface Node {
    }

    private record Literal(char c) implements Node {
    }

    /** A part that is not literal: the opening ends before it. */
    private record Cut() implements Node {
    }

    /** A zero-width part: no text. */
    private record Pass() implements Node {
    }

    private record Choice(List<Sequence> alternatives) implements Node {
    }

    private record Maybe(Node node) implements Node {
    }

    private record Sequence(List<Node> nodes) implements Node {
    }

    private final String re;
    private int pos;

    private RegexOpenings(String re) {
        this.re = re;
    }

    /** Every distinct literal opening of the expression, in the order of its alternatives. */
    public static List<Opening> of(String regex) {
        RegexOpenings parser = new RegexOpenings(regex);
        Choice root = parser.choice();
        if (parser.pos != regex.length()) {
            throw new IllegalArgumentException("unbalanced ')' at " + parser.pos + " in " + regex);
        }
        return List.copyOf(new LinkedHashSet<>(expand(root)));
    }

    private Choice choice() {
        List<Sequence> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            alternatives.add(sequence());
        }
        return new Choice(alternatives);
    }

    private Sequence sequence() {
        List<Node> nodes = new ArrayList<>();
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            if (re.startsWith("\\Q", pos)) {
                int end = re.indexOf("\\E", pos + 2);
                int stop = end < 0 ? re.length() : end;
                for (int i = pos + 2; i < stop; i++) {
                    nodes.add(new Literal(re.charAt(i)));
                }
                pos = end < 0 ? re.length() : end + 2;
                continue;
            }
            nodes.add(quantified(atom()));
        }
        return new Sequence(nodes);
    }

    private Node atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                skipClass();
                return new Cut();
            }
            case '\\' -> {
                char next = re.charAt(pos + 1);
                pos += 2;
                if (!Character.isLetterOrDigit(next)) {
                    return new Literal(next);
                }
                if ((next == 'p' || next == 'P') && pos < re.length() && re.charAt(pos) == '{') {
                    pos = re.indexOf('}', pos) + 1;
                }
                return next == 'b' || next == 'B' ? new Pass() : new Cut();
            }
            case '.' -> {
                pos++;
                return new Cut();
            }
            case '^', '$' -> {
                pos++;
                return new Pass();
            }
            default -> {
                pos++;
                return new Literal(c);
            }
        }
    }

    private Node group() {
        boolean zeroWidth = re.startsWith("(?=", pos) || re.startsWith("(?!", pos) || re.startsWith("(?<=", pos)
                || re.startsWith("(?<!", pos);
        boolean plain = re.startsWith("(?:", pos) || (re.startsWith("(?<", pos) && pos + 3 < re.length()
                && Character.isLetter(re.charAt(pos + 3))) || !re.startsWith("(?", pos);
        if (re.startsWith("(?:", pos)) {
            pos += 3;
        } else if (re.startsWith("(?<", pos) && !zeroWidth) {
            pos = re.indexOf('>', pos) + 1;
        } else if (zeroWidth) {
            pos += re.charAt(pos + 2) == '<' ? 4 : 3;
        } else if (re.startsWith("(?", pos)) {
            pos = re.indexOf(':', pos) + 1; // inline flags: the text inside follows other rules
        } else {
            pos += 1;
        }
        Choice inside = choice();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new IllegalArgumentException("unclosed group in " + re);
        }
        pos++;
        return zeroWidth ? new Pass() : plain ? inside : new Cut();
    }

    private void skipClass() {
        pos++;
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        if (pos < re.length() && re.charAt(pos) == ']') {
            pos++;
        }
        int depth = 1;
        while (pos < re.length() && depth > 0) {
            char c = re.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    private Node quantified(Node atom) {
        if (pos >= re.length()) {
            return atom;
        }
        char q = re.charAt(pos);
        Node out;
        if (q == '?') {
            out = new Maybe(atom);
        } else if (q == '*') {
            out = new Maybe(new Sequence(List.of(atom, new Cut())));
        } else if (q == '+') {
            out = new Sequence(List.of(atom, new Cut()));
        } else if (q == '{') {
            int close = re.indexOf('}', pos);
            boolean mayBeAbsent = re.startsWith("{0", pos);
            Node some = new Sequence(List.of(atom, new Cut()));
            out = mayBeAbsent ? new Maybe(some) : some;
            pos = close;
        } else {
            return atom;
        }
        pos++;
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same texts
        }
        return out;
    }

    private static List<Opening> expand(Node node) {
        if (node instanceof Literal l) {
            return List.of(new Opening(String.valueOf(l.c()), true));
        }
        if (node instanceof Cut) {
            return List.of(new Opening("", false));
        }
        if (node instanceof Pass) {
            return List.of(new Opening("", true));
        }
        List<Opening> out = new ArrayList<>();
        if (node instanceof Maybe o) {
            out.add(new Opening("", true));
            out.addAll(expand(o.node()));
        } else if (node instanceof Choice ch) {
            for (Sequence s : ch.alternatives()) {
                out.addAll(expand(s));
            }
        } else {
            Set<Opening> prefixes = new LinkedHashSet<>(List.of(new Opening("", true)));
            for (Node n : ((Sequence) node).nodes()) {
                Set<Opening> next = new LinkedHashSet<>();
                List<Opening> parts = null;
                for (Opening p : prefixes) {
                    if (!p.ended()) {
                        next.add(p); // cut before this part
                        continue;
                    }
                    if (parts == null) {
                        parts = expand(n);
                    }
                    for (Opening part : parts) {
                        next.add(new Opening(p.text() + part.text(), part.ended()));
                    }
                }
                prefixes = next;
            }
            out.addAll(prefixes);
        }
        return out;
    }
}
