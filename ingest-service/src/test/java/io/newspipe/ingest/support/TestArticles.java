package io.newspipe.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The articles under src/test/resources/articles, written for these tests in the raw scraped style. */
public final class TestArticles {

    public static final String DISASTER_CONFERENCE = "hoi-nghi-phong-chong-thien-tai.txt";
    public static final String FARMERS_CONGRESS = "dai-hoi-hoi-nong-dan.txt";
    public static final String CUSTOMS_BUDGET = "thu-ngan-sach.txt";
    public static final String MIXED_BATCH = "mixed.ndjson";

    private TestArticles() {
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestArticles.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short unique article, so tests that need a fresh one do not collide with each other. */
    public static String unique(String tag) {
        return "(BĐ) - Bài viết kiểm thử " + tag + " về phong trào thi đua yêu nước của tỉnh năm 2025.\n"
                + "Quang cảnh buổi lễ. Ảnh: N.AN\n"
                + "Ban tổ chức đã trao Bằng khen cho 12 tập thể có thành tích xuất sắc.\n"
                + "N.AN";
    }
}
