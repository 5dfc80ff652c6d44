package io.newspipe.console;

import java.time.Instant;
import java.util.List;

/**
 * What the console's index keeps of an article: enough to list and find it, and where each revision it has seen
 * sits on the published topic (the text and extractions are read from there when the article is opened).
 */
public record ArticleSummary(String id, String title, String url, String source, int revision, Instant publishedAt,
        List<RevisionRef> revisions, String storyId) {

    /** Where one revision of an article sits on the published topic. */
    public record RevisionRef(int revision, int partition, long offset, Instant publishedAt) {
    }
}
