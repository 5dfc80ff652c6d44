package io.newspipe.ingest.cli;

import static io.newspipe.ingest.support.IngestTestKit.config;
import static io.newspipe.ingest.support.IngestTestKit.recordCount;
import static io.newspipe.ingest.support.IngestTestKit.startReady;
import static io.newspipe.ingest.support.IngestTestKit.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.newspipe.common.PipelineConfig;
import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.support.TestArticles;

@ExtendWith(DevStackExtension.class)
class IngestFilesTest {

    private static final String TOKEN = "files-token";
    private static PipelineConfig config;
    private static IngestService service;

    @BeforeAll
    static void startService(DevStack stack) {
        config = config(stack, uniqueTopic("it.raw.files"));
        service = startReady(config, IngestService.Options.defaults().withApiToken(TOKEN));
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Test
    void givenDirectoryWithGoodAndBadFiles_whenIngested_thenSummaryCountsSentAndNamesEachFailure(@TempDir Path dir)
            throws IOException {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.write(articles.resolve("a.txt"), TestArticles.bytes(TestArticles.DISASTER_CONFERENCE));
        Files.write(articles.resolve("b.txt"), TestArticles.bytes(TestArticles.FARMERS_CONGRESS));
        Files.writeString(articles.resolve("blank.txt"), "   \n", StandardCharsets.UTF_8);
        Files.write(articles.resolve("lot.ndjson"), TestArticles.bytes(TestArticles.MIXED_BATCH));
        Files.writeString(articles.resolve("README.md"), "not an article", StandardCharsets.UTF_8);
        Path missing = dir.resolve("missing.txt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = IngestFiles.run(List.of(articles, missing), URI.create(service.baseUrl()), TOKEN,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(summary).contains("4 article(s) sent", "0 duplicate(s)", "4 failed");
        assertThat(summary).contains("blank.txt: 400 blank_text");
        assertThat(summary).contains("lot.ndjson line 2: 400 blank_text", "lot.ndjson line 3: 400 malformed_json");
        assertThat(summary).contains("missing.txt: no such file or directory");
        assertThat(summary).doesNotContain("README.md");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ingest: 4/4 files");
        assertThat(recordCount(config)).isEqualTo(4);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        int secondStatus = IngestFiles.run(List.of(articles.resolve("a.txt"), articles.resolve("lot.ndjson")),
                URI.create(service.baseUrl() + "/v1/articles"), TOKEN,
                new PrintStream(again, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(again.toString(StandardCharsets.UTF_8)).contains("0 article(s) sent", "3 duplicate(s)");
        assertThat(secondStatus).isEqualTo(1); // the batch's bad lines still fail
        assertThat(recordCount(config)).isEqualTo(4);
    }

    @Test
    void givenGoodFilesOnly_whenIngested_thenExitStatusIsZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.txt");
        Files.writeString(file, TestArticles.unique("files-ok"), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = IngestFiles.run(List.of(file), URI.create(service.baseUrl()), TOKEN,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 article(s) sent", "0 failed");
    }

    @Test
    void givenWrongToken_whenIngested_thenEveryFileFailsWith401() throws IOException {
        Path file = Files.createTempFile("article", ".txt");
        Files.writeString(file, TestArticles.unique("files-401"), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = IngestFiles.run(List.of(file), URI.create(service.baseUrl()), "wrong",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("401 unauthorized");
        Files.deleteIfExists(file);
    }
}
