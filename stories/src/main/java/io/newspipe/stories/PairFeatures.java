package io.newspipe.stories;

/**
 * How alike two articles are, from what the index keeps of them.
 *
 * @param similarity    MinHash estimate of the Jaccard similarity of their shingle sets
 * @param entityOverlap Jaccard of their entity id sets
 * @param sharedEntities how many entity ids they share
 * @param titleOverlap  Jaccard of their title content words
 * @param hoursApart    hours between their times
 * @param conflict      they are about different provinces, or both name persons with a post and share none of
 *                      them (see {@link StoryParams})
 */
public record PairFeatures(double similarity, double entityOverlap, int sharedEntities, double titleOverlap,
        double hoursApart,
        boolean conflict) {

    /** Added to the similarity before its logarithm: keeps a zero estimate finite. */
    public static final double SIMILARITY_FLOOR = 0.005;

    /**
     * The pair score: {@code wS ln(J + 0.005) + wE E + wN ln(1 + shared) + wT T - wH ln(1 + hours) + bias}, minus infinity for a conflict
     * that is not a copy. "Same story" when >= 0. A logistic model's logit: the weights are fitted (module README).
     */
    public double score(StoryParams p) {
        if (conflict && similarity < p.copySimilarity()) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] t = terms();
        double s = p.weight(t.length);
        for (int i = 0; i < t.length; i++) {
            s += p.weight(i) * t[i];
        }
        return s;
    }

    /** The inputs of {@link #score} in order, without weights (for fitting them). */
    public double[] terms() {
        return new double[] {Math.log(similarity + SIMILARITY_FLOOR), entityOverlap, Math.log1p(sharedEntities),
            titleOverlap, -Math.log1p(hoursApart)};
    }
}
