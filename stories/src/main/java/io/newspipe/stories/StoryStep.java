package io.newspipe.stories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.EntityMention;
import io.newspipe.stories.identity.ArticleEntities;
import io.newspipe.stories.identity.EntityResolver;
import io.newspipe.stories.identity.ResolvedEntity;
import io.newspipe.stories.roles.PersonRoles;
import io.newspipe.stories.roles.RoleFact;
import io.newspipe.stories.state.KeyValueState;

/**
 * Everything the pipeline does for one extracted article, in one call (no Kafka): its entities get their identity,
 * the article its story, the story and the persons' positions their new state. The stream step around it only
 * converts records and provides the stores.
 */
public final class StoryStep {

    /** Article dates are Vietnamese calendar dates (which map of units applies, which day a position was stated). */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final StoryIndex index;
    private final EntityResolver resolver;
    private final KeyValueState<String, Story> stories;
    private final KeyValueState<String, PersonRoles> roles;

    /**
     * @param stories story id -> its {@link Story}, kept beyond the window (a replay returns to its story)
     * @param roles   person id -> their {@link PersonRoles}
     */
    public StoryStep(StoryIndex index, EntityResolver resolver, KeyValueState<String, Story> stories,
            KeyValueState<String, PersonRoles> roles) {
        this.index = Objects.requireNonNull(index, "index");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.stories = Objects.requireNonNull(stories, "stories");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /**
     * One extracted article.
     *
     * @param time     when the outlet published it, else when it was received
     * @param mentions the extractor's entity mentions, in the order the record carries them
     */
    public record Article(String id, String outlet, Instant time, String title, String text,
            List<EntityMention> mentions) {
        public Article {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(text, "text");
            mentions = List.copyOf(mentions);
        }

        public LocalDate date() {
            return time.atOffset(VIETNAM).toLocalDate();
        }
    }

    /**
     * @param assignment      the article's story
     * @param entities        the article's resolved entities
     * @param mentionEntities for each mention (same order), the entity it names; null where none was resolved
     * @param story           the story with the article, or null when it was a member already (a replay)
     * @param roles           the persons whose positions this article added to, with their new positions
     */
    public record Result(StoryAssignment assignment, ArticleEntities entities, List<ResolvedEntity> mentionEntities,
            Story story, List<PersonRoles> roles) {
    }

    public Result apply(Article a) {
        LocalDate date = a.date();
        ArticleEntities entities = resolver.resolve(a.text(), a.mentions(), a.outlet(), date);
        List<ResolvedEntity> perMention = new ArrayList<>(a.mentions().size());
        for (EntityMention m : a.mentions()) {
            perMention.add(entities.of(m).orElse(null));
        }
        StoryAssignment assignment = index.assign(new StoryArticle(a.id(), a.outlet(), a.time(), a.title(), a.text(),
                entities.ids(), entities.officialIds(), entities.regionId()));

        Story before = stories.get(assignment.storyId());
        if (before == null) {
            before = Story.empty(assignment.storyId());
        }
        Story after = before.with(assignment, a.outlet(), entities.ids());
        if (after != before) {
            stories.put(after.storyId(), after);
        }

        List<PersonRoles> changed = new ArrayList<>();
        for (RoleFact f : RoleFact.of(entities, a.id(), date)) {
            PersonRoles held = roles.get(f.personId());
            PersonRoles prior = held == null ? PersonRoles.empty(f.personId(), f.personName()) : held;
            PersonRoles next = prior.with(f);
            if (next != prior) {
                roles.put(next.personId(), next);
                changed.removeIf(r -> r.personId().equals(next.personId()));
                changed.add(next);
            }
        }
        return new Result(assignment, entities, perMention, after != before ? after : null, changed);
    }
}
