package io.newspipe.stories.identity;

import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.EntityKind;

/**
 * One entity of an article with its identity.
 *
 * @param id         stable id ({@link EntityIds})
 * @param kind       person, organization or location
 * @param name       canonical name: a person's full name, an organization's canonical form, a location's name
 * @param surfaces   the distinct ways the article wrote it ("Thái Thanh Quý", "ông Quý")
 * @param roles      for a person, the positions stated (canonical, for the article's province)
 * @param mentions   how many times the article names it
 * @param unit       for a location, the administrative unit it resolved to, or null
 * @param successors for a unit abolished or merged on 1 July 2025, the units that took it over
 */
public record ResolvedEntity(String id, EntityKind kind, String name, List<String> surfaces, List<Role> roles,
        int mentions, AdminUnitRef unit, List<AdminUnitRef> successors) {

    public ResolvedEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        surfaces = List.copyOf(surfaces);
        roles = List.copyOf(roles);
        successors = List.copyOf(successors);
    }
}
