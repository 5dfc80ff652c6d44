package io.newspipe.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.newspipe.common.ApiToken;
import io.newspipe.common.CommonOptions;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.Shutdown;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ingest-service [options]}: runs {@link IngestService} until SIGTERM / Ctrl-C. */
@Command(name = "ingest-service", mixinStandardHelpOptions = true,
        description = "Takes raw article text over HTTP (POST /v1/articles, /v1/articles/batch) and writes RawArticle "
                + "records to news.raw.v1, each article id once.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            description = "Largest accepted article body (and batch line). Default: 2097152 (2 MiB).")
    long maxBodyBytes = IngestService.Options.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--max-batch-bytes", paramLabel = "BYTES",
            description = "Largest accepted batch body. Default: 33554432 (32 MiB).")
    long maxBatchBytes = IngestService.Options.DEFAULT_MAX_BATCH_BYTES;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Bearer token required on writes. Env: " + ApiToken.ENV + " (formerly " + ApiToken.DEPRECATED_ENV
                    + ", still read). Default: none: ingest does not start without --allow-open-api.")
    String apiToken;

    @Option(names = "--delivery-timeout-ms", paramLabel = "MS",
            description = "Longest a write may wait for Kafka before the request answers 503. Default: 10000.")
    long deliveryTimeoutMs = 10_000;

    @Option(names = "--allow-open-api",
            description = "Start without an API token, so anyone who reaches the port can write: for a local test "
                    + "only (./newspipe up and demo pass it; they bind 127.0.0.1). Without it ingest refuses to start "
                    + "without a token. Env: " + ApiToken.ALLOW_OPEN_ENV + "=true.")
    boolean allowOpenApi;

    @Option(names = "--max-bytes-in-flight", paramLabel = "BYTES",
            description = "Request-body bytes held at once (being read or waiting for Kafka); beyond it writes get "
                    + "503 overloaded. Default: an eighth of the heap.")
    Long maxBytesInFlight;

    /** The environment the token is read from (tests replace it). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PipelineConfig config = common.toConfig(IngestService.DEFAULTS);
        String token = apiToken != null ? apiToken : ApiToken.fromEnvironment(env).orElse(null);
        boolean open = allowOpenApi || ApiToken.openAllowed(env);
        if ((token == null || token.isBlank()) && !open) {
            System.err.println("ingest-service: no API token. Set " + ApiToken.ENV + " (or --api-token) so writes "
                    + "need 'Authorization: Bearer <token>'; for a local test without one, pass --allow-open-api "
                    + "(env " + ApiToken.ALLOW_OPEN_ENV + "=true).");
            return 2;
        }
        IngestService.Options options = new IngestService.Options(maxBodyBytes, maxBatchBytes, token,
                Duration.ofMillis(deliveryTimeoutMs), Duration.ofMinutes(10),
                maxBytesInFlight != null ? maxBytesInFlight : IngestService.Options.defaultMaxBytesInFlight());
        Shutdown shutdown = Shutdown.install(IngestService.SERVICE_NAME);
        shutdown.onExit(new IngestService(config, options).start());
        shutdown.await();
        return 0;
    }

    public static int execute(String... args) {
        return new CommandLine(new IngestCommand()).execute(args);
    }
}
