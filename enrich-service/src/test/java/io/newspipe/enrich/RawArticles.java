package io.newspipe.enrich;

import java.time.Instant;

import io.newspipe.schemas.RawArticle;

/** Raw articles for tests. */
final class RawArticles {

    private RawArticles() {
    }

    static RawArticle article(String id, String text) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setUrl("https://example.vn/" + id)
                .setTitle("Hội nghị tổng kết công tác xây dựng Đảng")
                .setSource("example.vn")
                .setLanguage("vi")
                .setPublishedAt(Instant.parse("2024-01-12T02:00:00Z"))
                .setReceivedAt(Instant.parse("2024-01-12T03:00:00Z"))
                .setOriginalText(text)
                .setText(text)
                .setContentHash("hash-" + id)
                .build();
    }
}
