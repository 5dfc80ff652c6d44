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
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.TopicReader;
import io.newspipe.common.deadletter.DeadLetterHandler;
import io.newspipe.common.deadletter.FailureClass;
import io.newspipe.common.deadletter.StreamFailures;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.publish.PublishService;
import io.newspipe.schemas.RawArticle;

/**
 * One very large article must neither stall nor crash the pipeline. Through ingest, a 1.3 MB text is refused with
 * 413 naming the limit (its enriched record could not be written); written straight onto news.raw.v1 instead (a
 * producer of its own), enrich dead-letters it as too_large. Either way enrich's stream thread never dies (before,
 * it died on the 1.7 MB enriched record and was replaced again and again, and the next article took 70 s) and the
 * next ordinary article is published. How long that took is printed (LARGE-ARTICLE), not asserted: it is a figure
 * of the machine's load, not of correctness.
 */
@ExtendWith(DevStackExtension.class)
class LargeArticleTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenA13MbArticle_whenPostedOrWrittenToRaw_thenRefusedOrDeadLetteredWithoutAStreamThreadDyingAndTheNextIsPublished(
            DevStack stack, @TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                EnrichService enrich = new EnrichService(run.config("large-enrich", dir.resolve("enrich")),
                        Extractor.create(), Clock.systemUTC()).start();
                PublishService publish = new PublishService(run.config("large-publish", dir.resolve("publish")),
                        Clock.systemUTC()).start();
                IngestService ingest = new IngestService(run.base, IngestService.Options.defaults()).start()) {
            assertThat(ingest.awaitReady(WAIT)).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            URI articles = URI.create(ingest.baseUrl() + "/v1/articles");
            String warmUpId = id(post(http, articles, "Bài khởi động: Hội nghị tổng kết năm 2025 của huyện Phù Mỹ."));
            assertThat(run.publishedDistinct(WAIT, 1)).isEqualTo(1).as(warmUpId);
            String huge = hugeArticle();
            assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isBetween(1_300_000, 1_400_000);

            HttpResponse<String> refused = post(http, articles, huge);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.get("error").asText()).isEqualTo("article_too_large");
            assertThat(error.get("message").asText()).contains("262144").contains("1048576");
            long viaIngest = timeToPublish(run, http, articles, "Bài sau bài quá lớn gửi qua ingest.");

            RawArticle raw = new RawArticleFactory(Clock.systemUTC(), Integer.MAX_VALUE)
                    .create(new ArticleSubmission(huge, "https://baotinh.vn/bai-rat-dai", null, null, null, null));
            Properties p = run.base.producerProperties("large-direct");
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            try (KafkaProducer<String, RawArticle> direct = new KafkaProducer<>(p, new StringSerializer(),
                    run.topics.raw().valueSerializer())) {
                direct.send(new ProducerRecord<>(run.topics.raw().name(), raw.getArticleId(), raw)).get();
            }
            long viaRaw = timeToPublish(run, http, articles, "Bài sau bài quá lớn ghi thẳng vào news.raw.v1.");

            Map<String, List<ConsumerRecord<byte[], byte[]>>> dead;
            try (TopicReader dlq = TopicReader.following(run.base, "bench-reader",
                    run.topics.deadLetters().name(), true)) {
                dead = dlq.readByKey(WAIT, m -> m.containsKey(raw.getArticleId()));
            }
            System.out.printf("LARGE-ARTICLE next article published %d ms after the refused one, %d ms after the "
                    + "dead-lettered one%n", viaIngest, viaRaw);
            assertThat(dead.get(raw.getArticleId())).singleElement().satisfies(r -> {
                assertThat(header(r, DeadLetterHandler.HEADER_KIND)).isEqualTo(DeadLetterHandler.KIND_TOO_LARGE);
                assertThat(header(r, DeadLetterHandler.HEADER_STAGE)).isEqualTo("enrich");
                assertThat(header(r, DeadLetterHandler.HEADER_VALUE_OMITTED)).contains(run.topics.raw().name());
            });
            assertThat(dead).hasSize(1);
            StreamFailures failures = enrich.app().failures();
            assertThat(failures.deadLetterCount(DeadLetterHandler.KIND_TOO_LARGE)).isEqualTo(1);
            for (FailureClass c : FailureClass.values()) {
                assertThat(failures.failureCount(c)).as("enrich stream-thread failures of class %s", c).isZero();
            }
        }
    }

    /** Posts an article and returns the milliseconds until it is on news.published.v1 (read_committed). */
    private static long timeToPublish(FaultRun run, HttpClient http, URI articles, String text) throws Exception {
        try (TopicReader published = TopicReader.following(run.base, "bench-reader", run.topics.published().name(),
                false)) {
            long start = System.nanoTime();
            String id = id(post(http, articles, text));
            Map<String, List<ConsumerRecord<byte[], byte[]>>> seen = published.readByKey(WAIT, m -> m.containsKey(id));
            assertThat(seen).as("article %s published", id).containsKey(id);
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** About 1.3 MB of Vietnamese text written for this test: a long report, paragraph after paragraph. */
    private static String hugeArticle() {
        StringBuilder sb = new StringBuilder(1_400_000);
        sb.append("(BTV) - Báo cáo tổng hợp kết quả thực hiện các chỉ tiêu kinh tế - xã hội của tỉnh.\n");
        for (int i = 1; sb.length() < 1_020_000; i++) {
            sb.append("Đoạn ").append(i).append(": Trong kỳ, huyện số ").append(i % 97)
                    .append(" đã hoàn thành ").append(i % 35).append("/35 chỉ tiêu, thu ngân sách đạt ")
                    .append(100 + i % 400).append(" tỷ đồng; UBND tỉnh tặng Bằng khen cho ")
                    .append(1 + i % 12).append(" tập thể có thành tích xuất sắc.\n");
        }
        return sb.toString();
    }

    private static HttpResponse<String> post(HttpClient http, URI articles, String text) throws Exception {
        return http.send(HttpRequest.newBuilder(articles).timeout(WAIT).header("Content-Type",
                "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asText();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
