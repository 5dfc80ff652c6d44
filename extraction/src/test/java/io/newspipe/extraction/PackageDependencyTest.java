package io.newspipe.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule packages ({@code text}, {@code reference}, {@code entities}, {@code awards}, {@code kpi}, {@code cli})
 * form a graph without cycles, read from the compiled classes (so fully qualified names count as well as imports).
 * The root package is the API (mentions, {@code Extractor}, {@code CharClass}) every rule package may use; it is not
 * a node of the graph.
 */
class PackageDependencyTest {

    private static final String ROOT = "io/newspipe/extraction/";
    /** A class name in a class file's constant pool: {@code io/newspipe/extraction/<package>/<Class>}. */
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ROOT) + "([a-z]+)/[A-Z]");

    @Test
    void givenCompiledExtractionClasses_whenPackageDependenciesAreRead_thenNoPackageReachesItself() throws Exception {
        Map<String, Set<String>> graph = dependencies(classesDirectory());

        assertThat(graph).containsKeys("text", "entities", "awards", "kpi");
        assertThat(cycles(graph)).as("package cycles (package -> packages it uses: %s)", graph).isEmpty();
    }

    @Test
    void givenTwoPackagesUsingEachOther_whenCyclesAreSought_thenTheCycleIsNamed() {
        Map<String, Set<String>> graph = Map.of("text", Set.of("kpi"), "kpi", Set.of("text"), "awards", Set.of("text"));

        assertThat(cycles(graph)).containsExactly(List.of("kpi", "text", "kpi"));
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(Extractor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<String, Set<String>> dependencies(Path classes) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        Path root = classes.resolve(ROOT);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root (API) package
                }
                String from = relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                // Class names sit in the constant pool as modified UTF-8, which for ASCII names is plain bytes.
                Matcher m = REFERENCE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** One cycle per package that reaches itself, as the path from it back to it (smallest package name first). */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> out = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = pathBack(graph, start);
            if (path != null && out.stream().noneMatch(c -> c.containsAll(path))) {
                out.add(path);
            }
        }
        return out;
    }

    private static List<String> pathBack(Map<String, Set<String>> graph, String start) {
        Deque<List<String>> queue = new ArrayDeque<>();
        queue.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!queue.isEmpty()) {
            List<String> path = queue.poll();
            for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    queue.add(longer);
                }
            }
        }
        return null;
    }
}
