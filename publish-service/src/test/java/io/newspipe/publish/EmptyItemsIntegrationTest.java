package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.EmptyItemsMarker;
import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.KpiItem;
import io.newspipe.serde.RestSchemaRegistryClient;

/**
 * A revision that removes all awards reaches a consumer of news.awards.v1 (read_committed, on the real broker) as
 * the empty-set marker, so the consumer's replace rule leaves the article without awards; the topics' subjects
 * are FULL_TRANSITIVE once publish-service has started, and its /metrics count what it read, published,
 * suppressed and wrote.
 */
@ExtendWith(DevStackExtension.class)
class EmptyItemsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** What a downstream consumer keeps per article: the revision it holds and that revision's items. */
    record Held(int revision, List<AwardItem> items) {
    }

    /** The documented replace rule, applied record by record. */
    static void apply(Map<String, Held> state, ConsumerRecord<byte[], byte[]> record, AwardItem item) {
        String article = new String(record.key(), StandardCharsets.UTF_8);
        Held held = state.get(article);
        OptionalInt marker = EmptyItemsMarker.revision(item, record.headers());
        int revision = item != null ? item.getRevision() : marker.orElseThrow();
        if (held == null || revision > held.revision()) {
            held = new Held(revision, new ArrayList<>());
            state.put(article, held);
        }
        if (item != null && revision == held.revision()) {
            held.items().add(item);
        }
    }

    /** GETs the URL until the body satisfies {@code done} (the counters move as the transaction commits). */
    static String scrapeUntil(String url, java.util.function.Predicate<String> done) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(200);
        }
        return body;
    }

    @Test
    void givenARevisionWithoutAwards_whenAnAwardsConsumerReplacesItems_thenTheArticleEndsWithNone(DevStack stack,
            @TempDir Path stateDir) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig config = PipelineConfig.builder().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).stateDir(stateDir).topicPartitions(1).httpPort(0)
                .applicationId("it-empty-items-" + run)
                .topicName("enriched", "empty-" + run + ".enriched").topicName("published", "empty-" + run + ".published")
                .topicName("awards", "empty-" + run + ".awards").topicName("kpis", "empty-" + run + ".kpis")
                .topicName("entities", "empty-" + run + ".entities").build();
        TopicCatalog topics = new TopicCatalog(config);
        String id = "empty-awards-" + run;
        EnrichedArticle withAward = EnrichedArticles.article(id);
        EnrichedArticle withoutAwards = EnrichedArticles.article(id);
        withoutAwards.setAwards(new ArrayList<>());

        try (PublishService publish = new PublishService(config, Clock.systemUTC()).start();
                KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
                        config.producerProperties("it-empty-" + run), new StringSerializer(),
                        topics.enriched().valueSerializer())) {
            producer.send(new ProducerRecord<>(topics.enriched().name(), id, withAward)).get();
            producer.send(new ProducerRecord<>(topics.enriched().name(), id, withoutAwards)).get();

            List<ConsumerRecord<byte[], byte[]>> awards = PipelineHarness.readUntil(stack.bootstrapServers(),
                    topics.awards().name(), WAIT, rs -> rs.size() >= 2);
            List<ConsumerRecord<byte[], byte[]>> kpis = PipelineHarness.readUntil(stack.bootstrapServers(),
                    topics.kpis().name(), WAIT, rs -> rs.size() >= 2);

            Map<String, Held> state = new HashMap<>();
            List<OptionalInt> markers = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : awards) {
                AwardItem item = topics.awards().valueDeserializer().deserialize(r.topic(), r.value());
                markers.add(EmptyItemsMarker.revision(item, r.headers()));
                apply(state, r, item);
            }
            assertThat(awards).hasSize(2);
            assertThat(markers).containsExactly(OptionalInt.empty(), OptionalInt.of(2));
            assertThat(awards.get(1).value()).isNull();
            assertThat(new String(awards.get(1).headers().lastHeader(EmptyItemsMarker.COUNT_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("0");
            assertThat(state.get(id).revision()).isEqualTo(2);
            assertThat(state.get(id).items()).isEmpty();
            // the KPIs did not change to none: revision 2 carries its one KPI as an item, no marker
            assertThat(kpis).extracting(r -> topics.kpis().valueDeserializer().deserialize(r.topic(), r.value()))
                    .extracting(KpiItem::getRevision).containsExactly(1, 2);
            assertThat(new RestSchemaRegistryClient(stack.schemaRegistryUrl())
                    .getCompatibility(topics.awards().name() + "-value")).isEqualTo("FULL_TRANSITIVE");

            producer.send(new ProducerRecord<>(topics.enriched().name(), id, withoutAwards)).get();
            String metrics = scrapeUntil(publish.http().baseUrl() + "/metrics",
                    m -> m.contains("outcome=\"suppressed\"") && m.contains("newspipe_records_in_total") && m.matches(
                            "(?s).*newspipe_publish_revisions_total\\{[^}]*outcome=\"suppressed\"[^}]*\\} 1\\.0.*"));
            assertThat(metrics).containsPattern("newspipe_records_in_total\\{[^}]*stage=\"publish\"[^}]*\\} 3\\.0")
                    .containsPattern("newspipe_publish_revisions_total\\{[^}]*outcome=\"published\"[^}]*\\} 2\\.0")
                    .containsPattern("newspipe_records_out_total\\{[^}]*topic=\"" + topics.awards().name()
                            + "\"[^}]*\\} 2\\.0")
                    .containsPattern("newspipe_records_out_total\\{[^}]*topic=\"" + topics.published().name()
                            + "\"[^}]*\\} 2\\.0")
                    .containsPattern("newspipe_input_lag_records\\{[^}]*stage=\"publish\"[^}]*\\} \\d");

            // docs/consumers.md's Java recipe, run as written: the article at revision 2, without awards
            JavaConsumerRecipe recipe = new JavaConsumerRecipe();
            recipe.follow(stack.bootstrapServers(), stack.schemaRegistryUrl(), topics.published().name(),
                    topics.awards().name(), Duration.ofSeconds(15));
            assertThat(recipe.articles.get(id).getRevision()).isEqualTo(2);
            assertThat(recipe.awards).containsKey(id);
            assertThat(recipe.awards.get(id)).isEmpty();
        }
    }
}
