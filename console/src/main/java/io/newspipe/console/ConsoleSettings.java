package io.newspipe.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.newspipe.common.PipelineConfig;

/**
 * What the console needs to know: the pipeline's Kafka/registry/topic settings (the services' own, through
 * {@link PipelineConfig}), where the services answer health checks, whose consumer lag to show, the token, and the
 * caps that bound its memory.
 *
 * @param services      service name (e.g. {@code enrich}, {@code enrich-2}) to its base URL
 * @param lagGroups     consumer groups / Streams application ids whose lag the pipeline page shows
 * @param apiToken      bearer token; null leaves the console open (it binds to 127.0.0.1 by default)
 * @param maxArticles   articles the in-memory index keeps (id, title, URL, revision positions); older ones are
 *                      dropped and found by a scan instead
 * @param sampleEvery   how often the pipeline is sampled (rates, lag, health)
 * @param rateSamples   samples kept for the records/s chart
 * @param callTimeout   limit of every Kafka, registry and health call
 */
public record ConsoleSettings(PipelineConfig config, Map<String, URI> services, List<String> lagGroups,
        String apiToken, int maxArticles, Duration sampleEvery, int rateSamples, Duration callTimeout) {

    public static final int DEFAULT_PORT = 8090;
    public static final int DEFAULT_MAX_ARTICLES = 20_000;
    public static final Duration DEFAULT_SAMPLE_EVERY = Duration.ofSeconds(5);
    /** Ten minutes at the default sampling interval. */
    public static final int DEFAULT_RATE_SAMPLES = 120;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    public ConsoleSettings {
        Objects.requireNonNull(config, "config");
        services = Map.copyOf(services);
        lagGroups = List.copyOf(lagGroups);
        if (apiToken != null && apiToken.isBlank()) {
            apiToken = null;
        }
        if (maxArticles < 1) {
            throw new IllegalArgumentException("maxArticles must be at least 1, got " + maxArticles);
        }
    }

    public static ConsoleSettings of(PipelineConfig config, Map<String, URI> services, List<String> lagGroups,
            String apiToken) {
        return new ConsoleSettings(config, services, lagGroups, apiToken, DEFAULT_MAX_ARTICLES, DEFAULT_SAMPLE_EVERY,
                DEFAULT_RATE_SAMPLES, DEFAULT_CALL_TIMEOUT);
    }

    public ConsoleSettings withSampling(Duration every, int samples) {
        return new ConsoleSettings(config, services, lagGroups, apiToken, maxArticles, every, samples, callTimeout);
    }

    public ConsoleSettings withMaxArticles(int max) {
        return new ConsoleSettings(config, services, lagGroups, apiToken, max, sampleEvery, rateSamples, callTimeout);
    }
}
