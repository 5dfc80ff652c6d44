package io.newspipe.stories.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.newspipe.extraction.EntityMention;
import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.stories.StoryStep;
import io.newspipe.stories.identity.EntityResolver;
import io.newspipe.stories.identity.ReferenceAdminRegistry;
import io.newspipe.stories.StoryArticle;
import io.newspipe.stories.StoryIndex;
import io.newspipe.stories.StoryParams;
import io.newspipe.stories.StoryState;
import io.newspipe.stories.text.Hashing;

/**
 * Cost of story assignment when the window is full: a stream of N articles at a given rate per day, made from the
 * articles of a cluster directory ({@link ClusterCorpus}) under new ids, outlets and times, each with a different
 * fifth of its sentences left out (so that repeats are rewrites, not copies). Prints, per tenth of the stream, the
 * CPU µs per article, the pairs compared per article and the bytes held by the window stores; at the end the same
 * for the whole stream. Figures, not assertions: run it on a quiet machine and compare runs made together.
 *
 * <p>Usage: {@code StoryBenchmark DIR [--articles N] [--per-day D] [--assume-date YYYY-MM-DD]}.
 */
public final class StoryBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StoryBenchmark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("StoryBenchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("usage: StoryBenchmark DIR [--articles N] [--per-day D] "
                    + "[--assume-date YYYY-MM-DD]");
        }
        int n = 20_000;
        int perDay = 5_000;
        Instant assumed = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--articles" -> n = Integer.parseInt(args[i + 1]);
                case "--per-day" -> perDay = Integer.parseInt(args[i + 1]);
                case "--assume-date" -> assumed = StoryEval.date(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (n < 10 || perDay < 1) {
            throw new IllegalArgumentException("--articles must be >= 10 and --per-day >= 1");
        }
        ClusterCorpus.Corpus corpus = ClusterCorpus.read(Path.of(args[0]), assumed);
        if (corpus.articles().isEmpty()) {
            throw new IllegalArgumentException("no dated articles under " + args[0]);
        }
        List<StoryEval.Item> base = StoryEval.prepare(corpus.articles());
        StoryParams p = StoryParams.defaults();
        List<StoryArticle> stream = stream(base, n, perDay);
        out.printf(Locale.ROOT, "StoryBenchmark: %d articles (%d per day, window %s) made from %d articles of %s%n",
                n, perDay, p.window(), base.size(), args[0]);
        out.println("params: " + StoryEval.describe(p));
        StoryState.InMemory stores = StoryState.inMemory(p.window());
        StoryIndex index = new StoryIndex(p, stores.state());
        int slice = n / 10;
        long total = 0;
        long comparedBefore = 0;
        for (int s = 0; s < 10; s++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            int end = s == 9 ? n : (s + 1) * slice;
            for (int i = s * slice; i < end; i++) {
                index.assign(stream.get(i));
            }
            long ns = CPU.getCurrentThreadCpuTime() - t0;
            total += ns;
            long compared = index.counters()[1];
            int held = Math.max(1, stores.articles().size());
            out.printf(Locale.ROOT, "  articles %6d-%6d: %7.1f µs CPU/article, %6.1f pairs compared/article, "
                    + "window holds %6d articles, %5.0f B each%n", s * slice, end, ns / 1e3 / (end - s * slice),
                    (double) (compared - comparedBefore) / (end - s * slice), held,
                    (double) stores.windowBytes() / held);
            comparedBefore = compared;
        }
        out.printf(Locale.ROOT, "whole stream: %.1f µs CPU/article; assignments %.0f B per article ever seen%n",
                total / 1e3 / n, (double) stores.assignmentBytes() / Math.max(1, stores.assignments().size()));
        out.printf(Locale.ROOT, "entity resolution (the story step's other serial work): %.1f µs CPU/article, "
                + "median of 5 rounds over the %d base articles%n", resolveMicros(corpus.articles()), base.size());
        return 0;
    }

    /** CPU µs per article of {@link EntityResolver#resolve} (extraction done beforehand, not counted). */
    static double resolveMicros(List<ClusterCorpus.Article> articles) {
        Extractor extractor = Extractor.create();
        EntityResolver resolver = new EntityResolver(ReferenceAdminRegistry.get());
        List<String> texts = new ArrayList<>();
        List<List<EntityMention>> mentions = new ArrayList<>();
        for (ClusterCorpus.Article a : articles) {
            String text = TextNormalizer.normalize((a.title() == null ? "" : a.title() + "\n\n") + a.text());
            texts.add(text);
            mentions.add(extractor.extract(text).entities());
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.size(); i++) {
                ClusterCorpus.Article a = articles.get(i);
                resolver.resolve(texts.get(i), mentions.get(i), a.outlet(), a.time().atOffset(StoryStep.VIETNAM)
                        .toLocalDate());
            }
            rounds[r] = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / texts.size();
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /** n articles from base, perDay a day, each a different cut of its base article. */
    static List<StoryArticle> stream(List<StoryEval.Item> base, int n, int perDay) {
        List<StoryArticle> out = new ArrayList<>(n);
        Instant start = base.get(0).article().time();
        long step = Duration.ofDays(1).toMillis() / perDay;
        for (int i = 0; i < n; i++) {
            StoryArticle b = base.get(i % base.size()).article();
            String id = "b-" + i;
            out.add(new StoryArticle(id, "outlet-" + (i % 37), start.plusMillis(i * step), b.title(),
                    dropSentences(b.text(), Hashing.hash64(id)), b.entityIds(), b.officialIds(), b.regionId()));
        }
        return out;
    }

    /** text without about a fifth of its sentences, which ones decided by seed. */
    static String dropSentences(String text, long seed) {
        String[] sentences = text.split("(?<=[.!?])\\s+");
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < sentences.length; i++) {
            if (sentences.length < 3 || Math.floorMod(Hashing.mix64(seed + i), 5) != 0) {
                sb.append(sentences[i]).append(' ');
            }
        }
        return sb.toString().strip();
    }
}
