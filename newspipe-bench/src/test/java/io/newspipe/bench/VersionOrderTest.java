package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.TopicReader;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/**
 * Versions, end to end on the real broker (one partition per topic, so the order of records is the order they were
 * written). A corrected text posted to ingest under the same URL (spelled with http instead of https, parameters
 * swapped) is revision 2 of the same article. With version 2 published, the old version comes back the two ways a
 * re-drive sends it: its raw record copied onto news.replay.v1 (as {@code replay} and an enrich-stage
 * {@code dlq replay} do; enrich enriches it anew, later than the correction) and its old enriched record written onto
 * news.enriched.v1 again (a publish-stage re-drive). Neither may become a revision.
 */
@ExtendWith(DevStackExtension.class)
class VersionOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenACorrectedTextUnderTheSameUrlSpelledAnotherWay_whenPosted_thenItIsRevisionTwoOfTheSameArticle(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir, 1);
                EnrichService enrich = enrich(run, dir);
                PublishService publish = publish(run, dir);
                IngestService ingest = new IngestService(run.base, IngestService.Options.defaults()).start()) {
            assertThat(ingest.awaitReady(WAIT)).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            URI articles = URI.create(ingest.baseUrl() + "/v1/articles");
            String id = accepted(post(http, articles, LEAD + "Thu ngân sách năm 2025 đạt 312 tỷ đồng.",
                    "https://baotinh.vn/thoi-su/tong-ket?id=7&trang=1"));
            published(run, id, 1);

            String correctedId = accepted(post(http, articles, LEAD + "Thu ngân sách năm 2025 đạt 321 tỷ đồng.",
                    "http://baotinh.vn/thoi-su/tong-ket?trang=1&id=7#dinh-chinh"));

            assertThat(correctedId).isEqualTo(id);
            List<PublishedArticle> revisions = published(run, id, 2);
            assertThat(revisions).extracting(PublishedArticle::getRevision).containsExactly(1, 2);
            assertThat(revisions).extracting(PublishedArticle::getVersion).containsExactly(1, 2);
            assertThat(revisions.get(0).getText()).contains("312 tỷ đồng");
            assertThat(revisions.get(1).getText()).contains("321 tỷ đồng");
        }
    }

    @Test
    void givenVersionTwoPublished_whenVersionOneIsReDrivenThroughReplayAndThroughEnriched_thenNoRevisionThree(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir, 1);
                EnrichService enrich = enrich(run, dir);
                PublishService publish = publish(run, dir);
                KafkaProducer<String, RawArticle> raw = new KafkaProducer<>(run.base.producerProperties("order-raw"),
                        new StringSerializer(), run.topics.raw().valueSerializer());
                KafkaProducer<byte[], byte[]> bytes = new KafkaProducer<>(run.base.producerProperties("redrive"),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            run.ensureTopics();
            RawArticleFactory factory = new RawArticleFactory();
            RawArticle v1 = factory.create(new ArticleSubmission(LEAD + "Thu ngân sách năm 2025 đạt 312 tỷ đồng.",
                    "https://baotinh.vn/thoi-su/tong-ket", null, null, null, null));
            RawArticle v2 = factory.create(new ArticleSubmission(LEAD + "Thu ngân sách năm 2025 đạt 321 tỷ đồng.",
                    "https://baotinh.vn/thoi-su/tong-ket", null, null, null, null));
            v2.setVersion(2); // what ingest writes for the correction
            String id = v1.getArticleId();
            raw.send(new ProducerRecord<>(run.topics.raw().name(), id, v1)).get();
            published(run, id, 1);
            raw.send(new ProducerRecord<>(run.topics.raw().name(), id, v2)).get();
            assertThat(published(run, id, 2)).extracting(PublishedArticle::getRevision).containsExactly(1, 2);

            // the old version comes back: its raw record to news.replay.v1, its enriched record to news.enriched.v1
            ConsumerRecord<byte[], byte[]> rawV1 = records(run, run.topics.raw().name(), id, 2).get(0);
            ConsumerRecord<byte[], byte[]> enrichedV1 = records(run, run.topics.enriched().name(), id, 2).get(0);
            bytes.send(new ProducerRecord<>(run.topics.replay().name(), null, null, rawV1.key(), rawV1.value(),
                    rawV1.headers())).get();
            List<ConsumerRecord<byte[], byte[]>> enriched = records(run, run.topics.enriched().name(), id, 3);
            EnrichedArticle reEnriched = run.topics.enriched().valueDeserializer()
                    .deserialize(run.topics.enriched().name(), enriched.get(2).value());
            assertThat(reEnriched.getText()).as("the replayed old version, enriched anew").contains("312 tỷ đồng");
            bytes.send(new ProducerRecord<>(run.topics.enriched().name(), null, null, enrichedV1.key(),
                    enrichedV1.value(), enrichedV1.headers())).get();
            RawArticle sentinel = factory.create(ArticleSubmission.ofText("Tin cuối: kết thúc phiên kiểm tra."));
            raw.send(new ProducerRecord<>(run.topics.raw().name(), sentinel.getArticleId(), sentinel)).get();
            published(run, sentinel.getArticleId(), 1); // everything before it on the one partition is processed

            assertThat(published(run, id, 2)).as("revisions of %s after the old version came back twice", id)
                    .extracting(PublishedArticle::getRevision).containsExactly(1, 2);
        }
    }

    private static final String LEAD = "(BTV) - Sáng 12.3, UBND tỉnh tổ chức hội nghị tổng kết công tác thi đua khen "
            + "thưởng năm 2025. Chủ tịch UBND tỉnh Nguyễn Văn An trao Bằng khen cho 12 tập thể.\n";

    private static EnrichService enrich(FaultRun run, Path dir) {
        return new EnrichService(run.config("order-enrich", dir.resolve("enrich")), Extractor.create(),
                Clock.systemUTC()).start();
    }

    private static PublishService publish(FaultRun run, Path dir) {
        return new PublishService(run.config("order-publish", dir.resolve("publish")), Clock.systemUTC()).start();
    }

    /** The published revisions of an article, once at least {@code count} are there (read_committed). */
    private static List<PublishedArticle> published(FaultRun run, String id, int count) {
        return records(run, run.topics.published().name(), id, count).stream()
                .map(r -> run.topics.published().valueDeserializer().deserialize(r.topic(), r.value())).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(FaultRun run, String topic, String id, int count) {
        try (TopicReader reader = TopicReader.following(run.base, "bench-reader", topic, true)) {
            Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = reader.readByKey(WAIT,
                    m -> m.getOrDefault(id, List.of()).size() >= count);
            Map<String, List<ConsumerRecord<byte[], byte[]>>> more = reader.readByKey(Duration.ofSeconds(1), m -> false);
            List<ConsumerRecord<byte[], byte[]>> found = new java.util.ArrayList<>(byKey.getOrDefault(id, List.of()));
            found.addAll(more.getOrDefault(id, List.of()));
            assertThat(found).as("records of %s on %s", id, topic).hasSizeGreaterThanOrEqualTo(count);
            return found;
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI articles, String text, String url)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (url != null) {
            body.put("url", url);
        }
        return http.send(HttpRequest.newBuilder(articles).timeout(WAIT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String accepted(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asText();
    }
}
