package io.newspipe.ingest;

import static io.newspipe.ingest.support.IngestTestKit.config;
import static io.newspipe.ingest.support.IngestTestKit.get;
import static io.newspipe.ingest.support.IngestTestKit.json;
import static io.newspipe.ingest.support.IngestTestKit.ownState;
import static io.newspipe.ingest.support.IngestTestKit.post;
import static io.newspipe.ingest.support.IngestTestKit.postJson;
import static io.newspipe.ingest.support.IngestTestKit.postText;
import static io.newspipe.ingest.support.IngestTestKit.recordCount;
import static io.newspipe.ingest.support.IngestTestKit.recordsWithKey;
import static io.newspipe.ingest.support.IngestTestKit.startReady;
import static io.newspipe.ingest.support.IngestTestKit.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicTable;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.support.IngestTestKit;
import io.newspipe.ingest.support.TestArticles;
import io.newspipe.schemas.RawArticle;

/** The ingest service end to end on the embedded broker and registry: HTTP in, news.raw.v1 out. */
@ExtendWith(DevStackExtension.class)
class IngestServiceTest {

    private static PipelineConfig config;
    private static IngestService service;

    @BeforeAll
    static void startService(DevStack stack) {
        config = config(stack, uniqueTopic("it.raw"));
        service = startReady(config, IngestService.Options.defaults());
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Test
    void givenScrapedText_whenPosted_then202AfterTheRecordIsOnTheRawTopicWithItsStructure() {
        String raw = TestArticles.text(TestArticles.DISASTER_CONFERENCE);

        HttpResponse<String> r = postText(service, raw);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        String id = body.get("id").asText();
        assertThat(id).startsWith("t-");
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        List<RawArticle> records = recordsWithKey(config, id);
        assertThat(records).hasSize(1);
        RawArticle a = records.get(0);
        assertThat(a.getArticleId()).isEqualTo(id);
        assertThat(a.getOriginalText()).isEqualTo(raw);
        assertThat(a.getOutletTag()).isEqualTo("(BĐ)");
        assertThat(a.getByline()).isEqualTo("M.HOÀNG");
        assertThat(a.getPhotoCredits()).containsExactly("M.HOÀNG");
        assertThat(a.getCaptions()).hasSize(2);
        assertThat(a.getParagraphs()).hasSize(3);
        assertThat(a.getSourceUrl()).startsWith("https://baobinhdinh.vn/");
        assertThat(a.getLanguage()).isEqualTo("vi");
        assertThat(a.getContentHash()).hasSize(64);
    }

    @Test
    void givenSameTextPostedTwice_whenSecondArrives_thenSameIdDuplicateAndExactlyOneRecord() {
        String raw = TestArticles.text(TestArticles.FARMERS_CONGRESS);

        HttpResponse<String> first = postText(service, raw);
        HttpResponse<String> second = postText(service, raw.replace("\n", "\r\n"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        String id = json(first).get("id").asText();
        assertThat(json(second).get("id").asText()).isEqualTo(id);
        assertThat(json(second).get("duplicate").asBoolean()).isTrue();
        assertThat(recordsWithKey(config, id)).hasSize(1);
    }

    @Test
    void givenJsonWithUrl_whenPostedAgainWithTrackingParams_thenUrlIdIsKeptAndOnlyOneRecordExists() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("text", TestArticles.text(TestArticles.CUSTOMS_BUDGET));
        article.put("url", "https://HDDTVN.com/thu-ngan-sach-quy-1/?utm_source=facebook#comments");
        article.put("title", "Thu ngân sách quý I đạt 312,5 tỷ đồng");
        article.put("source", "hddtvn.com");
        article.put("publishedAt", "2025-04-02T08:30:00+07:00");

        HttpResponse<String> first = postJson(service, article);
        article.put("url", "https://hddtvn.com/thu-ngan-sach-quy-1?fbclid=xyz");
        HttpResponse<String> again = postJson(service, article);

        assertThat(first.statusCode()).isEqualTo(202);
        String id = json(first).get("id").asText();
        assertThat(id).startsWith("u-");
        assertThat(json(again).get("id").asText()).isEqualTo(id);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        List<RawArticle> records = recordsWithKey(config, id);
        assertThat(records).hasSize(1);
        RawArticle a = records.get(0);
        assertThat(a.getUrl()).isEqualTo("https://hddtvn.com/thu-ngan-sach-quy-1");
        assertThat(a.getTitle()).isEqualTo("Thu ngân sách quý I đạt 312,5 tỷ đồng");
        assertThat(a.getSource()).isEqualTo("hddtvn.com");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-04-02T01:30:00Z"));
        assertThat(a.getOutletTag()).isEqualTo("(HDDTVN)");
    }

    @Test
    void givenServiceRestartedOnTheSameBroker_whenSameArticleAndACorrectionArePosted_thenDuplicateAndVersionTwo() {
        PipelineConfig restarting = ownState(config); // beside the class's service, as a second instance
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("text", TestArticles.unique("restart"));
        article.put("url", "https://baotinh.vn/thoi-su/" + UUID.randomUUID());
        String id;
        try (IngestService before = startReady(restarting, IngestService.Options.defaults())) {
            HttpResponse<String> r = postJson(before, article);
            assertThat(r.statusCode()).isEqualTo(202);
            id = json(r).get("id").asText();
        }

        try (IngestService after = startReady(restarting, IngestService.Options.defaults())) {
            HttpResponse<String> r = postJson(after, article);
            article.put("text", article.get("text") + "\nĐính chính: số liệu đã được sửa.");
            HttpResponse<String> corrected = postJson(after, article);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("id").asText()).isEqualTo(id);
            assertThat(json(r).get("duplicate").asBoolean()).isTrue();
            assertThat(corrected.statusCode()).isEqualTo(202);
            assertThat(json(corrected).get("id").asText()).isEqualTo(id);
            assertThat(after.articleIndex().rawRecordsRead()).as("news.raw.v1 is not read on a restart").isZero();
            // the store's checkpoint is written when it closes: at most the last write was not in it yet
            assertThat(after.articleIndex().restoredRecords()).as("index records read again").isLessThanOrEqualTo(1);
            assertThat(get(after, "/metrics").body())
                    .containsPattern("ingest_article_index_raw_records_read\\{[^}]*} 0\\.0");
        }
        assertThat(recordsWithKey(config, id)).extracting(RawArticle::getVersion).containsExactly(1, 2);
    }

    @Test
    void givenACorrectedTextUnderTheSameUrl_whenPosted_thenItIsVersionTwoOfTheSameIdAndSurvivesARestart() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("text", TestArticles.unique("correction") + "\nThu ngân sách đạt 312 tỷ đồng.");
        article.put("url", "https://baotinh.vn/thoi-su/thu-ngan-sach?id=7&trang=2");
        HttpResponse<String> original = postJson(service, article);
        article.put("text", TestArticles.unique("correction") + "\nThu ngân sách đạt 321 tỷ đồng.");
        article.put("url", "http://BAOTINH.vn/thoi-su/./thu-ngan-sach?trang=2&id=7#binh-luan");

        HttpResponse<String> corrected = postJson(service, article);
        HttpResponse<String> again = postJson(service, article);

        assertThat(original.statusCode()).isEqualTo(202);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(202);
        String id = json(original).get("id").asText();
        assertThat(json(corrected).get("id").asText()).isEqualTo(id);
        assertThat(json(corrected).get("duplicate").asBoolean()).isFalse();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(recordsWithKey(config, id)).extracting(RawArticle::getVersion).containsExactly(1, 2);
        try (IngestService restarted = startReady(ownState(config), IngestService.Options.defaults())) {
            assertThat(postJson(restarted, article).statusCode()).as("the index knows version 2 after a restart")
                    .isEqualTo(200);
        }
        assertThat(recordsWithKey(config, id)).hasSize(2);
    }

