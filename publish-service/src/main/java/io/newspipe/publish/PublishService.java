package io.newspipe.publish;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newspipe.common.CommonOptions;
import io.newspipe.common.ConfigException;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.PublicSubjects;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The publish microservice: news.enriched.v1 -> validation -> news.published.v1 (compacted, one revision per content
 * change) and the per-item topics news.awards.v1, news.kpis.v1, news.entities.v1, exactly_once_v2. Records that
 * cannot be deserialized, are invalid or fail go to news.dlq.v1 (see {@link DeadLetterHandler}).
 */
public final class PublishService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublishService.class);

    public static final String NAME = "publish-service";
    public static final String STAGE = "publish";
    public static final ServiceDefaults DEFAULTS =
            new ServiceDefaults("newspipe-publish", 8083);

    private final PipelineConfig config;
    private final StreamsServiceRunner runner;

    public PublishService(PipelineConfig config, Clock clock) {
        this.config = withDeadLetterHandler(config);
        TopicCatalog topics = new TopicCatalog(this.config);
        PrometheusMeterRegistry registry = ServiceMetrics.newRegistry(NAME);
        StageMetrics metrics = new StageMetrics(registry, STAGE);
        StreamsApp app = new StreamsApp(this.config, () -> PublishTopology.build(topics, clock, metrics),
                topics.specsCreatedBy(TopicTable.Creator.PUBLISH));
        this.runner = new StreamsServiceRunner(NAME, this.config, app, registry, metrics);
    }

    /**
     * news.enriched.v1 -> validate -> revision rule (state store {@value PublishTopology#REVISIONS_STORE}) ->
     * news.published.v1, and one record per item to news.awards.v1, news.kpis.v1, news.entities.v1.
     */
    public static Topology buildTopology(TopicCatalog topics, Clock clock) {
        return PublishTopology.build(topics, clock);
    }

    /**
     * Holds the public subjects FULL_TRANSITIVE (before anything is registered under them), creates missing
     * topics, starts the streams and the health/metrics endpoints; returns without waiting.
     */
    public synchronized PublishService start() {
        // the registry refusing (a wrong password) or not answering is retried, readiness DOWN meanwhile
        runner.start("setting " + PublicSubjects.LEVEL + " on the public subjects", () -> PublicSubjects.enforce(config));
        log.info("{} started: {} -> {} (dead letters: {}), http {}", NAME, config.topicName(TopicNames.LOGICAL_ENRICHED),
                config.topicName(TopicNames.LOGICAL_PUBLISHED), config.errorTopic(), runner.http().baseUrl());
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

    /** Replaces the plain log-and-continue handlers with ours, which add the stage and reason headers. */
    static PipelineConfig withDeadLetterHandler(PipelineConfig config) {
        return DeadLetterHandler.installedIn(config, STAGE);
    }

    @Command(name = NAME, mixinStandardHelpOptions = true,
            description = "Kafka Streams service: news.enriched.v1 -> news.published.v1 + per-item topics (exactly_once_v2).")
    static final class Cli implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PipelineConfig config = common.toConfig(DEFAULTS);
            Shutdown shutdown = Shutdown.install(NAME);
            shutdown.onExit(new PublishService(config, Clock.systemUTC()).start());
            shutdown.await();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Cli()).execute(args));
    }
}
