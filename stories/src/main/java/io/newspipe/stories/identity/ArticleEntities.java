package io.newspipe.stories.identity;

import java.util.List;
import java.util.Optional;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;

/**
 * The entities of one article with their identities, and the province the article is about.
 *
 * @param province the province unit (of the map in force on the article's date), or null when undecided
 * @param entities in order of first mention
 */
public record ArticleEntities(AdminUnitRef province, List<ResolvedEntity> entities) {

    public ArticleEntities {
        entities = List.copyOf(entities);
    }

    /** The entity ids, in order. */
    public List<String> ids() {
        return entities.stream().map(ResolvedEntity::id).toList();
    }

    public List<ResolvedEntity> ofKind(EntityKind kind) {
        return entities.stream().filter(e -> e.kind() == kind).toList();
    }

    public Optional<ResolvedEntity> byId(String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The entity an extractor mention of the article was resolved to: the one of its kind that the article wrote this
     * way (the mention's text up to its first line break, as {@link EntityResolver} reads it); empty when none.
     */
    public Optional<ResolvedEntity> of(EntityMention mention) {
        String surface = mention.text();
        int nl = surface.indexOf('\n');
        String written = nl < 0 ? surface : surface.substring(0, nl).strip();
        return entities.stream().filter(e -> e.kind() == mention.kind() && e.surfaces().contains(written)).findFirst();
    }

    /** The ids of the persons named with a post, for {@link io.newspipe.stories.StoryArticle#officialIds()}. */
    public List<String> officialIds() {
        return entities.stream().filter(e -> e.kind() == EntityKind.PERSON && !e.roles().isEmpty())
                .map(ResolvedEntity::id).toList();
    }

    /** The province's id, for {@link io.newspipe.stories.StoryArticle#regionId()}; null when undecided. */
    public String regionId() {
        return province == null ? null : province.id();
    }
}
