package io.newspipe.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.newspipe.ingest.cli.IngestFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newspipe ingest PATH...}: sends article files to a running ingest service over HTTP. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Send article files to a running ingest service (./newspipe up) over HTTP.",
            ".txt files are one raw article each; .ndjson/.jsonl files hold one JSON article per line;",
            "directories are searched recursively. Exit 1 when any article failed."})
final class IngestFilesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories")
    List<Path> paths;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:NEWSPIPE_INGEST_URL:-http://127.0.0.1:8080}",
            description = "The ingest service. Env: NEWSPIPE_INGEST_URL. Default: http://127.0.0.1:8080.")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:NEWSPIPE_API_TOKEN:-${env:INGEST_API_TOKEN}}",
            description = "Bearer token when the service requires one. Env: NEWSPIPE_API_TOKEN (formerly INGEST_API_TOKEN).")
    String token;

    @Override
    public Integer call() {
        return IngestFiles.run(paths, url, token, System.out, System.err);
    }
}
