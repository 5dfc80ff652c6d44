package io.newspipe.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.newspipe.stories.state.Bytes;
import io.newspipe.stories.state.Codec;

/**
 * One story: its member articles, when it was first and last reported, by which outlets, and the entities its
 * members name most. Immutable; {@link #with} folds in one more assignment (what a Kafka Streams aggregate keyed by
 * story id does in phase B, for the compacted {@code news.stories.v1}).
 *
 * @param storyId        the story
 * @param members        member articles in the order they joined
 * @param firstSeen      the earliest member time
 * @param lastSeen       the latest member time
 * @param outlets        distinct outlets of the members, in the order first seen
 * @param entityArticles entity id -> how many members name it
 */
public record Story(String storyId, List<Member> members, Instant firstSeen, Instant lastSeen, List<String> outlets,
        Map<String, Integer> entityArticles) {

    /**
     * @param articleId the article
     * @param outlet    its outlet, or null
     * @param time      its time
     * @param copyOf    the member it copies, or null
     */
    public record Member(String articleId, String outlet, Instant time, String copyOf) {
    }

    public Story {
        Objects.requireNonNull(storyId, "storyId");
        members = List.copyOf(members);
        outlets = List.copyOf(outlets);
        entityArticles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entityArticles));
    }

    /** An empty story, for an aggregate's initializer. */
    public static Story empty(String storyId) {
        return new Story(storyId, List.of(), null, null, List.of(), Map.of());
    }

    /**
     * This story with the article of assignment a added; unchanged when it is already a member (a replay).
     *
     * @throws IllegalArgumentException when a belongs to another story
     */
    public Story with(StoryAssignment a, String outlet, List<String> entityIds) {
        if (!a.storyId().equals(storyId)) {
            throw new IllegalArgumentException("article " + a.articleId() + " belongs to story " + a.storyId()
                    + ", not " + storyId);
        }
        for (Member m : members) {
            if (m.articleId().equals(a.articleId())) {
                return this;
            }
        }
        Instant time = Instant.ofEpochMilli(a.time());
        List<Member> ms = new ArrayList<>(members);
        ms.add(new Member(a.articleId(), outlet, time, a.copyOf()));
        List<String> os = new ArrayList<>(outlets);
        if (outlet != null && !os.contains(outlet)) {
            os.add(outlet);
        }
        Map<String, Integer> counts = new LinkedHashMap<>(entityArticles);
        for (String e : new java.util.LinkedHashSet<>(entityIds)) {
            counts.merge(e, 1, Integer::sum);
        }
        Instant first = firstSeen == null || time.isBefore(firstSeen) ? time : firstSeen;
        Instant last = lastSeen == null || time.isAfter(lastSeen) ? time : lastSeen;
        return new Story(storyId, ms, first, last, os, counts);
    }

    private static final int VERSION = 1;

    /** The state-store form (a story is kept, like the assignments, beyond the window: a replay may touch it). */
    public static final Codec<Story> CODEC = new Codec<>() {
        @Override
        public byte[] encode(Story st) {
            return Bytes.write(VERSION, out -> {
                out.writeUTF(st.storyId);
                out.writeInt(st.members.size());
                for (Member m : st.members) {
                    out.writeUTF(m.articleId);
                    Bytes.writeNullable(out, m.outlet);
                    out.writeLong(m.time.toEpochMilli());
                    Bytes.writeNullable(out, m.copyOf);
                }
                Bytes.writeStrings(out, st.outlets);
                out.writeInt(st.entityArticles.size());
                for (Map.Entry<String, Integer> e : st.entityArticles.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue());
                }
            });
        }

        @Override
        public Story decode(byte[] bytes) {
            return Bytes.read(bytes, VERSION, "story", in -> {
                String id = in.readUTF();
                Story st = empty(id);
                int n = in.readInt();
                List<Member> ms = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ms.add(new Member(in.readUTF(), Bytes.readNullable(in), Instant.ofEpochMilli(in.readLong()),
                            Bytes.readNullable(in)));
                }
                List<String> os = Bytes.readStrings(in);
                int e = in.readInt();
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int i = 0; i < e; i++) {
                    counts.put(in.readUTF(), in.readInt());
                }
                Instant first = ms.stream().map(Member::time).min(Comparator.naturalOrder()).orElse(null);
                Instant last = ms.stream().map(Member::time).max(Comparator.naturalOrder()).orElse(null);
                return ms.isEmpty() ? st : new Story(id, ms, first, last, os, counts);
            });
        }
    };

    /** The n entity ids named by most members (ties: first named first). */
    public List<String> mainEntities(int n) {
        return entityArticles.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
