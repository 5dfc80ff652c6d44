package io.newspipe.stories.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a directory of article clusters, each cluster one event reported by several outlets: the gold of the story
 * evaluation. Two layouts (module README, "Evaluation"):
 * <ul>
 *   <li>VietnameseMDS / KTLAB ({@code cluster_N/ID.body.txt} + {@code ID.info.txt} with {@code LINK:},
 *       {@code TITLE:}, {@code TIME: d/m/yyyy H:mm});</li>
 *   <li>header files ({@code CLUSTER/.../NAME.txt} starting with {@code Title:}, {@code Source:},
 *       {@code Published Date: ..., d/m/yyyy, H:mm ...}, then {@code Content:} and the text), as in the
 *       Phenikaa-University/Vietnamese-News-Summarization clusters;</li>
 *   <li>plain files ({@code CLUSTER/NAME.txt}: the title on the first line, then the text; no outlet, no time), as
 *       in the ViMs clusters (CLC-HCMUS/ViMs-Dataset).</li>
 * </ul>
 * Times are Vietnam's (UTC+7). An article without a readable time gets the assumed time when one is given (all at
 * one instant: the hardest case, every article in the window of every other), else it is counted in
 * {@link Corpus#undated()} and left out. Articles come sorted by time, then in an order fixed by a hash of their
 * id, so that clusters of one instant interleave as a stream would.
 */
public final class ClusterCorpus {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\D+(\\d{1,2}):(\\d{2})");
    private static final Pattern BAOMOI_HOST = Pattern.compile("baomoi\\.com/Home/[^/]+/([^/]+)/");

    private ClusterCorpus() {
    }

    /** One gold article. */
    public record Article(String cluster, String id, String outlet, Instant time, String title, String text) {
    }

    /** The articles read (sorted by time, then id) and how many were left out for want of a time. */
    public record Corpus(List<Article> articles, int undated) {
    }

    public static Corpus read(Path dir) {
        return read(dir, null);
    }

    /** As {@link #read(Path)}, undated articles taking assumedTime (null: left out). */
    public static Corpus read(Path dir, Instant assumedTime) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        List<Article> out = new ArrayList<>();
        int[] undated = {0};
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                Path clusterDir = clusterOf(dir, p);
                if (clusterDir == null) {
                    continue;
                }
                String cluster = clusterDir.getFileName().toString();
                Article a = null;
                if (name.endsWith(".body.txt")) {
                    a = readKtlab(cluster, p);
                } else if (name.endsWith(".txt") && name.indexOf('.') == name.length() - 4) {
                    a = isHeaderFile(p) ? readHeaderFile(cluster, p, dir, assumedTime)
                            : readPlainFile(cluster, p, dir, assumedTime);
                } else {
                    continue;
                }
                if (a == null) {
                    undated[0]++;
                } else if (!a.text().isBlank()) {
                    out.add(a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        out.sort(Comparator.comparing(Article::time)
                .thenComparingLong(a -> io.newspipe.stories.text.Hashing.hash64(a.id())).thenComparing(Article::id));
        return new Corpus(out, undated[0]);
    }

    /** The directory directly under a "cluster" directory name (cluster_N, Cluster_NNN), or null. */
    private static Path clusterOf(Path root, Path file) {
        for (Path d = file.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
            if (d.getFileName().toString().toLowerCase(java.util.Locale.ROOT).startsWith("cluster_")) {
                return d;
            }
        }
        return null;
    }

    private static Article readPlainFile(String cluster, Path p, Path root, Instant assumedTime) throws IOException {
        if (assumedTime == null) {
            return null;
        }
        String t = text(p).strip();
        int nl = t.indexOf('\n');
        String title = nl < 0 ? t : t.substring(0, nl).strip();
        String body = nl < 0 ? "" : t.substring(nl + 1).strip();
        return new Article(cluster, root.relativize(p).toString().replace('\\', '/'), null, assumedTime, title, body);
    }

    private static Article readKtlab(String cluster, Path body) throws IOException {
        String name = body.getFileName().toString();
        String id = name.substring(0, name.length() - ".body.txt".length());
        Path info = body.resolveSibling(id + ".info.txt");
        if (!Files.exists(info)) {
            throw new IllegalArgumentException("no " + info.getFileName() + " beside " + body);
        }
        String meta = text(info);
        Instant time = time(field(meta, "TIME"));
        if (time == null) {
            return null;
        }
        String link = field(meta, "LINK");
        Matcher m = link == null ? null : BAOMOI_HOST.matcher(link);
        String outlet = m != null && m.find() ? m.group(1) : null;
        // the titles of this set are word-segmented ("biểu_tình"); the bodies are not
        String title = field(meta, "TITLE");
        title = title == null ? null : title.replace('_', ' ').strip();
        return new Article(cluster, cluster + "/" + id, outlet, time, title, text(body));
    }

    private static boolean isHeaderFile(Path p) throws IOException {
        String t = text(p);
        return t.startsWith("Title:") || t.contains("\nContent:");
    }

    private static Article readHeaderFile(String cluster, Path p, Path root, Instant assumedTime) throws IOException {
        String t = text(p);
        Instant time = time(field(t, "Published Date"));
        if (time == null) {
            time = assumedTime;
        }
        if (time == null) {
            return null;
        }
        int c = t.indexOf("\nContent:");
        String body = c < 0 ? t : t.substring(c + "\nContent:".length()).strip();
        String rel = root.relativize(p).toString().replace('\\', '/');
        return new Article(cluster, rel, field(t, "Source"), time, field(t, "Title"), body);
    }

    private static String field(String text, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ":[ \\t]*(.*)$").matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    static Instant time(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s);
        if (!m.find()) {
            return null;
        }
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        return t.toInstant(VIETNAM);
    }

    private static String text(Path p) throws IOException {
        String s = Files.readString(p, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
