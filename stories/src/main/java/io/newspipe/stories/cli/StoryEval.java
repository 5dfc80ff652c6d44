package io.newspipe.stories.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.stories.IndexedArticle;
import io.newspipe.stories.PairFeatures;
import io.newspipe.stories.StoryArticle;
import io.newspipe.stories.StoryAssignment;
import io.newspipe.stories.StoryIndex;
import io.newspipe.stories.StoryParams;
import io.newspipe.stories.StoryState;
import io.newspipe.stories.identity.ReferenceAdminRegistry;
import io.newspipe.stories.identity.EntityResolver;
import io.newspipe.stories.text.ToneFolding;

/**
 * Evaluation and cost benchmark of story detection on gold clusters ({@link ClusterCorpus}): streams every article
 * in time order through a fresh in-memory {@link StoryIndex} and prints pairwise precision, recall and F1 of "same
 * story", the errors, the cost of assignment per article (µs, median of the rounds) and the bytes of state per
 * article. {@code --split odd|even} streams and scores only the clusters of odd or even number. With {@code --fit
 * odd|even|all}, the pair-score weights are first fitted by logistic regression on the pairs within the window of
 * that split's clusters, and the bias chosen for the best balance of pairwise precision and recall (the higher of
 * min(P, R)) with those clusters streamed alone; fit on one half, evaluate on the other.
 *
 * <p>Usage: {@code StoryEval DIR [--split all|odd|even] [--fit [odd|even|all]] [--rounds N] [--errors N]
 * [--folding NONE|TONES|ALL] [--shingle N] [--lsh K,B,R,HITS] [--window-days D] [--linkage MAX|AVERAGE]
 * [--min-entities N] [--official-conflict true|false] [--weights W1,...,W5,BIAS]}. Exit 2 on bad arguments or an unreadable directory.
 */
public final class StoryEval {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private StoryEval() {
    }

