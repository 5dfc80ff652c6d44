package io.newspipe.stories;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What story detection reads of an article.
 *
 * @param id        the article id (the pipeline's key)
 * @param outlet    the outlet or site, when known (a near-identical text from another outlet is a syndicated copy)
 * @param time      when the outlet published it, else when it was received: the time the window is measured in
 * @param title     the title, when known (null: the text's first line stands for it)
 * @param text      the article text, normalized
 * @param entityIds ids of the persons, organizations and locations it names
 *                  ({@link io.newspipe.stories.identity.EntityResolver})
 * @param officialIds ids of the persons it names with a post ("Bí thư Tỉnh ủy Trần Văn A"): who acts in the event
 * @param regionId  id of the province the article is about, when one can be decided; two articles about different
 *                  provinces are never one story unless one copies the other
 */
public record StoryArticle(String id, String outlet, Instant time, String title, String text, List<String> entityIds,
        List<String> officialIds, String regionId) {

    public StoryArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        officialIds = officialIds == null ? List.of() : List.copyOf(officialIds);
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
    }

    /** The title, or the first non-blank line of the text when no title was given. */
    public String titleOrFirstLine() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        for (String line : text.split("\n", 8)) {
            if (!line.isBlank()) {
                return line.length() > 300 ? line.substring(0, 300) : line;
            }
        }
        return "";
    }
}
