package io.newspipe.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.newspipe.extraction.cli.ExtractFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Offline extraction: no Kafka, no registry; one JSON line per article in the scorer's prediction format. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract entities, awards and KPI mentions from article text files, offline.",
            "Writes one JSON line per article (the format eval/score.py reads).",
            "Exit code 1 when some input could not be read; the readable ones are still processed."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".txt article files or directories of them")
    List<Path> paths;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON lines here (default: stdout)")
    Path output;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (output != null && output.toAbsolutePath().getParent() != null) {
            try {
                java.nio.file.Files.createDirectories(output.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                err.println("newspipe extract: cannot create " + output.toAbsolutePath().getParent() + ": " + e);
                return 1;
            }
        }
        return ExtractFiles.run(paths, output, out, err);
    }
}
