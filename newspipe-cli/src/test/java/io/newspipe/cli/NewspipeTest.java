package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewspipeTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Newspipe.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void givenHelpFlag_whenRun_thenUsageListsCommandsAndExitZero() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("up").contains("extract");
    }

    @Test
    void givenUnknownCommand_whenRun_thenOneLineErrorListsCommandsAndExitTwo() {
        int code = run("frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("newspipe: unknown command 'frobnicate'. Commands: up, demo, "
                + "service, ingest, topics, tail, extract").endsWith(". Run './newspipe help' for details.");
    }

    @Test
    void givenNoCommand_whenRun_thenUsageOnStderrAndExitTwo() {
        int code = run();

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: newspipe");
    }

    @Test
    void givenAnArticle_whenBenchExtract_thenOneLineOfFiguresForIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Sáng 3/3, UBND tỉnh Hà Tĩnh tổ chức hội nghị. Năm 2025, tổng thu "
                + "ngân sách đạt 24.500 tỷ đồng, tăng 12% so với cùng kỳ. Chủ tịch UBND tỉnh Võ Trọng Hải trao "
                + "Bằng khen cho 12 tập thể.\n", StandardCharsets.UTF_8);

        int code = run("bench", "extract", "--seconds", "0.3", "--warm-up", "0.1", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("1 articles x ").contains("MB/s per CPU-second").contains("articles/s");
        assertThat(err.toString()).contains("1 articles; warming up");
    }

    @Test
    void givenAMissingPath_whenBenchExtract_thenExitTwoNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        int code = run("bench", "extract", "--seconds", "0.3", missing.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory: " + missing);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void givenIngestPortInUse_whenUp_thenOneLineErrorNamingTheFlagAndNothingStarts(@TempDir Path dir)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            int code = run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--registry-port", "0",
                    "--ingest-port", String.valueOf(port));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("newspipe up: ingest port " + port
                    + " is already in use (is newspipe already running?); choose another with --ingest-port");
            assertThat(dir.resolve("kafka-logs")).doesNotExist();
        }
    }

    @Test
    void givenTwoServicesOnOnePort_whenUp_thenRefusedBeforeStarting(@TempDir Path dir) {
        int code = run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--registry-port", "0",
                "--ingest-port", "18931", "--enrich-port", "18931");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--enrich-port 18931 is already used by another part of the stack");
    }

    @Test
    void givenTheConsoleOnAServicePortOrABusyPort_whenUp_thenRefusedBeforeStarting(@TempDir Path dir)
            throws Exception {
        int code = run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--registry-port", "0",
                "--ingest-port", "18941", "--enrich-port", "18942", "--publish-port", "18943",
                "--console-port", "18942");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--console-port 18942 is already used by another part of the stack");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            err.getBuffer().setLength(0);
            int busy = run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--registry-port", "0",
                    "--ingest-port", "18941", "--enrich-port", "18942", "--publish-port", "18943",
                    "--console-port", String.valueOf(taken.getLocalPort()));

            assertThat(busy).isEqualTo(1);
            assertThat(err.toString()).contains("console port " + taken.getLocalPort() + " is already in use")
                    .contains("--console-port");
        }
        assertThat(dir.resolve("kafka-logs")).doesNotExist();
    }

    @Test
    void givenUnknownService_whenService_thenNamesTheChoicesAndExitTwo() {
        int code = run("service", "frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service 'frobnicate'").contains("ingest, enrich, publish, console");
    }

    @Test
    void givenARemovedTopicFlag_whenAnOperatorCommandRuns_thenOneLineNamingTheReplacementAndExitTwo() {
        int code = run("dlq", "list", "--error-topic", "team.dlq", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("newspipe dlq list: --error-topic was removed")
                .contains("--topic-name dlq=NAME").doesNotContain("\tat ");
    }

    @Test
    void givenServiceHelpAfterTheName_whenRun_thenTheServiceOwnUsageIsShown() {
        int code = run("service", "enrich", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers").contains("--state-dir");
    }

    @Test
    void givenEachService_whenItsCommandLineIsBuilt_thenItAcceptsTheSharedFlags() {
        for (String name : ServiceCommand.RUNNABLE) {
            picocli.CommandLine cmd = ServiceCommand.serviceCommandLine(name);

            assertThat(cmd.getCommandSpec().findOption("--http-port")).as(name).isNotNull();
            assertThat(cmd.getCommandSpec().findOption("--schema-registry-url")).as(name).isNotNull();
        }
    }

    @Test
    void givenKafkaPortInUse_whenUpInfra_thenOneLineErrorNamingThePortAndExitOne(@TempDir Path dir)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            int code = run("up", "--infra", "--data-dir", dir.toString(), "--kafka-port", String.valueOf(port),
                    "--registry-port", "0");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("newspipe up: Kafka port " + port
                    + " is already in use (is newspipe already running?); choose another with --kafka-port");
            assertThat(dir.resolve("kafka-logs")).doesNotExist();
        }
    }

    @Test
    void givenRegistryPortInUse_whenUpInfra_thenErrorNamesRegistryFlag(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int code = run("up", "--infra", "--data-dir", dir.toString(), "--kafka-port", "0",
                    "--registry-port", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("Schema Registry port").contains("--registry-port");
        }
    }

    @Test
    void givenBadOption_whenRun_thenErrorAndExitTwo() {
        int code = run("up", "--kafka-port", "abc");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("newspipe:").contains("abc");
    }

    @Test
    void givenArticleFile_whenExtractToOutputFile_thenOneJsonLinePerArticleAndExitZero(@TempDir Path dir)
            throws Exception {
        Path article = dir.resolve("001.txt");
        Files.writeString(article, "Ngày 5/3, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị. Bí thư Tỉnh ủy "
                + "Thái Thanh Quý trao Bằng khen của Thủ tướng Chính phủ cho 12 tập thể.\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("out/predictions.jsonl");

        int code = run("extract", article.toString(), "--output", output.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{").contains("001");
    }

    @Test
    void givenMissingInput_whenExtract_thenExitCodeOneIsPassedThrough(@TempDir Path dir) {
        int code = run("extract", dir.resolve("missing.txt").toString(), "--output",
                dir.resolve("p.jsonl").toString());

        assertThat(code).isEqualTo(1);
    }

    @Test
    void givenExtractWithoutPaths_whenRun_thenUsageErrorExitTwo() {
        int code = run("extract");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("PATH");
    }

    @Test
    void givenDataDirInUseByAnotherNewspipe_whenUpInfra_thenRefusesWithOneLineErrorAndExitOne(@TempDir Path dir)
            throws Exception {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                dir.resolve(UpCommand.LOCK_FILE), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = channel.lock()) {

            int code = run("up", "--infra", "--data-dir", dir.toString(), "--kafka-port", "0",
                    "--registry-port", "0");

            assertThat(held.isValid()).isTrue();
            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("newspipe up: another newspipe is already running on "
                    + dir.toAbsolutePath().normalize() + "; stop it first or use another --data-dir");
            assertThat(dir.resolve("kafka-logs")).doesNotExist();
        }
    }

    @Test
    void givenStackThatClosesInTime_whenClosedWithin_thenNoForcedExit() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        UpCommand.closeWithin(() -> closed.set(true), java.time.Duration.ofSeconds(30), new PrintWriter(err, true),
                Path.of("."));

        assertThat(closed).isTrue();
        assertThat(err.toString()).isEmpty();
    }
}
