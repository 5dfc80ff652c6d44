package io.newspipe.stories.roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.EntityKind;
import io.newspipe.stories.identity.ArticleEntities;
import io.newspipe.stories.identity.ResolvedEntity;
import io.newspipe.stories.identity.Role;

/**
 * One statement of an article: person P holds post X in organization O, as of the article's date.
 *
 * @param personId       the person's id
 * @param personName     the person's canonical name
 * @param post           the post ("Bí thư")
 * @param organization   the canonical organization, or null when the role names none
 * @param organizationId its id, or null
 * @param date           the article's date
 * @param articleId      the article stating it
 */
public record RoleFact(String personId, String personName, String post, String organization, String organizationId,
        LocalDate date, String articleId) {

    public RoleFact {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(articleId, "articleId");
    }

    /** The facts an article's resolved entities state: one per person and distinct role. */
    public static List<RoleFact> of(ArticleEntities entities, String articleId, LocalDate date) {
        List<RoleFact> out = new ArrayList<>();
        for (ResolvedEntity p : entities.ofKind(EntityKind.PERSON)) {
            for (Role r : p.roles()) {
                out.add(new RoleFact(p.id(), p.name(), r.post(), r.organization(), r.organizationId(), date, articleId));
            }
        }
        return out;
    }
}
