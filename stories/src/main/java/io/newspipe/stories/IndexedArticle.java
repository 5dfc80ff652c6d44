package io.newspipe.stories;

import io.newspipe.stories.state.Bytes;
import io.newspipe.stories.state.Codec;

/**
 * What the index keeps of an article while it is in the time window: enough to compare a later article with it
 * without its text. About 0.6 KB with the default 128 hashes.
 *
 * @param articleId   the article
 * @param storyId     the story it joined
 * @param outlet      its outlet, or null
 * @param time        its time, epoch ms
 * @param signature   MinHash signature of its shingles
 * @param shingles    how many distinct shingles it has (0: nothing to compare by text)
 * @param entityKeys  sorted hashes of its entity ids
 * @param titleKeys   sorted hashes of its title's content words
 * @param officialKeys sorted hashes of the ids of the persons it names with a post
 * @param regionKey   hash of its region id, 0 when none
 */
public record IndexedArticle(String articleId, String storyId, String outlet, long time, int[] signature,
        int shingles, long[] entityKeys, long[] titleKeys, long[] officialKeys, long regionKey) {

    private static final int VERSION = 1;

    /** The state-store form. */
    public static final Codec<IndexedArticle> CODEC = new Codec<>() {
        @Override
        public byte[] encode(IndexedArticle a) {
            return Bytes.write(VERSION, out -> {
                out.writeUTF(a.articleId);
                out.writeUTF(a.storyId);
                Bytes.writeNullable(out, a.outlet);
                out.writeLong(a.time);
                Bytes.writeInts(out, a.signature);
                out.writeInt(a.shingles);
                Bytes.writeLongs(out, a.entityKeys);
                Bytes.writeLongs(out, a.titleKeys);
                Bytes.writeLongs(out, a.officialKeys);
                out.writeLong(a.regionKey);
            });
        }

        @Override
        public IndexedArticle decode(byte[] bytes) {
            return Bytes.read(bytes, VERSION, "indexed article", in -> new IndexedArticle(in.readUTF(), in.readUTF(),
                    Bytes.readNullable(in), in.readLong(), Bytes.readInts(in), in.readInt(), Bytes.readLongs(in),
                    Bytes.readLongs(in), Bytes.readLongs(in), in.readLong()));
        }
    };
}
