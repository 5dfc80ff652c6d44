package io.newspipe.cli.console;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.newspipe.cli.ops.CliOperatorActions;
import io.newspipe.console.ConsoleServer;
import io.newspipe.console.ConsoleSettings;
import io.newspipe.console.StoryLinks;
import io.newspipe.console.testing.PipelineFixture;
import io.newspipe.console.testing.TestArticles;
import io.newspipe.devstack.junit.DevStackExtension;

/**
 * The console as {@code ./newspipe service console} runs it (with the command line's own dead-letter and replay
 * actions) over the real services on the embedded stack, with one published article and one real dead letter (a
 * value enrich cannot read).
 */
final class RunningConsole implements AutoCloseable {

    static final String TOKEN = "console-cli-token";
    static final String BROKEN_KEY = "unreadable-1";
    private static final Pattern RUN = Pattern.compile("/runs/(\\d+)");

    final PipelineFixture pipeline;
    final ConsoleServer console;
    final String articleId;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RunningConsole(String prefix, Path stateDir) throws Exception {
        pipeline = PipelineFixture.start(DevStackExtension.stack(), prefix, stateDir);
        ConsoleSettings settings = new ConsoleSettings(pipeline.config(), pipeline.serviceUrls(), pipeline.lagGroups(),
                TOKEN, 1000, Duration.ofSeconds(1), 60, Duration.ofSeconds(5));
        console = new ConsoleServer(settings, new CliOperatorActions(pipeline.config()), StoryLinks.NOT_YET,
                Clock.systemUTC()).start();
        articleId = pipeline.post(TestArticles.CONFERENCE, TestArticles.URL, TestArticles.TITLE);
        pipeline.produceBytes(pipeline.topics().raw().name(), BROKEN_KEY,
                "not an Avro record".getBytes(StandardCharsets.UTF_8));
        PipelineFixture.await(() -> get("/articles/" + articleId).statusCode() == 200, "the article published");
        PipelineFixture.await(() -> get("/dead-letters").body().contains("<code>" + BROKEN_KEY + "</code>"),
                "the dead letter listed");
    }

    String url(String path) {
        return console.baseUrl() + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Posts a form that starts a run, waits until the run has finished, returns its page. */
    String runToEnd(String path, String form) throws InterruptedException {
        HttpResponse<String> started = post(path, form);
        String location = started.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect to a run: " + started.statusCode() + " " + started.body()));
        Matcher m = RUN.matcher(location);
        if (!m.find()) {
            throw new AssertionError("not a run: " + location);
        }
        String json = "/runs/" + m.group(1) + ".json";
        PipelineFixture.await(() -> {
            String body = get(json).body();
            return body.contains("\"state\":\"DONE\"") || body.contains("\"state\":\"FAILED\"");
        }, "run " + m.group(1) + " to finish");
        return get("/runs/" + m.group(1)).body();
    }

    /** Every record of a topic's single partition as it is now. */
    List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(pipeline.config().kafkaProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() {
        console.close();
        pipeline.close();
    }
}
