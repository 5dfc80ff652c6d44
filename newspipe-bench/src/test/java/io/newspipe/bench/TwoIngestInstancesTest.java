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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.enrich.EnrichService;
import io.newspipe.extraction.Extractor;
import io.newspipe.ingest.IngestService;
import io.newspipe.publish.PublishService;

/**
 * Two ingest instances on one stack (issue 17), each with its own state directory, sharing the article index topic:
 * the same 200 articles posted to both at the same moment. Each may accept an article the other accepts at that
 * moment (the index cannot lock an id across instances), but downstream every article is exactly one revision.
 */
@ExtendWith(DevStackExtension.class)
class TwoIngestInstancesTest {

    private static final int ARTICLES = 200;
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTwoIngestInstances_whenTheSame200ArticlesArePostedToBothAtOnce_thenExactly200RevisionsArePublished(
            DevStack stack, @TempDir Path dir) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (FaultRun run = new FaultRun(stack.bootstrapServers(), stack.schemaRegistryUrl(), dir);
                EnrichService enrich = new EnrichService(run.config("two-ingest-enrich", dir.resolve("enrich")),
                        Extractor.create(), Clock.systemUTC()).start();
                PublishService publish = new PublishService(run.config("two-ingest-publish", dir.resolve("publish")),
                        Clock.systemUTC()).start();
                IngestService one = ingest(run, dir.resolve("ingest-1"));
                IngestService two = ingest(run, dir.resolve("ingest-2"))) {
            assertThat(one.awaitReady(WAIT)).isTrue();
            assertThat(two.awaitReady(WAIT)).isTrue();
            HttpClient http = HttpClient.newHttpClient(); // its own threads: the pool blocks in send()
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                byte[] body = run.articles.text(i).getBytes(StandardCharsets.UTF_8);
                CountDownLatch both = new CountDownLatch(2); // both requests leave together
                for (IngestService ingest : List.of(one, two)) {
                    replies.add(CompletableFuture.supplyAsync(() -> {
                        both.countDown();
                        await(both);
                        return post(http, ingest, body);
                    }, clients));
                }
            }
            List<String> ids = new ArrayList<>();
            int accepted = 0;
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                HttpResponse<String> r = reply.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
                accepted += r.statusCode() == 202 ? 1 : 0;
                String id = JSON.readTree(r.body()).get("id").asText();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            assertThat(ids).hasSize(ARTICLES);
            assertThat(accepted).as("each article accepted by one instance at least").isBetween(ARTICLES, 2 * ARTICLES);

            FaultRun.Audit audit = run.audit(ids, WAIT, Duration.ofSeconds(5));
            System.out.printf("TWO-INGEST-FIGURES articles=%d accepted_by_both=%d published=%d duplicates=%d%n",
                    ARTICLES, accepted - ARTICLES, audit.published(), audit.duplicates());
            assertThat(audit.missing()).as("articles not published").isEmpty();
            assertThat(audit.unexpected()).isEmpty();
            assertThat(audit.duplicated()).as("articles published more than once").isEmpty();
            assertThat(audit.revisionsById().values().stream().mapToInt(List::size).sum()).isEqualTo(ARTICLES);
            assertThat(audit.notAtRevisionOne()).isEmpty();

            // Either instance now knows every article, whichever wrote it
            for (int i = 0; i < ARTICLES; i += 20) {
                byte[] body = run.articles.text(i).getBytes(StandardCharsets.UTF_8);
                assertThat(post(http, one, body).statusCode()).isEqualTo(200);
                assertThat(post(http, two, body).statusCode()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static IngestService ingest(FaultRun run, Path stateDir) {
        return new IngestService(run.base.toBuilder().stateDir(stateDir).build(), IngestService.Options.defaults())
                .start();
    }

    private static HttpResponse<String> post(HttpClient http, IngestService ingest, byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/v1/articles")).timeout(WAIT)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
