package io.newspipe.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.newspipe.stories.text.Hashing;
import io.newspipe.stories.text.MinHash;
import io.newspipe.stories.text.Shingles;
import io.newspipe.stories.text.Words;

/**
 * Assigns articles to stories as they come, over a time-bounded index (MinHash signatures, LSH buckets) held in a
 * {@link StoryState}. Domain logic only: the state is whatever stores it is given. Not thread-safe (a stream
 * processor calls it from one thread).
 *
 * <p>For an article: (1) if it was assigned before, that assignment is returned (a replay keeps its story); (2) its
 * word shingles are MinHashed and the bands of the signature looked up in the buckets of articles within the
 * window; (3) each candidate is compared ({@link PairFeatures}: Jaccard estimate, shared entities, title words,
 * time apart; different provinces or no shared entity is a conflict); (4) a near-identical candidate makes the
 * article a copy in that candidate's story; otherwise the candidates' stories are scored ({@link
 * StoryParams.Linkage}) and the article joins the best one scoring >= 0, or opens a story of its own whose id derives
 * from its own id ({@link StoryIds}). Stories never merge and never change id.
 */
public final class StoryIndex {

    private final StoryParams params;
    private final StoryState state;
    private final MinHash minHash;
    private long assigned;
    private long compared;

    public StoryIndex(StoryParams params, StoryState state) {
        this.params = Objects.requireNonNull(params, "params");
        this.state = Objects.requireNonNull(state, "state");
        this.minHash = new MinHash(params.hashes());
    }

    /** An index over fresh in-memory stores (tests, the evaluation). */
    public static StoryIndex inMemory(StoryParams params) {
        return new StoryIndex(params, StoryState.inMemory(params.window()).state());
    }

    public StoryParams params() {
        return params;
    }

    /** Articles assigned (replays not counted) and pairs compared since this index was made. */
    public long[] counters() {
        return new long[] {assigned, compared};
    }

    /** The story of article; the same answer (flagged replayed) every later time the same id comes. */
    public StoryAssignment assign(StoryArticle article) {
        StoryAssignment earlier = state.assignments().get(article.id());
        if (earlier != null) {
            return earlier.asReplay();
        }
        IndexedArticle me = features(article, null);
        assigned++;
        long t = me.time();
        long w = params.window().toMillis();
        long[] bands = bandKeys(me);

        Map<String, Integer> hits = new LinkedHashMap<>();
        collect:
        for (long band : bands) {
            for (String id : state.buckets().fetch(band, t - w, t + w)) {
                hits.merge(id, 1, Integer::sum);
                if (hits.size() >= params.maxCandidates()) {
                    break collect;
                }
            }
        }

        Map<String, IndexedArticle> entries = new HashMap<>();
        Map<String, PairFeatures> pairs = new HashMap<>();
        Map<String, List<String>> byStory = new LinkedHashMap<>();
        IndexedArticle copy = null;
        double copySimilarity = -1;
        for (Map.Entry<String, Integer> h : hits.entrySet()) {
            if (h.getValue() < params.minBandHits()) {
                continue;
            }
            IndexedArticle other = entry(h.getKey(), t, w, entries);
            if (other == null) {
                continue;
            }
            PairFeatures f = compare(me, other);
            pairs.put(other.articleId(), f);
            byStory.computeIfAbsent(other.storyId(), s -> new ArrayList<>()).add(other.articleId());
            if (f.similarity() >= params.copySimilarity() && f.similarity() > copySimilarity) {
                copy = other;
                copySimilarity = f.similarity();
            }
        }

        String storyId = null;
        String matched = null;
        double storyScore = Double.NaN;
        for (Map.Entry<String, List<String>> s : byStory.entrySet()) {
            String best = null;
            double bestPair = Double.NEGATIVE_INFINITY;
            for (String id : s.getValue()) {
                double sc = pairs.get(id).score(params);
                if (best == null || sc > bestPair) {
                    best = id;
                    bestPair = sc;
                }
            }
            double sc = params.linkage() == StoryParams.Linkage.MAX ? bestPair
                    : averageOverMembers(me, s.getKey(), pairs, entries, t, w);
            boolean isCopyStory = copy != null && copy.storyId().equals(s.getKey());
            if (isCopyStory || copy == null && sc >= 0 && (storyId == null || sc > storyScore)) {
                storyId = s.getKey();
                matched = isCopyStory ? copy.articleId() : best;
                storyScore = sc;
                if (isCopyStory) {
                    break;
                }
            }
        }

        StoryAssignment result;
        if (storyId == null) {
            result = new StoryAssignment(article.id(), StoryIds.ofFirstArticle(article.id()), t, null, null,
                    Double.NaN, Double.NaN, false);
        } else {
            result = new StoryAssignment(article.id(), storyId, t, copy != null ? copy.articleId() : null, matched,
                    storyScore, pairs.get(matched).similarity(), false);
        }
        IndexedArticle stored = new IndexedArticle(me.articleId(), result.storyId(), me.outlet(), t, me.signature(),
                me.shingles(), me.entityKeys(), me.titleKeys(), me.officialKeys(), me.regionKey());
        state.assignments().put(article.id(), result);
        state.articles().put(article.id(), stored, t);
        for (long band : bands) {
            state.buckets().put(band, article.id(), t);
        }
        state.members().put(result.storyId(), article.id(), t);
        return result;
    }

