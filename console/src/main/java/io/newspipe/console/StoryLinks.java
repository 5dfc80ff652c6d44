package io.newspipe.console;

import java.util.List;
import java.util.Optional;

import io.newspipe.schemas.PublishedArticle;

/**
 * Which story an article belongs to and the story's other articles: {@link #BY_STORY_ID} reads the article's
 * {@code storyId} (set by enrich's story step) and finds the other members in the console's index; {@link #NOT_YET}
 * shows none (for a console whose articles carry no story).
 */
public interface StoryLinks {

    /** @param others the story's other articles, newest first */
    record Story(String storyId, List<ArticleSummary> others) {
    }

    Optional<Story> storyOf(PublishedArticle article, ArticleIndex index);

    /** Shown when the article has no story. */
    String absentNote();

    StoryLinks NOT_YET = new StoryLinks() {
        @Override
        public Optional<Story> storyOf(PublishedArticle article, ArticleIndex index) {
            return Optional.empty();
        }

        @Override
        public String absentNote() {
            return "Stories are not published yet: once articles carry a story id, this section lists the other "
                    + "reports of the same event.";
        }
    };

    /** The other articles in the index with the article's storyId (at most this many are listed). */
    int MAX_STORY_MEMBERS = 50;

    StoryLinks BY_STORY_ID = new StoryLinks() {
        @Override
        public Optional<Story> storyOf(PublishedArticle article, ArticleIndex index) {
            String storyId = article.getStoryId();
            return storyId == null ? Optional.empty()
                    : Optional.of(new Story(storyId, index.inStory(storyId, article.getArticleId(), MAX_STORY_MEMBERS)));
        }

        @Override
        public String absentNote() {
            return "This revision has no story id (published before enrich's story step).";
        }
    };
}
