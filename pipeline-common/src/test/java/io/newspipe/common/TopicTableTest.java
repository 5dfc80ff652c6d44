package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class TopicTableTest {

    @Test
    void givenTheTable_whenListingNames_thenLogicalAndDefaultNamesAreUnique() {
        assertThat(TopicTable.all()).extracting(TopicTable.Row::logicalName).doesNotHaveDuplicates();
        assertThat(TopicTable.all()).extracting(TopicTable.Row::defaultName).doesNotHaveDuplicates();
        assertThat(TopicTable.renamableLogicalNames()).containsExactly("raw", "enriched", "published", "awards",
                "kpis", "entities", "dlq", "replay", "stories", "roles", "article-index");
    }

    @Test
    void givenALogicalName_whenLookedUp_thenItsRowOrAnErrorListingTheKnownOnes() {
        assertThat(TopicNames.defaultName("kpis")).isEqualTo("news.kpis.v1");
        assertThatThrownBy(() -> TopicTable.byLogicalName("dlq-redriven")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("known topics: raw, enriched");
    }

    @Test
    void givenTheRenameSetting_whenReadingItsHelp_thenEveryRenamableTopicIsNamed() {
        String flagHelp = String.join(" ", new CommandLine(new PipelineConfigTest.TestService()).getCommandSpec()
                .findOption("--topic-name").description());

        for (String logical : TopicTable.renamableLogicalNames()) {
            assertThat(Setting.TOPIC_NAMES.description()).contains(logical);
            assertThat(flagHelp).contains(logical);
        }
        assertThat(flagHelp).doesNotContain("${").doesNotContain("dlq-redriven");
    }

    @Test
    void givenARow_whenItsConfigsAreRead_thenCleanupIsExplicitAndRetentionOnlyWhereTheTableSetsOne() {
        assertThat(TopicTable.RAW.configs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(TopicTable.PUBLISHED.configs()).containsOnlyKeys("cleanup.policy").containsEntry("cleanup.policy",
                "compact");
        assertThat(TopicTable.DLQ_REDRIVEN.partitions()).isEqualTo(TopicTable.Partitions.ONE);
    }
}