    private double averageOverMembers(IndexedArticle me, String storyId, Map<String, PairFeatures> pairs,
            Map<String, IndexedArticle> entries, long t, long w) {
        List<String> members = new ArrayList<>(new LinkedHashSet<>(state.members().fetch(storyId, t - w, t + w)));
        if (members.size() > params.maxMembers()) {
            members = members.subList(members.size() - params.maxMembers(), members.size());
        }
        double sum = 0;
        int n = 0;
        for (String id : members) {
            PairFeatures f = pairs.get(id);
            if (f == null) {
                IndexedArticle other = entry(id, t, w, entries);
                if (other == null) {
                    continue;
                }
                f = compare(me, other);
                pairs.put(id, f);
            }
            sum += f.score(params);
            n++;
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : sum / n;
    }

    private IndexedArticle entry(String id, long t, long w, Map<String, IndexedArticle> cache) {
        IndexedArticle e = cache.get(id);
        if (e == null) {
            List<IndexedArticle> found = state.articles().fetch(id, t - w, t + w);
            if (found.isEmpty()) {
                return null;
            }
            e = found.get(found.size() - 1);
            cache.put(id, e);
        }
        return e;
    }

    /** The index's view of an article (storyId as given; null before it is assigned). */
    public IndexedArticle features(StoryArticle a, String storyId) {
        Words words = Words.of(a.titleOrFirstLine() + "\n" + a.text(), params.folding());
        long[] shingles = Shingles.of(words, params.shingleWords());
        int[] sig = minHash.signature(shingles);
        long[] entities = keys(a.entityIds());
        long[] title = Words.of(a.titleOrFirstLine(), params.folding()).contentSet();
        long region = a.regionId() == null ? 0 : Hashing.hash64(a.regionId());
        return new IndexedArticle(a.id(), storyId, a.outlet(), a.time().toEpochMilli(), sig, shingles.length, entities,
                title, keys(a.officialIds()), region);
    }

    private static long[] keys(List<String> ids) {
        long[] k = new long[ids.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = Hashing.hash64(ids.get(i));
        }
        return Shingles.sortedDistinct(k, k.length);
    }

    /** The pair features of two indexed articles. */
    public PairFeatures compare(IndexedArticle x, IndexedArticle y) {
        compared++;
        double sim = x.shingles() == 0 || y.shingles() == 0 ? 0 : MinHash.similarity(x.signature(), y.signature());
        int sharedEntities = Shingles.intersection(x.entityKeys(), y.entityKeys());
        double entityOverlap = Shingles.jaccard(sharedEntities, x.entityKeys().length, y.entityKeys().length);
        double titleOverlap = Shingles.jaccard(x.titleKeys(), y.titleKeys());
        double hours = Math.abs(x.time() - y.time()) / 3_600_000.0;
        boolean regionConflict = x.regionKey() != 0 && y.regionKey() != 0 && x.regionKey() != y.regionKey();
        boolean officialConflict = params.officialConflict() && x.officialKeys().length > 0
                && y.officialKeys().length > 0 && Shingles.intersection(x.officialKeys(), y.officialKeys()) == 0;
        boolean entityConflict = params.minEntities() > 0 && sharedEntities == 0
                && x.entityKeys().length >= params.minEntities() && y.entityKeys().length >= params.minEntities();
        return new PairFeatures(sim, entityOverlap, sharedEntities, titleOverlap, hours,
                regionConflict || officialConflict || entityConflict);
    }

    private long[] bandKeys(IndexedArticle a) {
        if (a.shingles() == 0) {
            return new long[0];
        }
        int r = params.rows();
        long[] keys = new long[params.bands()];
        int[] sig = a.signature();
        for (int b = 0; b < keys.length; b++) {
            long h = b + 1;
            for (int k = b * r; k < b * r + r; k++) {
                h = Hashing.combine(h, sig[k]);
            }
            keys[b] = h;
        }
        return keys;
    }
}