    @Test
    void givenARawRecordWrittenBeforeVersionHeadersAndTheIndexExisted_whenIngestStarts_thenItsTextIsKnownAsVersionOne(
            DevStack stack) throws Exception {
        PipelineConfig old = config(stack, uniqueTopic("it.raw.old"));
        TopicCatalog catalog = new TopicCatalog(old);
        try (Admin admin = Admin.create(old.kafkaProperties())) { // a stack from before the article index
            TopicProvisioner.ensureTopics(admin, List.of(catalog.spec(TopicTable.RAW)));
        }
        ArticleSubmission submission = new ArticleSubmission(TestArticles.unique("before versions"),
                "https://baotinh.vn/bai-cu", null, null, null, null);
        RawArticle article = new RawArticleFactory().create(submission);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(old.producerProperties("old-writer"),
                new StringSerializer(), catalog.raw().valueSerializer())) {
            producer.send(new ProducerRecord<>(catalog.raw().name(), article.getArticleId(), article)).get();
        }

        try (IngestService rebuilt = startReady(old, IngestService.Options.defaults())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", submission.text());
            json.put("url", submission.url());
            HttpResponse<String> same = postJson(rebuilt, json);
            json.put("text", submission.text() + "\nĐính chính: số liệu đã được sửa.");
            HttpResponse<String> corrected = postJson(rebuilt, json);

            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(corrected.statusCode()).isEqualTo(202);
            assertThat(rebuilt.articleIndex().rawRecordsRead()).as("the empty index filled from the raw topic")
                    .isEqualTo(1);
        }
        try (IngestService restarted = startReady(old, IngestService.Options.defaults())) {
            assertThat(restarted.articleIndex().rawRecordsRead()).as("filled once: a restart reads only the index")
                    .isZero();
        }
        assertThat(recordsWithKey(old, article.getArticleId())).extracting(RawArticle::getVersion)
                .containsExactly(1, 2);
    }

    @Test
    void givenConcurrentPostsOfOneNewArticle_whenAllAnswered_thenOneIsAcceptedTheRestAreDuplicatesAndOneRecordExists()
            throws Exception {
        String raw = TestArticles.unique("concurrent");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(clients.submit(() -> postText(service, raw)));
        }
        List<Integer> statuses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Future<HttpResponse<String>> f : replies) {
            statuses.add(f.get().statusCode());
            ids.add(json(f.get()).get("id").asText());
        }
        clients.shutdown();

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(7);
        assertThat(ids).hasSize(1);
        assertThat(recordsWithKey(config, ids.iterator().next())).hasSize(1);
    }

    @Test
    void givenBlankText_whenPosted_then400AndNothingWritten() {
        long before = recordCount(config);

        assertError(postText(service, "  \n\u200B\t \n"), 400, "blank_text");
        assertError(postJson(service, Map.of("text", "")), 400, "blank_text");
        assertThat(recordCount(config)).isEqualTo(before);
    }

    @Test
    void givenInvalidUtf8_whenPosted_then400AndNothingWritten() {
        long before = recordCount(config);
        byte[] broken = Arrays.copyOf("Hội nghị".getBytes(StandardCharsets.UTF_8), 20);
        broken[19] = (byte) 0xE1;

        assertError(post(service, "/v1/articles", "text/plain; charset=utf-8", broken), 400, "invalid_utf8");
        HttpResponse<String> r = post(service, "/v1/articles", "text/plain", new byte[] {'a', (byte) 0xFF, 'b'});
        assertError(r, 400, "invalid_utf8");
        assertThat(json(r).get("message").asText()).contains("byte 1");
        assertThat(recordCount(config)).isEqualTo(before);
    }

    @Test
    void givenMalformedJson_whenPosted_then400NamingLineAndColumn() {
        long before = recordCount(config);
        byte[] body = "{\"text\": \"Bài viết\",\n  \"url\": }".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = post(service, "/v1/articles", "application/json; charset=utf-8", body);

        assertError(r, 400, "malformed_json");
        assertThat(json(r).get("message").asText()).contains("line 2, column");
        assertThat(recordCount(config)).isEqualTo(before);
    }

    @Test
    void givenWrongFieldTypesOrUnknownFields_whenPosted_then400NamingTheField() {
        HttpResponse<String> badDate = postJson(service, Map.of("text", "Nội dung", "publishedAt", "hôm qua"));
        HttpResponse<String> unknown = postJson(service, Map.of("text", "Nội dung", "publishedat", "2025-01-01"));
        HttpResponse<String> badUrl = postJson(service, Map.of("text", "Nội dung", "url", "ftp://a.vn/x"));

        assertError(badDate, 400, "invalid_field");
        assertThat(json(badDate).get("message").asText()).contains("publishedAt");
        assertError(unknown, 400, "invalid_field");
        assertThat(json(unknown).get("message").asText()).contains("publishedat");
        assertError(badUrl, 400, "invalid_url");
    }

    @Test
    void givenUnsupportedMediaType_whenPosted_then415() {
        assertError(post(service, "/v1/articles", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertError(post(service, "/v1/articles", "text/plain; charset=iso-8859-1", "abc".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type");
        assertError(post(service, "/v1/articles/batch", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type");
    }

    @Test
    void givenUnknownPathOrWrongMethod_whenRequested_then404Or405WithJsonError() {
        assertError(get(service, "/v1/nothing-here"), 404, "not_found");
        assertError(post(service, "/v1/articles/unknown", "text/plain", "abc".getBytes(StandardCharsets.UTF_8)), 404,
                "not_found");
        HttpResponse<String> wrongMethod = get(service, "/v1/articles");
        assertError(wrongMethod, 405, "method_not_allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void givenNdjsonBatchWithGoodAndBadLines_whenPosted_thenGoodLinesAreWrittenAndEachLineGetsItsResult() {
        byte[] batch = TestArticles.bytes(TestArticles.MIXED_BATCH);

        HttpResponse<String> r = post(service, "/v1/articles/batch", "application/x-ndjson", batch);

        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> lines = r.body().lines().map(IngestTestKit::json).toList();
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(lines.get(0).get("id").asText()).startsWith("u-");
        assertThat(lines.get(0).get("duplicate").asBoolean()).isFalse();
        assertThat(lines.get(1).get("error").asText()).isEqualTo("blank_text");
        assertThat(lines.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(lines.get(2).get("error").asText()).isEqualTo("malformed_json");
        assertThat(lines.get(2).get("message").asText()).contains("line 3");
        assertThat(lines.get(3).get("id").asText()).startsWith("t-");
        assertThat(r.headers().firstValue("X-Ingest-Accepted")).hasValue("2");
        assertThat(r.headers().firstValue("X-Ingest-Failed")).hasValue("2");
        assertThat(recordsWithKey(config, lines.get(0).get("id").asText())).hasSize(1)
                .allSatisfy(a -> assertThat(a.getTitle()).isEqualTo("Ra quân tiêm chủng mở rộng"));
        assertThat(recordsWithKey(config, lines.get(3).get("id").asText())).hasSize(1)
                .allSatisfy(a -> assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-05-03T01:00:00Z")));

        HttpResponse<String> again = post(service, "/v1/articles/batch", "application/x-ndjson", batch);
        assertThat(again.headers().firstValue("X-Ingest-Duplicates")).hasValue("2");
        assertThat(again.headers().firstValue("X-Ingest-Accepted")).hasValue("0");
        assertThat(recordsWithKey(config, lines.get(0).get("id").asText())).hasSize(1);
    }

    @Test
    void givenReadyService_whenHealthAsked_thenLiveAndReady() {
        HttpResponse<String> live = get(service, "/health/live");
        HttpResponse<String> ready = get(service, "/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void givenAcceptedDuplicateAndRejectedArticles_whenMetricsScraped_thenPrometheusTextCountsThem() {
        String raw = TestArticles.unique("metrics");
        postText(service, raw);
        postText(service, raw);
        postText(service, " ");

        HttpResponse<String> metrics = get(service, "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("ingest_articles_accepted_total{")
                .contains("ingest_articles_duplicates_total{")
                .containsPattern("ingest_articles_rejected_total\\{reason=\"blank_text\"")
                .containsPattern("ingest_http_requests_seconds_count\\{endpoint=\"/v1/articles\"")
                .contains("ingest_known_article_ids");
        assertThat(counter(metrics.body(), "ingest_articles_duplicates_total")).isGreaterThanOrEqualTo(1.0);
        // the raw producer's client metrics: the accepted article was sent (and acknowledged) before the 202
        assertThat(metrics.body()).containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"");
        assertThat(counter(metrics.body(), "kafka_producer_record_send_total")).isGreaterThanOrEqualTo(1.0);
        // the article index's own clients: its Streams instance (global store) and its producer
        assertThat(metrics.body()).containsPattern("kafka_stream_\\w+\\{[^}]*client_id=\"[^\"]*article-index")
                .containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"newspipe-ingest-article-index\"");
    }

    static double counter(String prometheusText, String name) {
        return prometheusText.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void assertError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
