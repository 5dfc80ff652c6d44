package io.newspipe.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.newspipe.extraction.cli.ExtractBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./newspipe bench extract}: extraction alone (normalize + extract) on this one thread, no Kafka: the figure
 * behind the "10 MB/s of article text on one core" target. A benchmark command that prints its figures; nothing in
 * the test suite asserts a speed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Time extraction alone on one thread (normalize + extract in a loop, no Kafka).",
            "Prints MB of UTF-8 article text per CPU-second of that thread (the figure to compare on a shared "
                    + "machine), per wall-clock second and per CPU-second of the whole JVM, and articles/s."})
public final class ExtractBenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = ".txt article files or directories of them "
            + "(default: the two sample articles bundled in the jar)")
    List<Path> paths = List.of();

    @Option(names = "--seconds", paramLabel = "S", description = "Timed run (default ${DEFAULT-VALUE}).")
    double seconds = 20;

    @Option(names = "--warm-up", paramLabel = "S", description = "Untimed run before it, for the JIT "
            + "(default ${DEFAULT-VALUE}).")
    double warmUp = 10;

    @Option(names = "--entities-only", description = "Time normalization and entity extraction only.")
    boolean entitiesOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seconds <= 0 || warmUp < 0) {
            err.println("newspipe bench extract: --seconds must be above 0 and --warm-up at least 0");
            return 2;
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("newspipe bench extract: no such file or directory: " + p);
                return 2;
            }
        }
        List<String> texts = paths.isEmpty() ? ExtractBenchmark.bundled() : ExtractBenchmark.read(paths);
        if (texts.isEmpty()) {
            err.println("newspipe bench extract: no .txt articles in " + paths);
            return 2;
        }
        err.printf("newspipe bench extract: %d articles; warming up for %.0f s, then timing %.0f s ...%n",
                texts.size(), warmUp, seconds);
        err.flush();
        out.println(ExtractBenchmark.measure(texts, seconds, warmUp, entitiesOnly).report());
        return 0;
    }
}
