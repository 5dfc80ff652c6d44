package io.newspipe.console;

import static io.newspipe.console.testing.PipelineFixture.await;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.console.testing.PipelineFixture;
import io.newspipe.console.testing.TestArticles;
import io.newspipe.devstack.junit.DevStackExtension;

/**
 * The console over HTTP on the embedded broker and registry with the real ingest, enrich and publish services:
 * status codes, the token, the marks in the article page, revisions, search, the pipeline page and a real dead
 * letter's bytes. The dead-letter list and the re-drive/replay actions are newspipe-cli's code and are tested there
 * (ConsoleActionsTest, ConsoleBrowserTest).
 */
@ExtendWith(DevStackExtension.class)
class ConsoleHttpTest {

    private static final String TOKEN = "console-test-token";
    private static final Pattern MARK = Pattern.compile("<mark data-kind=\"(\\w+)\"[^>]*>([^<]*)");

    private static PipelineFixture pipeline;
    private static ConsoleServer console;
    private static String articleId;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path stateDir) throws Exception {
        pipeline = PipelineFixture.start(DevStackExtension.stack(), "con-http", stateDir);
        ConsoleSettings settings = new ConsoleSettings(pipeline.config(), pipeline.serviceUrls(), pipeline.lagGroups(),
                TOKEN, 100, Duration.ofMillis(500), 20, Duration.ofSeconds(5));
        console = new ConsoleServer(settings, new NoActions(), StoryLinks.BY_STORY_ID, Clock.systemUTC()).start();
        articleId = pipeline.post(TestArticles.CONFERENCE, TestArticles.URL, TestArticles.TITLE);
        await(() -> get("/articles/" + articleId).statusCode() == 200, "the article on the published topic");
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void givenAToken_whenAScriptOrABrowserComesWithoutIt_thenTheyAreTurnedAwayTheRightWay() throws Exception {
        HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/pipeline")).GET(), null);
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.body()).contains("\"error\":\"unauthorized\"");

        HttpResponse<String> browser = send(HttpRequest.newBuilder(uri("/articles/" + articleId))
                .header("Accept", "text/html").GET(), null);
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValue("/login?next=%2Farticles%2F" + articleId);

        assertThat(send(HttpRequest.newBuilder(uri("/pipeline")).header("Authorization", "Bearer wrong").GET(), null)
                .statusCode()).isEqualTo(401);
        // health and the stylesheet need no token: orchestrators and the login page use them
        assertThat(send(HttpRequest.newBuilder(uri("/health/live")).GET(), null).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/static/console.css")).GET(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenTheLoginForm_whenTheTokenIsRight_thenACookieOpensThePages() throws Exception {
        HttpResponse<String> wrong = send(form("/login", "token=nope&next=%2Fpipeline"), null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That is not the token").contains("<label for=\"token\">");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = send(form("/login", "token=" + TOKEN + "&next=%2Farticles"), null);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/articles");
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains(ConsoleAuth.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContain(TOKEN);

        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/articles")).header("Cookie", cookie).GET(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(TestArticles.TITLE);
    }

    @Test
    void givenAPublishedArticle_whenItsPageIsOpened_thenEveryPersonIsMarkedAndTheTablesAreThere() {
        HttpResponse<String> r = get("/articles/" + articleId);

        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        String text = html.substring(html.indexOf("<div class=\"article-text\""), html.indexOf("</div>",
                html.indexOf("<div class=\"article-text\"")));
        List<String> persons = marks(text, "person");
        assertThat(persons).as(text).contains(TestArticles.PERSON_CHAIR, TestArticles.PERSON_REPORTER);
        assertThat(marks(text, "kpi")).as("KPI marks").isNotEmpty();
        assertThat(marks(text, "award")).as("award marks").isNotEmpty();
        assertThat(text).contains("title=\"person: " + TestArticles.PERSON_CHAIR + "; role: ");
        assertThat(html).contains("<h2 id=\"h-awards\">Awards</h2>").contains("Bằng khen")
                .contains("<h2 id=\"h-kpis\">KPI figures</h2>").contains("7250")
                .contains("<h2 id=\"h-history\">Revision history</h2>").contains("First revision.")
                .contains("<h2 id=\"h-story\">Story</h2>")
                .as("enrich's story step gave the article a story id, which the page names")
                .containsPattern("<p>Story <code>s-[0-9a-f]+</code>; its other articles:</p>");
        // the legend lists all five kinds
        for (Mention.Kind k : Mention.Kind.values()) {
            assertThat(html).contains("<li><mark data-kind=\"" + k.attribute() + "\">");
        }
    }

    @Test
    void givenACorrection_whenRevisionTwoIsPublished_thenTheHistoryShowsWhatChanged() throws Exception {
        String id = pipeline.post(TestArticles.CONFERENCE.replace("Sáng 14/1", "Chiều 15/1"),
                TestArticles.URL + "-rev", "Bản tin có sửa");
        await(() -> get("/articles/" + id).statusCode() == 200, "revision 1");
        pipeline.produceRaw(id, TestArticles.CONFERENCE_CORRECTED.replace("Sáng 14/1", "Chiều 15/1"),
                TestArticles.URL + "-rev", "Bản tin có sửa");
        await(() -> get("/articles/" + id).body().contains("data-revision=\"2\""), "revision 2 in the history");

        String html = get("/articles/" + id).body();
        String history = html.substring(html.indexOf("<h2 id=\"h-history\">"));
        assertThat(history).contains("Changes since revision 1").contains("<td>text</td>")
                .contains("<span class=\"sign\">added</span> person " + TestArticles.PERSON_ADDED);
        assertThat(html).contains("Revision</dt><dd>2 (latest)");
        // the older revision is still readable on its own
        assertThat(get("/articles/" + id + "?revision=1").body()).contains("Revision</dt><dd>1 of 2")
                .doesNotContain(">" + TestArticles.PERSON_ADDED + "</mark>");
    }

    @Test
    void givenAnIndexCappedAtOneArticle_whenAnOlderArticleIsOpened_thenItIsFoundOnTheTopic() throws Exception {
        String newer = pipeline.post(TestArticles.CONFERENCE.replace("Sáng 14/1", "Sáng 16/1"),
                TestArticles.URL + "-newer", "Bản tin mới hơn");
        await(() -> get("/articles/" + newer).statusCode() == 200, "the newer article");
        ConsoleSettings capped = new ConsoleSettings(pipeline.config(), Map.of(), List.of(), null, 1,
                Duration.ofSeconds(1), 5, Duration.ofSeconds(5));
        try (ConsoleServer small = new ConsoleServer(capped, new NoActions(), StoryLinks.NOT_YET, Clock.systemUTC())
                .start()) {
            HttpRequest page = HttpRequest.newBuilder(URI.create(small.baseUrl() + "/pipeline")).GET().build();
            await(() -> {
                try {
                    return HTTP.send(page, HttpResponse.BodyHandlers.ofString()).body().contains("dropped over the cap");
                } catch (Exception e) {
                    return false;
                }
            }, "the capped index to drop an article");

            HttpResponse<String> older = HTTP.send(HttpRequest.newBuilder(URI.create(small.baseUrl() + "/articles/"
                    + articleId)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(older.statusCode()).isEqualTo(200);
            assertThat(older.body()).contains(">" + TestArticles.PERSON_CHAIR + "</mark>");
        }
    }

    @Test
    void givenTheArticle_whenSearchedByIdUrlOrText_thenItIsFound() {
        assertThat(get("/articles?q=" + articleId.substring(2, 10)).body()).contains("/articles/" + articleId);
        assertThat(get("/articles?q=quang-binh-tong-ket").body()).contains("/articles/" + articleId);
        String byText = get("/articles?q=" + java.net.URLEncoder.encode("18/22 chỉ tiêu", StandardCharsets.UTF_8))
                .body();
        assertThat(byText.substring(byText.indexOf("Text containing"))).contains("/articles/" + articleId);
        assertThat(get("/articles/no-such-id").statusCode()).isEqualTo(404);
    }

    @Test
    void givenTheRunningPipeline_whenThePipelinePageIsOpened_thenServicesBrokerRegistryRatesAndLagAreShown()
            throws Exception {
        await(() -> {
            String html = get("/pipeline").body();
            return html.contains("data-group=\"con-http-publish\"") && html.contains("badge up\">UP</span> 1 broker")
                    && countOf(html, "<tr data-service=") == 3 && !html.contains("badge down");
        }, "every service, the broker and the registry UP and the groups sampled");
        String html = get("/pipeline").body();
        assertThat(html).contains("data-service=\"enrich\"").contains("data-component=\"registry\"")
                .contains("<svg class=\"rate-chart\"").contains("con-http.raw").contains("Consumer lag")
                .contains("data-group=\"con-http-enrich\"");
        assertThat(send(HttpRequest.newBuilder(uri("/health/ready")).GET(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenARecordEnrichCannotRead_whenItsDeadLetterIsOpened_thenHeadersAndBytesAreShown() throws Exception {
        String dlq = pipeline.config().errorTopic();
        pipeline.produceBytes(pipeline.topics().raw().name(), "not-avro-1", "<not avro> \u0001".getBytes(
                StandardCharsets.UTF_8));
        // the first dead letter of this class's topics is at offset 0 of its single partition
        await(() -> get("/dead-letters/" + dlq + "/0/0").body().contains("newspipe.dlq.kind"), "a dead letter");

        String html = get("/dead-letters/" + dlq + "/0/0").body();
        assertThat(html).contains("<code>not-avro-1</code>").contains("newspipe.dlq.stage").contains("enrich")
                .contains("deserialization").contains("&lt;not avro&gt;").contains("3c 6e 6f 74")
                .contains("name=\"id\" value=\"not-avro-1\"");
        assertThat(get("/dead-letters/" + dlq + "/0/999").body()).contains("No record at");
    }

    @Test
    void givenAFormFromAnotherSite_whenPosted_thenItIsRefused() throws Exception {
        HttpResponse<String> r = send(form("/replay", "from=-1h&action=start").header("Origin", "http://evil.example")
                .header("Authorization", "Bearer " + TOKEN), null);
        assertThat(r.statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> marks(String html, String kind) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = MARK.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    private static int countOf(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    static URI uri(String path) {
        return URI.create(console.baseUrl() + path);
    }

    static HttpResponse<String> get(String path) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET(), null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, Consumer<HttpRequest.Builder> more)
            throws Exception {
        if (more != null) {
            more.accept(b);
        }
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** This test exercises no dead-letter list, re-drive or replay: those belong to newspipe-cli. */
    private static final class NoActions implements OperatorActions {
        @Override
        public List<DeadLetterRow> deadLetters(int max) {
            throw new ActionFailedException("not part of this test");
        }

        @Override
        public Outcome redrive(RedriveRequest request, Consumer<String> progress) {
            throw new ActionFailedException("not part of this test");
        }

        @Override
        public Outcome replay(ReplayRequest request, Consumer<String> progress) {
            throw new ActionFailedException("not part of this test");
        }

        @Override
        public String timeFormats() {
            return "not part of this test";
        }
    }
}
