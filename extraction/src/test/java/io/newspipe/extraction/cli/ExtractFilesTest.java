package io.newspipe.extraction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExtractFilesTest {

    @TempDir
    Path dir;

    @Test
    void givenGoodBadAndEmptyFiles_whenRun_thenBadOnesAreReportedByNameOthersProcessedAndExitIsOne() throws Exception {
        Files.writeString(dir.resolve("a1.txt"), "(BĐ) - Chủ tịch UBND tỉnh Phạm Anh Tuấn làm việc tại thị xã An Nhơn.\nT.H\n",
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("b2.txt"), new byte[] {'S', (byte) 0xE1, (byte) 0xBB, 'x', (byte) 0xFF});
        Files.writeString(dir.resolve("c3.txt"), "");
        Files.writeString(dir.resolve("d4.txt"), "Sở Y tế tỉnh Bình Định kiểm tra.");
        Files.writeString(dir.resolve("notes.md"), "ignored");
        Path out = dir.resolve("pred.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ExtractFiles.run(List.of(dir), out, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("b2.txt").contains("UTF-8").contains("c3.txt").contains("empty");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a1");
        assertThat(first.get("persons").toString()).contains("Phạm Anh Tuấn");
        assertThat(first.get("organizations").toString()).contains("UBND tỉnh");
        assertThat(first.get("locations").toString()).contains("An Nhơn");
        assertThat(first.has("awards")).isTrue();
        assertThat(first.has("kpis")).isTrue();
        assertThat(first.get("extractorVersion").asText()).isNotBlank();
        assertThat(first.get("entities").get(0).has("start")).isTrue();
        assertThat(json.readTree(lines.get(1)).get("id").asText()).isEqualTo("d4");
    }

    @Test
    void givenOnlyGoodFiles_whenRunToStdout_thenExitIsZeroAndOneLinePerArticle() throws Exception {
        Path f = Files.writeString(dir.resolve("x.txt"), "Bộ Công an và Bộ Quốc phòng phối hợp.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = ExtractFiles.run(List.of(f), null, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("\"id\":\"x\"").contains("Bộ Công an").contains("Bộ Quốc phòng");
    }

    @Test
    void givenMissingPath_whenRun_thenItIsReportedAndExitIsOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtractFiles.run(List.of(dir.resolve("nope")), dir.resolve("o.jsonl"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope");
    }
}
