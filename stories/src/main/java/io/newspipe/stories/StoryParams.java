package io.newspipe.stories;

import java.time.Duration;

import io.newspipe.stories.text.ToneFolding;

/**
 * The parameters of story detection (see the module README for how each was chosen and what it costs).
 *
 * @param shingleWords    words per shingle
 * @param folding         diacritics ignored when comparing words
 * @param hashes          MinHash functions per signature (k): the Jaccard estimate's resolution is 1/k
 * @param bands           LSH bands (b) indexed per article: one bucket entry each
 * @param rows            signature positions per band (r); b * r <= k. Two articles become candidates when they
 *                        agree on all r positions of some band: probability 1 - (1 - J^r)^b
 * @param minBandHits     bands two articles must share to be compared at all
 * @param window          how far apart in time two articles of one story may be; older articles leave the index
 * @param copySimilarity  Jaccard estimate from which an article is a copy of another (same story, flagged)
 * @param weights         the pair score's weights, one per {@link PairFeatures#terms() term} (Jaccard estimate,
 *                        entity Jaccard, shared entities, title overlap, time apart), then the bias; a pair is "same
 *                        story" when its score is >= 0
 * @param linkage         how a candidate story's score is taken from its members' pair scores
 * @param officialConflict both articles naming persons with a post and sharing none of them is a conflict: never
 *                        one story, unless a copy (two provinces' conferences on one subject are led by different
 *                        officials)
 * @param minEntities     when > 0, both articles naming at least this many entities and sharing none is a conflict
 *                        too (0: off)
 * @param maxCandidates   candidates compared per article at most (bounds the cost of crowded buckets)
 * @param maxMembers      members of a candidate story compared at most (its most recent ones)
 */
public record StoryParams(int shingleWords, ToneFolding folding, int hashes, int bands, int rows, int minBandHits,
        Duration window, double copySimilarity, double[] weights, Linkage linkage, boolean officialConflict,
        int minEntities, int maxCandidates, int maxMembers) {

    /** How the pair scores of an article against a story's members make the story's score. */
    public enum Linkage {
        /** The best pair: one close member is enough (chains drift from subject to subject). */
        MAX,
        /** The mean over the story's members in the window: the article must fit the story as a whole. */
        AVERAGE
    }

    /** How many terms a pair score has. */
    public static final int TERMS = 5;

    public StoryParams {
        if (shingleWords < 1 || hashes < 1 || bands < 1 || rows < 1 || minBandHits < 1) {
            throw new IllegalArgumentException("shingleWords, hashes, bands, rows and minBandHits must be positive");
        }
        if ((long) bands * rows > hashes) {
            throw new IllegalArgumentException("bands * rows (" + bands + " * " + rows + ") exceeds the " + hashes
                    + " MinHash positions");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        weights = weights.clone();
        if (weights.length != TERMS + 1) {
            throw new IllegalArgumentException("weights needs " + (TERMS + 1) + " numbers (terms, then bias), got "
                    + weights.length);
        }
        if (copySimilarity <= 0 || copySimilarity > 1) {
            throw new IllegalArgumentException("copySimilarity must be in (0, 1], got " + copySimilarity);
        }
    }

    /** The defaults: chosen on the odd-numbered clusters of the evaluation set (module README). */
    public static StoryParams defaults() {
        // weights: logistic regression on the pairs of the odd-numbered ViMs clusters, bias for the best min(P, R)
        // on them; the time weight from the same fit on the odd-numbered VietnameseMDS clusters (ViMs has no dates)
        return new StoryParams(2, ToneFolding.NONE, 256, 64, 1, 1, Duration.ofDays(4), 0.8,
                new double[] {1.397, 5.456, 0.864, 17.954, 0.56, 0.907}, Linkage.AVERAGE, false, 0, 300, 12);
    }

    public StoryParams withShingling(int words, ToneFolding f) {
        return new StoryParams(words, f, hashes, bands, rows, minBandHits, window, copySimilarity, weights, linkage,
                officialConflict, minEntities, maxCandidates, maxMembers);
    }

    public StoryParams withLsh(int k, int b, int r, int minHits) {
        return new StoryParams(shingleWords, folding, k, b, r, minHits, window, copySimilarity, weights, linkage,
                officialConflict, minEntities, maxCandidates, maxMembers);
    }

    public StoryParams withWindow(Duration w) {
        return new StoryParams(shingleWords, folding, hashes, bands, rows, minBandHits, w, copySimilarity,
                weights, linkage, officialConflict, minEntities, maxCandidates,
                maxMembers);
    }

    public StoryParams withWeights(double... w) {
        return new StoryParams(shingleWords, folding, hashes, bands, rows, minBandHits, window, copySimilarity, w,
                linkage,
                officialConflict, minEntities, maxCandidates, maxMembers);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Weight i (the bias at {@link #TERMS}), without copying the array. */
    double weight(int i) {
        return weights[i];
    }

    public StoryParams withConflicts(boolean officials, int minEntityCount) {
        return new StoryParams(shingleWords, folding, hashes, bands, rows, minBandHits, window, copySimilarity,
                weights, linkage, officials, minEntityCount, maxCandidates, maxMembers);
    }

    public StoryParams withLinkage(Linkage l, int minEntityCount) {
        return new StoryParams(shingleWords, folding, hashes, bands, rows, minBandHits, window, copySimilarity,
                weights, l, officialConflict, minEntityCount, maxCandidates,
                maxMembers);
    }
}
