package io.newspipe.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.RolePosition;
import io.newspipe.schemas.StoryMember;
import io.newspipe.stories.Story;
import io.newspipe.stories.StoryStep;
import io.newspipe.stories.identity.ResolvedEntity;
import io.newspipe.stories.roles.PersonRoles;
import io.newspipe.stories.roles.Position;

/** Converts between the records of the story step and the stories module's values. No Kafka. */
final class StoryRecords {

    /** How many of a story's most-named entities news.stories.v1 carries. */
    static final int MAIN_ENTITIES = 10;

    private StoryRecords() {
    }

    /** What the story step reads of an enriched article: its time is when it was published, else received. */
    static StoryStep.Article article(EnrichedArticle e) {
        Instant time = e.getPublishedAt() != null ? e.getPublishedAt() : e.getReceivedAt();
        List<EntityMention> mentions = e.getEntities().stream().map(StoryRecords::mention)
                .filter(java.util.Objects::nonNull).toList();
        return new StoryStep.Article(e.getArticleId(), e.getSource(), time, e.getTitle(), e.getText(), mentions);
    }

    private static EntityMention mention(Entity x) {
        EntityKind kind = switch (x.getType()) {
            case PERSON -> EntityKind.PERSON;
            case ORGANIZATION -> EntityKind.ORGANIZATION;
            case LOCATION -> EntityKind.LOCATION;
            // newspipe never writes UNKNOWN; a mention of a kind this code does not know stays without an id
            case UNKNOWN -> null;
        };
        return kind == null ? null : new EntityMention(kind, x.getText(), x.getCanonical(), x.getStart(), x.getEnd(),
                x.getRole(), x.getConfidence());
    }

    /** The enriched article with its story, and each entity with its id and canonical name. */
    static EnrichedArticle withStory(EnrichedArticle e, StoryStep.Result r) {
        List<Entity> entities = new ArrayList<>(e.getEntities().size());
        int known = 0; // mentionEntities holds one per mention the step read: the entities of a known kind
        for (Entity x : e.getEntities()) {
            ResolvedEntity id = mention(x) == null ? null : r.mentionEntities().get(known++);
            Entity.Builder b = Entity.newBuilder(x);
            entities.add(id == null ? b.build() : b.setId(id.id()).setCanonicalName(id.name()).build());
        }
        return EnrichedArticle.newBuilder(e).setEntities(entities).setStoryId(r.assignment().storyId())
                .setCopyOf(r.assignment().copyOf()).build();
    }

    static io.newspipe.schemas.Story story(Story s) {
        return io.newspipe.schemas.Story.newBuilder()
                .setStoryId(s.storyId())
                .setMembers(s.members().stream().map(m -> StoryMember.newBuilder().setArticleId(m.articleId())
                        .setSource(m.outlet()).setFirstSeen(m.time()).setCopyOf(m.copyOf()).build()).toList())
                .setFirstSeen(s.firstSeen())
                .setLastSeen(s.lastSeen())
                .setSources(s.outlets())
                .setMainEntities(s.mainEntities(MAIN_ENTITIES))
                .build();
    }

    static io.newspipe.schemas.PersonRoles roles(PersonRoles r) {
        return io.newspipe.schemas.PersonRoles.newBuilder()
                .setPersonId(r.personId())
                .setName(r.name())
                .setPositions(r.positions().stream().map(StoryRecords::position).toList())
                .build();
    }

    private static RolePosition position(Position p) {
        return RolePosition.newBuilder().setPost(p.post()).setOrganization(p.organization())
                .setOrganizationId(p.organizationId()).setFirstStated(p.firstSeen()).setLastStated(p.lastSeen())
                .setArticleIds(p.articleIds()).build();
    }
}
