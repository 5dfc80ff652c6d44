package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The topic configs the documents state are written from the table; every other line is left as written. */
class TopicDocsTest {

    @Test
    void givenAReadmeRowWithAnOldRetention_whenGenerated_thenOnlyItsCleanupRetentionCellChanges() {
        String readme = """
                # Title
                | topic | key | value | cleanup / retention | notes |
                |---|---|---|---|---|
                | `news.kpis.v1` | article id | `KpiItem` | delete, 7 days | one record per KPI | with a pipe |
                | `news.published.v1` | article id | `PublishedArticle` | delete | the latest revision |
                | `news.unknown.v9` | x | y | delete, 1 day | left alone |
                text after""";

        String generated = TopicDocs.readme(readme);

        assertThat(generated.lines()).containsExactly("# Title",
                "| topic | key | value | cleanup / retention | notes |",
                "|---|---|---|---|---|",
                "| `news.kpis.v1` | article id | `KpiItem` | delete, 30 days | one record per KPI | with a pipe |",
                "| `news.published.v1` | article id | `PublishedArticle` | **compact** | the latest revision |",
                "| `news.unknown.v9` | x | y | delete, 1 day | left alone |",
                "text after");
        assertThat(TopicDocs.readme(generated)).isEqualTo(generated);
    }

    @Test
    void givenRetentionsInDays_whenDescribed_thenForeverDaysOrMilliseconds() {
        assertThat(TopicDocs.readmeCell(TopicTable.RAW)).isEqualTo("delete, `retention.ms=-1` (forever)");
        assertThat(TopicDocs.readmeCell(TopicTable.REPLAY)).isEqualTo("delete, 7 days");
        assertThat(TopicDocs.readmeCell(TopicTable.STORIES)).isEqualTo("**compact**");
    }

    @Test
    void givenAnAsyncApiBindingWithOldConfigs_whenGenerated_thenItsTopicConfigurationIsTheTables() {
        String asyncApi = """
                channels:
                  kpis:
                    address: news.kpis.v1
                    bindings:
                      kafka:
                        topic: news.kpis.v1
                        topicConfiguration:
                          cleanup.policy: [compact]
                          retention.ms: 1000
                          max.message.bytes: 5
                        bindingVersion: 0.5.0
                  published:
                    bindings:
                      kafka:
                        topic: news.published.v1
                        topicConfiguration:
                          cleanup.policy: [compact]
                          retention.ms: 1000
                        bindingVersion: 0.5.0
                  other:
                    bindings:
                      kafka:
                        topic: not.in.the.table
                        topicConfiguration:
                          retention.ms: 1000
                """;

        String generated = TopicDocs.asyncApi(asyncApi);

        assertThat(generated).isEqualTo("""
                channels:
                  kpis:
                    address: news.kpis.v1
                    bindings:
                      kafka:
                        topic: news.kpis.v1
                        topicConfiguration:
                          cleanup.policy: [delete]
                          retention.ms: 2592000000
                        bindingVersion: 0.5.0
                  published:
                    bindings:
                      kafka:
                        topic: news.published.v1
                        topicConfiguration:
                          cleanup.policy: [compact]
                        bindingVersion: 0.5.0
                  other:
                    bindings:
                      kafka:
                        topic: not.in.the.table
                        topicConfiguration:
                          retention.ms: 1000
                """);
        assertThat(TopicDocs.asyncApi(generated)).isEqualTo(generated);
    }
}
