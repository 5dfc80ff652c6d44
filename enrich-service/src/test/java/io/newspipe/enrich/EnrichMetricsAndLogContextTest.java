package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.common.ArticleLogContext;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.StageMetrics;
import io.newspipe.common.TopicCatalog;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.RawArticle;

/** enrich counts what it reads and writes, times extraction, and logs about an article with its id in context. */
@ExtendWith(DevStackExtension.class)
class EnrichMetricsAndLogContextTest {

    private static final String TEXT = "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý trao Bằng khen cho 6 tập thể.";

    /** Collects the events of one logger. */
    static final class Capture extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }

    @Test
    void givenTwoArticles_whenEnriched_thenCountersAndTimerMoveAndEachLogRecordNamesItsArticle(DevStack stack,
            @TempDir Path stateDir) {
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).applicationId("enrich-metrics-" + UUID.randomUUID())
                .stateDir(stateDir).build();
        TopicCatalog topics = new TopicCatalog(config);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StageMetrics metrics = new StageMetrics(registry, EnrichService.STAGE);
        Capture capture = new Capture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig loggerConfig = new LoggerConfig(EnrichTopology.class.getName(), Level.DEBUG, false);
        loggerConfig.addAppender(capture, Level.DEBUG, null);
        context.getConfiguration().addLogger(EnrichTopology.class.getName(), loggerConfig);
        context.updateLoggers();
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, Extractor.create(),
                Clock.systemUTC(), metrics), config.streamsProperties())) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(topics.raw().name(),
                    new StringSerializer(), topics.raw().valueSerializer());

            raw.pipeInput("m-1", RawArticles.article("m-1", TEXT));
            raw.pipeInput("m-2", RawArticles.article("m-2", TEXT));
        } finally {
            context.getConfiguration().removeLogger(EnrichTopology.class.getName());
            context.updateLoggers();
            Configurator.setLevel(EnrichTopology.class.getName(), (Level) null);
        }

        assertThat(registry.get("newspipe.records.in").tag("stage", "enrich").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("newspipe.records.out").tag("topic", topics.enriched().name()).counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("newspipe.enrich.extraction").timer().count()).isEqualTo(2);
        assertThat(registry.get("newspipe.enrich.extraction").timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(capture.events).hasSize(2);
        assertThat(capture.events).extracting(e -> e.getContextData().toMap())
                .extracting(m -> ((Map<String, String>) m).get(ArticleLogContext.KEY)).containsExactly("m-1", "m-2");
        assertThat(org.slf4j.MDC.get(ArticleLogContext.KEY)).isNull();
    }
}
