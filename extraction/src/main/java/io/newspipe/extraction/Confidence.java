package io.newspipe.extraction;

/**
 * How sure the rules are of what they found, 0–1, so subscribers can filter. A rule scores its finding by the
 * strength of its evidence (a known name, a name anchored by its grammar, or only the shape of a name) and by
 * the supporting facts it found around it (an award's conferrer and recipients, a figure's period). Several
 * mentions of one entity in an article combine like independent witnesses (noisy-or): a name the article
 * repeats is surer than one seen once. The levels are ordinal evidence classes; {@code extraction/README.md}
 * gives the precision each level had on the annotated sets.
 */
public final class Confidence {
    /** A name found in the reference data or the lexicon (a province, a country, a fixed name). */
    public static final double KNOWN = 0.95;
    /** A name anchored by its grammar: an institution head, an administrative prefix, a title before a person. */
    public static final double ANCHORED = 0.85;
    /** A person's name with no title or honorific: a surname and capitalized syllables. */
    public static final double NAME_SHAPE = 0.75;
    /** Only the shape of a name: a unit code, a camel-case brand, a bare list item after a place. */
    public static final double SHAPE = 0.65;
    /** Never certain: the rules can be wrong on any text. */
    private static final double MAX = 0.99;

    private Confidence() {
    }

    /** Throws unless {@code c} is within 0–1. */
    public static void check(double c) {
        if (!(c >= 0 && c <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + c);
        }
    }

    /** Two independent pieces of evidence for the same finding: {@code 1 - (1 - a)(1 - b)}, at most 0.99. */
    public static double combined(double a, double b) {
        return Math.min(MAX, 1 - (1 - a) * (1 - b));
    }

    /**
     * A finding whose own evidence gives {@code base}, with {@code present} of {@code possible} supporting facts
     * found: each fact removes an equal share of four fifths of the remaining doubt.
     */
    public static double supported(double base, int present, int possible) {
        if (possible <= 0 || present <= 0) {
            return base;
        }
        double share = Math.min(present, possible) / (double) possible;
        return Math.min(MAX, base + (1 - base) * 0.8 * share);
    }
}
