package io.newspipe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newspipe.ingest.article.ArticleSubmission;
import io.newspipe.ingest.article.RawArticleFactory;
import io.newspipe.schemas.RawArticle;

/**
 * Distinct, realistic articles for benchmarks and fault tests: the repository's sample articles
 * ({@code samples/articles}, bundled in this jar), each followed by one closing sentence that names a commune, a
 * number of works and a sum of money, so every article has its own text and therefore its own id (ingest derives the
 * id from the normalized text when there is no URL). Built through ingest's {@link RawArticleFactory}, so the records
 * are what ingest would write to news.raw.v1.
 */
public final class BenchArticles {

    static final List<String> SAMPLE_NAMES = List.of("01-ha-tinh-tong-ket.txt", "02-binh-dinh-hai-quan.txt",
            "03-nghe-an-dau-tu.txt", "04-quang-ngai-thi-dua.txt");

    private static final String[] COMMUNES = {"Cẩm Xuyên", "Hương Sơn", "Tuy Phước", "Hoài Nhơn", "Diễn Châu",
            "Quỳnh Lưu", "Bình Sơn", "Tư Nghĩa", "Kỳ Anh", "Thạch Hà", "Phù Cát", "Nghĩa Đàn", "Sơn Tịnh", "Đức Phổ"};
    private static final String[] WORKS = {"công trình giao thông nông thôn", "phòng học kiên cố", "nhà văn hóa thôn",
            "tuyến kênh mương nội đồng", "nhà ở cho hộ nghèo"};

    private final List<String> samples;
    private final String salt;
    private final RawArticleFactory factory = new RawArticleFactory();

    /** @param salt distinguishes runs that share a topic (e.g. the HTTP phase's ingest deduplicates by id) */
    public BenchArticles(String salt) {
        this.samples = loadSamples();
        this.salt = salt;
    }

    public BenchArticles() {
        this("");
    }

    /** The original text of article {@code i}: a sample plus a sentence only this index has. */
    public String text(int i) {
        String sample = samples.get(i % samples.size());
        String commune = COMMUNES[(i / samples.size()) % COMMUNES.length];
        String work = WORKS[i % WORKS.length];
        int count = 3 + i % 47;
        return sample.stripTrailing() + "\n"
                + "Cũng trong năm, xã " + commune + " đã khởi công " + count + " " + work + " với tổng vốn "
                + (i + 1) + salt + ",5 triệu đồng từ nguồn ngân sách và nhân dân đóng góp.\n";
    }

    public RawArticle raw(int i) {
        return factory.create(new ArticleSubmission(text(i), null, "Bài số " + (i + 1), "newspipe-bench",
                Instant.parse("2024-01-12T02:00:00Z"), "vi"));
    }

    public List<RawArticle> raws(int from, int count) {
        List<RawArticle> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(raw(i));
        }
        return out;
    }

    public List<String> samples() {
        return samples;
    }

    private static List<String> loadSamples() {
        List<String> out = new ArrayList<>();
        for (String name : SAMPLE_NAMES) {
            try (InputStream in = BenchArticles.class.getResourceAsStream("articles/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Sample article " + name
                            + " is not on the class path (io/newspipe/bench/articles); rebuild newspipe-bench");
                }
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read sample article " + name, e);
            }
        }
        return List.copyOf(out);
    }
}
