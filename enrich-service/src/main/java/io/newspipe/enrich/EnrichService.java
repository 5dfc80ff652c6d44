package io.newspipe.enrich;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newspipe.common.CommonOptions;
import io.newspipe.common.ConfigException;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.ServiceHttpServer;
import io.newspipe.common.ServiceMetrics;
import io.newspipe.common.Shutdown;
import io.newspipe.common.StageMetrics;
import io.newspipe.common.StreamsApp;
import io.newspipe.common.StreamsServiceRunner;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicTable;
import io.newspipe.common.TopicNames;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.extraction.Extractor;
import io.newspipe.stories.StoryParams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The enrich microservice: news.raw.v1 and news.replay.v1 -> extraction -> news.enriched.v1, exactly_once_v2. Both
 * inputs carry RawArticle and are treated the same: news.replay.v1 holds what operators send again
 * ({@code ./newspipe replay}, {@code ./newspipe dlq replay}). Records that cannot be
 * deserialized or enriched go to news.dlq.v1 (see {@link DeadLetterHandler}); the service keeps running.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    public static final String NAME = "enrich-service";
    public static final String STAGE = "enrich";
    public static final ServiceDefaults DEFAULTS =
            new ServiceDefaults("newspipe-enrich", 8082);

    private final PipelineConfig config;
    private final StreamsServiceRunner runner;

    /**
     * Stream threads when the configuration does not say: extraction is CPU work, and every exactly-once commit
     * blocks its thread on round trips to the broker (flush, offsets, end of transaction), so one thread sat idle a
     * third of the time; with two, one extracts while the other commits (`./newspipe bench`; figures in
     * docs/perf-log.md).
     */
    public static final int DEFAULT_STREAM_THREADS = 2;

    /**
     * Property ({@code --config newspipe.stories.window.hours=N}): how far back, in hours of article time, the story
     * step looks for a story to join (the story index's window; its window stores keep that much). Default: the
     * stories module's (96 h, {@link StoryParams#defaults()}).
     */
    public static final String STORY_WINDOW_HOURS_CONFIG = "newspipe.stories.window.hours";

    public EnrichService(PipelineConfig config, Extractor extractor, Clock clock) {
        this.config = withDeadLetterHandler(withStreamThreads(config));
        TopicCatalog topics = new TopicCatalog(this.config);
        PrometheusMeterRegistry registry = ServiceMetrics.newRegistry(NAME);
        StageMetrics metrics = new StageMetrics(registry, STAGE);
        StoryParams stories = storyParams(this.config);
        StreamsApp app = new StreamsApp(this.config,
                () -> EnrichTopology.build(topics, extractor, clock, metrics, stories),
                topics.specsCreatedBy(TopicTable.Creator.ENRICH));
        this.runner = new StreamsServiceRunner(NAME, this.config, app, registry, metrics);
    }

    /**
     * news.raw.v1 and news.replay.v1 (RawArticle) -> extraction -> news.enriched.v1 (EnrichedArticle with
     * extractorVersion, enrichedAt).
     */
    public static Topology buildTopology(TopicCatalog topics, Extractor extractor, Clock clock) {
        return EnrichTopology.build(topics, extractor, clock);
    }

    /** Creates missing topics, starts the streams and the health/metrics endpoints; returns without waiting. */
    public synchronized EnrichService start() {
        runner.start();
        log.info("{} started: {} + {} -> {} (dead letters: {}), http {}", NAME,
                config.topicName(TopicNames.LOGICAL_RAW), config.topicName(TopicNames.LOGICAL_REPLAY),
                config.topicName(TopicNames.LOGICAL_ENRICHED), config.errorTopic(), runner.http().baseUrl());
        return this;
    }

    public synchronized void stop() {
        runner.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public StreamsApp app() {
        return runner.app();
    }

    public ServiceHttpServer http() {
        return runner.http();
    }

    /** The resolved configuration, with the dead-letter handler and topic overrides applied. */
    public PipelineConfig config() {
        return config;
    }

    /** The story step's parameters: the defaults, with the window of {@link #STORY_WINDOW_HOURS_CONFIG} when set. */
    static StoryParams storyParams(PipelineConfig config) {
        StoryParams defaults = StoryParams.defaults();
        String hours = config.extraConfig().get(STORY_WINDOW_HOURS_CONFIG);
        if (hours == null) {
            return defaults;
        }
        long h;
        try {
            h = Long.parseLong(hours.strip());
        } catch (NumberFormatException e) {
            h = -1;
        }
        if (h < 1) {
            throw new ConfigException(STORY_WINDOW_HOURS_CONFIG + " must be a whole number of hours >= 1, got '"
                    + hours + "'");
        }
        return defaults.withWindow(java.time.Duration.ofHours(h));
    }

    /** {@link #DEFAULT_STREAM_THREADS} unless num.stream.threads is configured. */
    static PipelineConfig withStreamThreads(PipelineConfig config) {
        if (config.extraConfig().containsKey(StreamsConfig.NUM_STREAM_THREADS_CONFIG)) {
            return config;
        }
        return config.toBuilder()
                .extraConfig(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(DEFAULT_STREAM_THREADS)).build();
    }

    /** Replaces the plain log-and-continue handlers with ours, which add the stage and reason headers. */
    static PipelineConfig withDeadLetterHandler(PipelineConfig config) {
        return DeadLetterHandler.installedIn(config, STAGE);
    }

    @Command(name = NAME, mixinStandardHelpOptions = true,
            description = "Kafka Streams service: news.raw.v1 + news.replay.v1 -> extraction -> news.enriched.v1 "
                    + "(exactly_once_v2).")
    static final class Cli implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PipelineConfig config = common.toConfig(DEFAULTS);
            Extractor extractor = Extractor.create();
            log.info("Extractor version {}", extractor.version());
            Shutdown shutdown = Shutdown.install(NAME);
            shutdown.onExit(new EnrichService(config, extractor, Clock.systemUTC()).start());
            shutdown.await();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Cli()).execute(args));
    }
}
