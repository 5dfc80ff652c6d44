package io.newspipe.stories;

import io.newspipe.stories.text.Hashing;

/**
 * Story ids: {@code s-} + the first 20 hex digits of SHA-256 of {@code "story\n" + articleId}, where articleId is
 * the id of the story's first article. Derived from the id alone, so the same first article gives the same story
 * id in every run and JVM, and later members never change it.
 */
public final class StoryIds {

    public static final String PREFIX = "s-";

    private StoryIds() {
    }

    public static String ofFirstArticle(String articleId) {
        return PREFIX + Hashing.sha256Hex("story\n" + articleId, 20);
    }
}
