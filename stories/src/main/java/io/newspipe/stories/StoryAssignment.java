package io.newspipe.stories;

import io.newspipe.stories.state.Bytes;
import io.newspipe.stories.state.Codec;

/**
 * The story an article belongs to: the answer of {@link StoryIndex#assign}.
 *
 * @param articleId      the article
 * @param storyId        its story ({@link StoryIds}); its own derived id when it opened a new story
 * @param time           the article's time, epoch ms
 * @param copyOf         the article it is a near-identical copy of (syndication), or null
 * @param matchedArticle the member of the story it was closest to, or null when it opened the story
 * @param score          the story's score that decided the join (>= 0; any value for a copy, which joins its
 *                       original's story whatever the score), NaN when it opened the story
 * @param similarity     Jaccard estimate against matchedArticle, NaN when it opened the story
 * @param replayed       true when the article had been assigned before and this is that earlier answer
 */
public record StoryAssignment(String articleId, String storyId, long time, String copyOf, String matchedArticle,
        double score, double similarity, boolean replayed) {

    private static final int VERSION = 1;

    /** Whether the article opened its story. */
    public boolean opened() {
        return matchedArticle == null;
    }

    public boolean isCopy() {
        return copyOf != null;
    }

    StoryAssignment asReplay() {
        return new StoryAssignment(articleId, storyId, time, copyOf, matchedArticle, score, similarity, true);
    }

    /** The state-store form (replayed is not stored: a stored assignment is by definition an earlier one). */
    public static final Codec<StoryAssignment> CODEC = new Codec<>() {
        @Override
        public byte[] encode(StoryAssignment a) {
            return Bytes.write(VERSION, out -> {
                out.writeUTF(a.articleId);
                out.writeUTF(a.storyId);
                out.writeLong(a.time);
                Bytes.writeNullable(out, a.copyOf);
                Bytes.writeNullable(out, a.matchedArticle);
                out.writeDouble(a.score);
                out.writeDouble(a.similarity);
            });
        }

        @Override
        public StoryAssignment decode(byte[] bytes) {
            return Bytes.read(bytes, VERSION, "story assignment", in -> new StoryAssignment(in.readUTF(), in.readUTF(),
                    in.readLong(), Bytes.readNullable(in), Bytes.readNullable(in), in.readDouble(), in.readDouble(),
                    false));
        }
    };
}
