package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import io.newspipe.common.ConfigException;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.common.deadletter.DeadLetterHandler;
import picocli.CommandLine;

class EnrichServiceConfigTest {

    @Test
    void givenDefaults_whenResolved_thenExactlyOnceV2WithStageTaggedDeadLetterHandlers() {
        PipelineConfig config = EnrichService.withDeadLetterHandler(resolve());

        Properties p = config.streamsProperties();

        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "newspipe-enrich")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicNames.DEAD_LETTERS)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterHandler.STAGE_CONFIG, "enrich");
        assertThat(config.topicName(TopicNames.LOGICAL_RAW)).isEqualTo(TopicNames.RAW);
        assertThat(config.topicName(TopicNames.LOGICAL_REPLAY)).isEqualTo(TopicNames.REPLAY);
        assertThat(config.topicName(TopicNames.LOGICAL_ENRICHED)).isEqualTo(TopicNames.ENRICHED);
    }

    @Test
    void givenNoThreadCount_whenResolved_thenTwoStreamThreads_andAConfiguredCountIsKept() {
        assertThat(EnrichService.withStreamThreads(resolve()).streamsProperties())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");
        assertThat(EnrichService.withStreamThreads(resolve("--config", "num.stream.threads=1")).streamsProperties())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    }

    @Test
    void givenNoStoryWindow_whenResolved_thenTheStoriesDefault_andAConfiguredOneIsUsedAndABadOneNamed() {
        assertThat(EnrichService.storyParams(resolve()).window())
                .isEqualTo(io.newspipe.stories.StoryParams.defaults().window());
        assertThat(EnrichService.storyParams(resolve("--config", "newspipe.stories.window.hours=48")).window())
                .isEqualTo(java.time.Duration.ofHours(48));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnrichService.storyParams(
                resolve("--config", "newspipe.stories.window.hours=two days")))
                .hasMessageContaining("newspipe.stories.window.hours").hasMessageContaining("'two days'");
    }

    @Test
    void givenTopicNames_whenResolved_thenTheServiceReadsAndWritesThem() {
        PipelineConfig config = resolve("--topic-name", "raw=team.raw", "--topic-name", "replay=team.replay",
                "--topic-name", "enriched=team.enriched", "--topic-name", "dlq=team.dlq");

        assertThat(config.topicName(TopicNames.LOGICAL_RAW)).isEqualTo("team.raw");
        assertThat(config.topicName(TopicNames.LOGICAL_REPLAY)).isEqualTo("team.replay");
        assertThat(config.topicName(TopicNames.LOGICAL_ENRICHED)).isEqualTo("team.enriched");
        assertThat(config.errorTopic()).isEqualTo("team.dlq");
    }

    @Test
    void givenTheRemovedInputTopicsFlag_whenResolved_thenRejectedNamingTopicName() {
        assertThatThrownBy(() -> resolve("--input-topics", "a,b"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--topic-name raw=NAME");
    }

    private static PipelineConfig resolve(String... args) {
        EnrichService.Cli cli = new EnrichService.Cli();
        new CommandLine(cli).parseArgs(args);
        return cli.common.toConfig(Map.of(), EnrichService.DEFAULTS);
    }

}
