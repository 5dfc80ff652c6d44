package io.newspipe.stories.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StoryEval and StoryBenchmark over gold clusters written from the hand-written test articles. */
class StoryEvalTest {

    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = StoryEvalTest.class.getResourceAsStream("/io/newspipe/stories/articles/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String raw, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": (.*)$").matcher(raw);
        return m.find() ? m.group(1) : null;
    }

    /** The test article in the header layout (Title / Source / Published Date / Content). */
    private void writeHeaderFile(String cluster, String name) throws IOException {
        String raw = resource(name);
        OffsetDateTime t = OffsetDateTime.parse(header(raw, "time")).withOffsetSameInstant(ZoneOffset.ofHours(7));
        String body = raw.substring(raw.indexOf("\n\n") + 2);
        String file = "Title: " + header(raw, "title") + "\nSource: " + header(raw, "outlet") + "\nPublished Date: Thứ sáu, "
                + t.getDayOfMonth() + "/" + t.getMonthValue() + "/" + t.getYear() + ", " + t.getHour() + ":"
                + String.format("%02d", t.getMinute()) + " (GMT+7)\nContent: " + body;
        Path d = Files.createDirectories(dir.resolve(cluster));
        Files.writeString(d.resolve(name + ".txt"), file);
    }

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = StoryEval.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoresTheStoriesFoundAgainstTheGoldClusters() throws IOException {
        writeHeaderFile("Cluster_001", "na-hoi-nghi-baona");
        writeHeaderFile("Cluster_001", "na-hoi-nghi-truyenhinh");
        writeHeaderFile("Cluster_001", "na-hoi-nghi-copy");
        writeHeaderFile("Cluster_002", "ht-hoi-nghi");
        writeHeaderFile("Cluster_003", "bd-huan-chuong");
        writeHeaderFile("Cluster_004", "qng-huan-chuong");
        String out = run(dir.toString(), "--rounds", "2", "--errors", "5");
        assertThat(out).contains("6 articles in 4 clusters");
        // the three reports of the Nghệ An conference are one story (3 pairs); nothing else pairs up
        assertThat(out).contains("3 gold pairs, 3 predicted pairs, 3 correct");
        assertThat(out).contains("pairwise precision 1.000  recall 1.000  F1 1.000");
        assertThat(out).contains("stories 4 for 4 gold clusters; 1 copies flagged");
        assertThat(out).containsPattern("cost: [0-9.]+ µs of CPU per article");
        assertThat(out).containsPattern("state: window stores [0-9]+ B per article held");
    }

    @Test
    void listsFalseMergesAndSplits() throws IOException {
        // gold that calls two provinces' conferences one event: the detector keeps them apart, a "split"
        writeHeaderFile("Cluster_001", "na-hoi-nghi-baona");
        writeHeaderFile("Cluster_001", "ht-hoi-nghi");
        writeHeaderFile("Cluster_002", "bd-huan-chuong");
        String out = run(dir.toString(), "--rounds", "1");
        assertThat(out).contains("pairwise precision 1.000  recall 0.000");
        assertThat(out).contains("Cluster_001 in 2 stories");
    }

    @Test
    void readsTheVietnameseMdsLayoutAndAssumedDates() throws IOException {
        Path c = Files.createDirectories(dir.resolve("clusters/cluster_7"));
        for (String name : new String[] {"bd-huan-chuong", "qng-huan-chuong"}) {
            String raw = resource(name);
            String id = name.startsWith("bd") ? "101" : "102";
            Files.writeString(c.resolve(id + ".body.txt"), raw.substring(raw.indexOf("\n\n") + 2));
            Files.writeString(c.resolve(id + ".info.txt"), "LINK: http://www.baomoi.com/Home/XaHoi/example.vn/x/" + id
                    + ".epi\nTITLE: " + header(raw, "title").replace(' ', '_') + "\nTIME: 5/9/2024 8:00\n");
        }
        Path plain = Files.createDirectories(dir.resolve("plain/Cluster_009"));
        Files.writeString(plain.resolve("1.txt"), "Một tiêu đề\nMột dòng nội dung về giá lúa tăng.");
        ClusterCorpus.Corpus ktlab = ClusterCorpus.read(dir.resolve("clusters"));
        assertThat(ktlab.articles()).hasSize(2);
        assertThat(ktlab.articles().get(0).outlet()).isEqualTo("example.vn");
        assertThat(ktlab.articles().get(0).title()).startsWith("Trao Huân chương Lao động");
        assertThat(ClusterCorpus.read(dir.resolve("plain")).undated()).isEqualTo(1);
        assertThat(ClusterCorpus.read(dir.resolve("plain"), java.time.Instant.EPOCH).articles()).hasSize(1);
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThatThrownBy(() -> StoryEval.run(new String[] {dir.resolve("missing").toString()}, System.out))
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> StoryEval.run(new String[] {dir.toString()}, System.out))
                .hasMessageContaining("no dated articles");
        assertThatThrownBy(() -> StoryEval.run(new String[] {dir.toString(), "--bogus"}, System.out))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> StoryEval.run(new String[0], System.out)).hasMessageContaining("usage");
    }

    @Test
    void theBenchmarkPrintsFiguresForEveryTenthOfTheStream() throws IOException {
        writeHeaderFile("Cluster_001", "na-hoi-nghi-baona");
        writeHeaderFile("Cluster_002", "bd-huan-chuong");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = StoryBenchmark.run(new String[] {dir.toString(), "--articles", "200", "--per-day", "50"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("200 articles (50 per day");
        assertThat(out.lines().filter(l -> l.startsWith("  articles "))).hasSize(10);
        assertThat(out).containsPattern("whole stream: [0-9.]+ µs CPU/article");
        // 4 days of 50 a day: the window never holds more than ~200 articles
        assertThat(out).containsPattern("window holds +(1\\d\\d|200) articles");
    }
}
