package io.newspipe.console;

import java.util.List;
import java.util.Optional;

import io.newspipe.schemas.PublishedArticle;

/**
 * The seam for stories (issue 19): which story an article belongs to and the story's other articles. Until stories
 * are published, {@link #NOT_YET} says so on the article page; an implementation reading the stories topic replaces
 * it in {@link ConsoleServer}'s constructor.
 */
public interface StoryLinks {

    /** @param others the story's other articles, newest first */
    record Story(String storyId, List<ArticleSummary> others) {
    }

    Optional<Story> storyOf(PublishedArticle article);

    /** Shown when the article has no story. */
    String absentNote();

    StoryLinks NOT_YET = new StoryLinks() {
        @Override
        public Optional<Story> storyOf(PublishedArticle article) {
            return Optional.empty();
        }

        @Override
        public String absentNote() {
            return "Stories are not published yet: once articles carry a story id, this section lists the other "
                    + "reports of the same event.";
        }
    };
}
