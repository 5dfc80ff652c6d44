package io.newspipe.extraction.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.newspipe.extraction.Extractor;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.extraction.entities.EntityExtractor;
import io.newspipe.extraction.entities.EntityLexicon;

/**
 * Throughput benchmark without JMH: warms up, then extracts the given articles (.txt files or directories) in a loop
 * for about ten seconds on one thread and prints MB/s of UTF-8 article text (normalization included).
 * Without arguments it uses the sample articles bundled in the jar.
 *
 * <p>Usage: {@code ExtractBenchmark [--seconds N] [--entities-only] [PATH...]}; {@code --entities-only} times
 * normalization + entity extraction without the award and KPI extractors.
 */
public final class ExtractBenchmark {

    private static final String[] BUNDLED = {"sample-1.txt", "sample-2.txt"};

    private ExtractBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = 10;
        boolean entitiesOnly = false;
        List<Path> paths = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--entities-only")) {
                entitiesOnly = true;
            } else if (args[k].equals("--seconds") && k + 1 < args.length) {
                seconds = Double.parseDouble(args[++k]);
            } else {
                paths.add(Path.of(args[k]));
            }
        }
        List<String> texts = paths.isEmpty() ? bundled() : read(paths);
        if (texts.isEmpty()) {
            System.err.println("no articles to benchmark");
            System.exit(2);
        }
        System.out.println(measure(texts, seconds, Math.max(5, seconds / 2), entitiesOnly).report());
    }

    /**
     * What one measurement found.
     *
     * @param articles          articles per round
     * @param rounds            timed rounds over all of them
     * @param megabytes         UTF-8 article text extracted in the timed rounds, in MB
     * @param wallSeconds       wall-clock length of the timed rounds
     * @param cpuSeconds        CPU time of the measuring thread in them (NaN when the JVM does not say)
     * @param processCpuSeconds CPU time of the whole JVM in them, GC and JIT included (NaN when unknown)
     * @param medianWindow      median MB per CPU-second over half-second windows (NaN without windows)
     * @param bestWindow        best of those windows
     * @param checksum          found items summed, so the JIT cannot drop the work
     */
    public record Figures(int articles, long rounds, double megabytes, double wallSeconds, double cpuSeconds,
            double processCpuSeconds, double medianWindow, double bestWindow, long checksum) {

        /** The one-core figure on a shared machine: MB of article text per CPU-second of the measuring thread. */
        public double mbPerCpuSecond() {
            return megabytes / cpuSeconds;
        }

        public double mbPerWallSecond() {
            return megabytes / wallSeconds;
        }

        /** One line for people and logs. */
        public String report() {
            // MB per CPU-second is the figure to compare on a shared machine; wall-clock MB/s depends on other load
            return String.format("%d articles x %d rounds, %.1f MB in %.2f s wall / %.2f s CPU: %.1f MB/s wall, "
                    + "%.1f MB/s per CPU-second (%.0f articles/s); half-second windows: median %.1f, best %.1f MB/s "
                    + "per CPU-second; %.1f MB per CPU-second of the whole JVM (GC and JIT threads included) "
                    + "[checksum %d]", articles, rounds, megabytes, wallSeconds, cpuSeconds, mbPerWallSecond(),
                    mbPerCpuSecond(), rounds * articles / wallSeconds, medianWindow, bestWindow,
                    megabytes / processCpuSeconds, checksum);
        }
    }

    /**
     * Extracts the texts in a loop on this thread: {@code warmUpSeconds} untimed, then {@code seconds} timed.
     *
     * @return the figures; {@link Figures#report()} gives them as one line
     */
    public static Figures measure(List<String> texts, double seconds, double warmUpSeconds, boolean entitiesOnly) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no articles to benchmark");
        }
        long bytesPerRound = 0;
        for (String t : texts) {
            bytesPerRound += t.getBytes(StandardCharsets.UTF_8).length;
        }
        java.util.function.ToIntFunction<String> extractor;
        if (entitiesOnly) {
            EntityExtractor entities = new EntityExtractor(EntityLexicon.builtIn());
            extractor = t -> entities.extract(TextNormalizer.normalize(t)).size();
        } else {
            Extractor full = Extractor.create();
            extractor = t -> {
                var r = full.extract(TextNormalizer.normalize(t));
                return r.entities().size() + r.awards().size() + r.kpis().size();
            };
        }
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        do {
            sink += round(extractor, texts);
        } while (System.nanoTime() < warmEnd);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        long processCpuStart = processCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long rounds = 0;
        // per-window rates as well: on a shared (virtual) machine other tenants slow some windows down, and the
        // median of half-second windows moves far less from run to run than the overall mean
        List<Double> windowRates = new ArrayList<>();
        long windowStart = start;
        long windowCpu = cpuStart;
        long windowRounds = 0;
        while (System.nanoTime() < end) {
            sink += round(extractor, texts);
            rounds++;
            windowRounds++;
            long now = System.nanoTime();
            if (now - windowStart >= 500_000_000L && cpuStart >= 0) {
                long cpuNow = threads.getCurrentThreadCpuTime();
                windowRates.add(windowRounds * (double) bytesPerRound / 1e6 / ((cpuNow - windowCpu) / 1e9));
                windowStart = now;
                windowCpu = cpuNow;
                windowRounds = 0;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = cpuStart < 0 ? Double.NaN : (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpu = processCpuStart < 0 ? Double.NaN : (processCpuNanos() - processCpuStart) / 1e9;
        double mb = rounds * (double) bytesPerRound / 1e6;
        windowRates.sort(null);
        double median = windowRates.isEmpty() ? Double.NaN : windowRates.get(windowRates.size() / 2);
        double best = windowRates.isEmpty() ? Double.NaN : windowRates.get(windowRates.size() - 1);
        return new Figures(texts.size(), rounds, mb, elapsed, cpu, processCpu, median, best, sink);
    }

    /** CPU time of this whole JVM (all threads: GC and JIT included), or -1 when the platform does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long round(java.util.function.ToIntFunction<String> extractor, List<String> texts) {
        long found = 0;
        for (String t : texts) {
            found += extractor.applyAsInt(t);
        }
        return found;
    }

    /** The texts of the given .txt files and of the .txt files directly inside the given directories, in name order. */
    public static List<String> read(List<Path> paths) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                        out.add(Files.readString(f));
                    }
                }
            } else {
                out.add(Files.readString(p));
            }
        }
        return out;
    }

    /** The two sample articles bundled in the jar. */
    public static List<String> bundled() throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = ExtractBenchmark.class.getResourceAsStream("/io/newspipe/extraction/samples/" + name)) {
                if (in != null) {
                    out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