    /** One article of the corpus, prepared for the index (extraction done once, outside the timed part). */
    record Item(ClusterCorpus.Article gold, StoryArticle article) {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("StoryEval: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("usage: StoryEval DIR [--split all|odd|even] [--fit [odd|even|all]] "
                    + "[--rounds N] [--errors N] [--assume-date YYYY-MM-DD] [--folding NONE|TONES|ALL] [--shingle N] [--lsh K,B,R,HITS] "
                    + "[--window-days D] [--linkage MAX|AVERAGE] [--min-entities N] [--official-conflict true|false] [--weights W1,...,W5,BIAS]");
        }
        Path dir = Path.of(args[0]);
        StoryParams p = StoryParams.defaults();
        String split = "all";
        String fit = null;
        int rounds = 5;
        int errors = 10;
        java.time.Instant assumed = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--split" -> split = need(a, v);
                case "--fit" -> {
                    fit = v != null && !v.startsWith("--") ? v : "odd";
                    if (v != null && !v.startsWith("--")) {
                        i++;
                    }
                    continue;
                }
                case "--rounds" -> rounds = Integer.parseInt(need(a, v));
                case "--assume-date" -> assumed = date(need(a, v));
                case "--errors" -> errors = Integer.parseInt(need(a, v));
                case "--folding" -> p = p.withShingling(p.shingleWords(), ToneFolding.valueOf(need(a, v)));
                case "--shingle" -> p = p.withShingling(Integer.parseInt(need(a, v)), p.folding());
                case "--lsh" -> {
                    int[] x = ints(need(a, v), 4);
                    p = p.withLsh(x[0], x[1], x[2], x[3]);
                }
                case "--window-days" -> p = p.withWindow(Duration.ofHours(Math.round(Double.parseDouble(need(a, v)) * 24)));
                case "--linkage" -> p = p.withLinkage(StoryParams.Linkage.valueOf(need(a, v)), p.minEntities());
                case "--min-entities" -> p = p.withConflicts(p.officialConflict(), Integer.parseInt(need(a, v)));
                case "--official-conflict" -> p = p.withConflicts(Boolean.parseBoolean(need(a, v)), p.minEntities());
                case "--weights" -> {
                    p = p.withWeights(Arrays.stream(need(a, v).split(",")).mapToDouble(Double::parseDouble).toArray());
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
            i++;
        }
        ClusterCorpus.Corpus corpus = ClusterCorpus.read(dir, assumed);
        if (corpus.articles().isEmpty()) {
            throw new IllegalArgumentException("no dated articles in clusters under " + dir);
        }
        long t0 = CPU.getCurrentThreadCpuTime();
        List<Item> items = prepare(corpus.articles());
        double extractUs = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / items.size();
        out.printf(Locale.ROOT, "StoryEval: %d articles in %d clusters from %s (%d left out: no date)%s%n", items.size(),
                clusterCount(items), dir, corpus.undated(), assumed == null ? "" : "; undated ones at " + assumed);
        if (fit != null) {
            p = Fitting.fit(p, inSplit(items, fit), fit, out);
            if (fit.equals(split) || fit.equals("all") || split.equals("all")) {
                out.println("(evaluated on clusters it was fitted on: not a held-out figure)");
            }
        }
        items = inSplit(items, split);
        out.println("params: " + describe(p));
        Result r = null;
        double[] us = new double[rounds];
        for (int k = 0; k < Math.max(1, rounds); k++) {
            r = stream(p, items);
            us[Math.min(k, us.length - 1)] = r.microsPerArticle;
        }
        Arrays.sort(us);
        Score s = score(items, r.storyOf);
        out.printf(Locale.ROOT, "split %s streamed alone: %d articles, %d clusters, %d gold pairs, %d predicted pairs, "
                + "%d correct%n", split, s.articles, s.clusters, s.goldPairs, s.predictedPairs, s.correct);
        out.printf(Locale.ROOT, "pairwise precision %.3f  recall %.3f  F1 %.3f%n", s.precision(), s.recall(), s.f1());
        out.printf(Locale.ROOT, "stories %d for %d gold clusters; %d copies flagged%n", s.stories, s.clusters, r.copies);
        out.printf(Locale.ROOT, "cost: %.1f µs of CPU per article to assign (median of %d rounds, best %.1f), %.1f pairs "
                + "compared/article%n", us[us.length / 2], us.length, us[0], r.comparedPerArticle);
        out.printf(Locale.ROOT, "state: window stores %.0f B per article held (%d held at the end: articles %.0f, "
                + "buckets %.0f, members %.0f); assignments %.0f B per article ever seen%n", r.windowBytesPerArticle,
                r.held, r.articleBytes, r.bucketBytes, r.memberBytes, r.assignmentBytes);
        out.printf(Locale.ROOT, "(extraction and entity identity, not part of the story cost: %.0f µs of CPU per article, first pass)%n",
                extractUs);
        if (errors > 0) {
            printErrors(items, r.storyOf, errors, out);
        }
        return 0;
    }

    static String describe(StoryParams p) {
        return String.format(Locale.ROOT, "%d-word shingles, folding %s, MinHash k=%d, LSH %d bands x %d rows, "
                + ">=%d band hits, window %s, copy >= %.2f, weights %s, linkage %s, official conflict %s, entity "
                + "conflict from %d entities (0: off)", p.shingleWords(), p.folding(), p.hashes(), p.bands(), p.rows(),
                p.minBandHits(), p.window(), p.copySimilarity(), weights(p.weights()), p.linkage(),
                p.officialConflict(), p.minEntities());
    }

    static String weights(double[] w) {
        StringBuilder sb = new StringBuilder();
        for (double x : w) {
            sb.append(sb.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", x));
        }
        return sb.toString();
    }

    /** The start of day (Vietnam time) of an ISO date. */
    static java.time.Instant date(String iso) {
        try {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.ofHours(7));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): " + iso);
        }
    }

    private static String need(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int[] ints(String s, int n) {
        int[] x = Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
        if (x.length != n) {
            throw new IllegalArgumentException("expected " + n + " comma-separated integers, got " + s);
        }
        return x;
    }

    /** Extraction and entity identity of every article (the enrich stage's work in the pipeline). */
    static List<Item> prepare(List<ClusterCorpus.Article> articles) {
        Extractor extractor = Extractor.create();
        EntityResolver resolver = new EntityResolver(ReferenceAdminRegistry.get());
        List<Item> items = new ArrayList<>(articles.size());
        for (ClusterCorpus.Article a : articles) {
            String text = TextNormalizer.normalize((a.title() == null ? "" : a.title() + "\n\n") + a.text());
            ExtractionResult x;
            try {
                x = extractor.extract(text);
            } catch (RuntimeException e) {
                // an extractor bug must not stop the evaluation: the article is left out, and said so
                System.err.println("StoryEval: left out " + a.id() + " (cluster " + a.cluster() + "): the extractor "
                        + "failed: " + e);
                continue;
            }
            LocalDate date = a.time().atOffset(ZoneOffset.ofHours(7)).toLocalDate();
            var entities = resolver.resolve(text, x.entities(), a.outlet(), date);
            String body = TextNormalizer.normalize(a.text());
            items.add(new Item(a, new StoryArticle(a.id(), a.outlet(), a.time(), a.title(), body, entities.ids(),
                    entities.officialIds(), entities.regionId())));
        }
        return items;
    }

    /** What one pass over the corpus gave. */
    static final class Result {
        final Map<String, String> storyOf = new HashMap<>();
        double microsPerArticle;
        double comparedPerArticle;
        int copies;
        int held;
        double windowBytesPerArticle;
        double articleBytes;
        double bucketBytes;
        double memberBytes;
        double assignmentBytes;
    }

    static Result stream(StoryParams p, List<Item> items) {
        StoryState.InMemory stores = StoryState.inMemory(p.window());
        StoryIndex index = new StoryIndex(p, stores.state());
        Result r = new Result();
        // CPU time of this thread, not wall time: on a shared machine the wall clock mostly measures the others
        long t0 = CPU.getCurrentThreadCpuTime();
        List<StoryAssignment> as = new ArrayList<>(items.size());
        for (Item it : items) {
            as.add(index.assign(it.article()));
        }
        long ns = CPU.getCurrentThreadCpuTime() - t0;
        for (StoryAssignment a : as) {
            r.storyOf.put(a.articleId(), a.storyId());
            r.copies += a.isCopy() ? 1 : 0;
        }
        r.microsPerArticle = ns / 1e3 / items.size();
        r.comparedPerArticle = (double) index.counters()[1] / items.size();
        r.held = stores.articles().size();
        int held = Math.max(1, r.held);
        r.articleBytes = (double) stores.articles().bytes() / held;
        r.bucketBytes = (double) stores.buckets().bytes() / held;
        r.memberBytes = (double) stores.members().bytes() / held;
        r.windowBytesPerArticle = (double) stores.windowBytes() / held;
        r.assignmentBytes = (double) stores.assignmentBytes() / Math.max(1, stores.assignments().size());
        return r;
    }

    /** Pairwise counts over the articles of a split. */
    record Score(int articles, long goldPairs, long predictedPairs, long correct, int stories, int clusters) {
        double precision() {
            return predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
        }

        double recall() {
            return goldPairs == 0 ? 1 : (double) correct / goldPairs;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static List<Item> inSplit(List<Item> items, String split) {
        return items.stream().filter(it -> inSplit(it.gold().cluster(), split)).toList();
    }

    private static int clusterCount(List<Item> items) {
        Set<String> clusters = new LinkedHashSet<>();
        items.forEach(it -> clusters.add(it.gold().cluster()));
        return clusters.size();
    }

    static boolean inSplit(String cluster, String split) {
        if (split.equals("all")) {
            return true;
        }
        String digits = cluster.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("cluster " + cluster + " has no number for split " + split);
        }
        boolean odd = Long.parseLong(digits) % 2 == 1;
        return switch (split) {
            case "odd" -> odd;
            case "even" -> !odd;
            default -> throw new IllegalArgumentException("split is all, odd or even, not " + split);
        };
    }

    /** Pairwise counts over all pairs of items. */
    static Score score(List<Item> in, Map<String, String> storyOf) {
        long gold = 0;
        long predicted = 0;
        long correct = 0;
        for (int i = 0; i < in.size(); i++) {
            for (int j = i + 1; j < in.size(); j++) {
                boolean g = in.get(i).gold().cluster().equals(in.get(j).gold().cluster());
                boolean s = storyOf.get(in.get(i).gold().id()).equals(storyOf.get(in.get(j).gold().id()));
                gold += g ? 1 : 0;
                predicted += s ? 1 : 0;
                correct += g && s ? 1 : 0;
            }
        }
        Set<String> stories = new LinkedHashSet<>();
        Set<String> clusters = new LinkedHashSet<>();
        for (Item it : in) {
            stories.add(storyOf.get(it.gold().id()));
            clusters.add(it.gold().cluster());
        }
        return new Score(in.size(), gold, predicted, correct, stories.size(), clusters.size());
    }

    private static void printErrors(List<Item> items, Map<String, String> storyOf, int max, PrintStream out) {
        Map<String, List<Item>> byStory = new LinkedHashMap<>();
        Map<String, Set<String>> storiesOfCluster = new TreeMap<>();
        for (Item it : items) {
            String s = storyOf.get(it.gold().id());
            byStory.computeIfAbsent(s, k -> new ArrayList<>()).add(it);
            storiesOfCluster.computeIfAbsent(it.gold().cluster(), k -> new LinkedHashSet<>()).add(s);
        }
        out.println("false merges (a story holding articles of several gold clusters):");
        int n = 0;
        for (Map.Entry<String, List<Item>> e : byStory.entrySet()) {
            Set<String> cs = new LinkedHashSet<>();
            e.getValue().forEach(it -> cs.add(it.gold().cluster()));
            if (cs.size() > 1 && n++ < max) {
                out.println("  " + e.getKey() + " " + cs);
                e.getValue().forEach(it -> out.println("    " + line(it)));
            }
        }
        out.println("splits (a gold cluster spread over several stories):");
        n = 0;
        for (Map.Entry<String, Set<String>> e : storiesOfCluster.entrySet()) {
            if (e.getValue().size() > 1 && n++ < max) {
                out.println("  " + e.getKey() + " in " + e.getValue().size() + " stories");
                for (Item it : items) {
                    if (it.gold().cluster().equals(e.getKey())) {
                        out.println("    " + storyOf.get(it.gold().id()) + " " + line(it));
                    }
                }
            }
        }
    }

    private static String line(Item it) {
        String title = it.article().titleOrFirstLine();
        return it.gold().cluster() + " " + it.gold().time().atOffset(ZoneOffset.ofHours(7)).toLocalDateTime() + " "
                + it.gold().outlet() + " | " + (title.length() > 70 ? title.substring(0, 70) : title);
    }

    /** Logistic regression of the pair-score weights, then the bias by pairwise F1 (see the class comment). */
    static final class Fitting {

        private Fitting() {
        }

        /** Fitted on items (the clusters of split), which are streamed alone to choose the bias. */
        static StoryParams fit(StoryParams p, List<Item> in, String split, PrintStream out) {
            StoryIndex probe = StoryIndex.inMemory(p);
            List<IndexedArticle> fs = new ArrayList<>();
            for (Item it : in) {
                fs.add(probe.features(it.article(), null));
            }
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            long w = p.window().toMillis();
            for (int i = 0; i < fs.size(); i++) {
                for (int j = i + 1; j < fs.size(); j++) {
                    if (Math.abs(fs.get(i).time() - fs.get(j).time()) > w) {
                        continue;
                    }
                    PairFeatures f = probe.compare(fs.get(i), fs.get(j));
                    if (f.conflict() && f.similarity() < p.copySimilarity()) {
                        continue; // vetoed whatever the weights
                    }
                    x.add(f.terms());
                    y.add(in.get(i).gold().cluster().equals(in.get(j).gold().cluster()));
                }
            }
            double[] wts = logistic(x, y);
            int bias = wts.length - 1;
            out.printf(Locale.ROOT, "fit on split %s: %d pairs within the window (%d same story); logistic weights %s%n",
                    split, x.size(), y.stream().filter(b -> b).count(), weights(wts));
            Score best = null;
            double bestBias = wts[bias];
            for (double d = -4; d <= 4.001; d += 0.25) {
                double[] q = wts.clone();
                q[bias] += d;
                Score s = score(in, stream(p.withWeights(q), in).storyOf);
                if (best == null || balance(s) > balance(best)) {
                    best = s;
                    bestBias = q[bias];
                }
            }
            out.printf(Locale.ROOT, "bias for the best min(precision, recall) on split %s: %.3f (P %.3f, R %.3f)%n",
                    split, bestBias, best.precision(), best.recall());
            wts[bias] = bestBias;
            return p.withWeights(wts);
        }

        private static double balance(Score s) {
            return Math.min(s.precision(), s.recall()) + 1e-3 * s.f1();
        }

        /** Weights (one per term, then the bias) of a logistic model, by gradient descent on standardized terms. */
        static double[] logistic(List<double[]> x, List<Boolean> y) {
            int n = x.size();
            int d = x.get(0).length;
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (double[] r : x) {
                for (int k = 0; k < d; k++) {
                    mean[k] += r[k] / n;
                }
            }
            for (double[] r : x) {
                for (int k = 0; k < d; k++) {
                    sd[k] += (r[k] - mean[k]) * (r[k] - mean[k]) / n;
                }
            }
            for (int k = 0; k < d; k++) {
                sd[k] = Math.sqrt(sd[k]) + 1e-9;
            }
            double[] w = new double[d];
            double b = 0;
            for (int it = 0; it < 2000; it++) {
                double[] g = new double[d];
                double gb = 0;
                for (int i = 0; i < n; i++) {
                    double z = b;
                    double[] r = x.get(i);
                    for (int k = 0; k < d; k++) {
                        z += w[k] * (r[k] - mean[k]) / sd[k];
                    }
                    double err = 1 / (1 + Math.exp(-z)) - (y.get(i) ? 1 : 0);
                    for (int k = 0; k < d; k++) {
                        g[k] += err * (r[k] - mean[k]) / sd[k];
                    }
                    gb += err;
                }
                for (int k = 0; k < d; k++) {
                    w[k] -= 0.5 * g[k] / n;
                }
                b -= 0.5 * gb / n;
            }
            double[] out = new double[d + 1];
            double bias = b;
            for (int k = 0; k < d; k++) {
                out[k] = w[k] / sd[k];
                bias -= w[k] * mean[k] / sd[k];
            }
            out[d] = bias;
            return out;
        }
    }
}
