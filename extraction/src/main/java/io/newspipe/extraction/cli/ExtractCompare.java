package io.newspipe.extraction.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares the extraction speed of two builds in one JVM: each build's classes are loaded by a class loader of their
 * own, and the two take turns in 250 ms slices on one thread, so both see the same machine. On a shared VM whole runs
 * of one build swing by ±30% (a run is fast or slow throughout); alternating slices cancel that out, and the ratio
 * of two identical builds reads 1.00 ± 0.01.
 *
 * <p>Usage: {@code ExtractCompare BASE_CLASSES NEW_CLASSES SECONDS PATH...} where the class directories hold the
 * extraction classes and resources of each build (e.g. a copy of {@code extraction/target/classes} made before the
 * change, and {@code extraction/target/classes}); dependencies come from this JVM's class path. Prints MB of UTF-8
 * text per CPU-second for each and the ratio new/base (over the whole run, and the median over slice pairs).
 */
public final class ExtractCompare {

    private ExtractCompare() {
    }

    /** One build: its engine, called by reflection (per article, so the call costs nothing measurable). */
    private record Build(Object extractor, Method extract, Method normalize) {

        static Build load(Path classes) throws ReflectiveOperationException, IOException {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!holdsEngine(p)) {
                    urls.add(p.toUri().toURL()); // dependencies only: never this JVM's own extraction classes
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> engine = loader.loadClass("io.newspipe.extraction.Extractor");
            Class<?> normalizer = loader.loadClass("io.newspipe.extraction.TextNormalizer");
            return new Build(engine.getMethod("create").invoke(null), engine.getMethod("extract", String.class),
                    normalizer.getMethod("normalize", String.class));
        }

        private static boolean holdsEngine(Path entry) throws IOException {
            String engine = "io/newspipe/extraction/Extractor.class";
            if (Files.isDirectory(entry)) {
                return Files.exists(entry.resolve(engine));
            }
            if (!Files.isRegularFile(entry)) {
                return false;
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
                return jar.getEntry(engine) != null;
            }
        }

        long round(List<String> texts) throws ReflectiveOperationException {
            long found = 0;
            for (String t : texts) {
                found += extract.invoke(extractor, normalize.invoke(null, t)) == null ? 0 : 1;
            }
            return found;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ExtractCompare BASE_CLASSES NEW_CLASSES SECONDS PATH...");
            System.exit(2);
        }
        Build[] builds = {Build.load(Path.of(args[0])), Build.load(Path.of(args[1]))};
        double seconds = Double.parseDouble(args[2]);
        List<String> texts = new ArrayList<>();
        for (int k = 3; k < args.length; k++) {
            Path p = Path.of(args[k]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                        texts.add(Files.readString(f));
                    }
                }
            } else {
                texts.add(Files.readString(p));
            }
        }
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + 8_000_000_000L;
        for (int b = 0; System.nanoTime() < warmEnd; b ^= 1) {
            builds[b].round(texts);
        }
        long[] cpu = new long[2];
        long[] rounds = new long[2];
        List<Double> pairRatios = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            double[] rate = new double[2];
            for (int b = 0; b < 2; b++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long sliceEnd = System.nanoTime() + 250_000_000L;
                long r = 0;
                while (System.nanoTime() < sliceEnd) {
                    builds[b].round(texts);
                    r++;
                }
                long used = threads.getCurrentThreadCpuTime() - cpu0;
                cpu[b] += used;
                rounds[b] += r;
                rate[b] = r * (double) bytes / used;
            }
            pairRatios.add(rate[1] / rate[0]);
        }
        double[] sorted = pairRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("base %.2f, new %.2f MB per CPU-second; new/base %.3f over the run, median of %d slice pairs %.3f%n",
                rounds[0] * (double) bytes / 1e6 / (cpu[0] / 1e9), rounds[1] * (double) bytes / 1e6 / (cpu[1] / 1e9),
                (rounds[1] * (double) cpu[0]) / (rounds[0] * (double) cpu[1]), sorted.length,
                sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2]);
    }
}
