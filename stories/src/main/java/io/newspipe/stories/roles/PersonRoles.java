package io.newspipe.stories.roles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.TextNormalizer;

/**
 * A person's positions over time: the value of the compacted {@code news.roles.v1} (keyed by person id) in phase B.
 * Immutable; {@link #with} folds in one fact. A position is one post in one organization (posts compared ignoring
 * case and tone placement, organizations by id).
 *
 * @param personId  the person
 * @param name      their canonical name
 * @param positions ordered by first date stated
 */
public record PersonRoles(String personId, String name, List<Position> positions) {

    public PersonRoles {
        Objects.requireNonNull(personId, "personId");
        positions = List.copyOf(positions);
    }

    public static PersonRoles empty(String personId, String name) {
        return new PersonRoles(personId, name, List.of());
    }

    /** This timeline with fact added; unchanged when the same article already stated the same position. */
    public PersonRoles with(RoleFact f) {
        if (!f.personId().equals(personId)) {
            throw new IllegalArgumentException("fact about " + f.personId() + " added to the roles of " + personId);
        }
        List<Position> ps = new ArrayList<>(positions);
        for (int i = 0; i < ps.size(); i++) {
            Position p = ps.get(i);
            if (samePosition(p, f)) {
                if (p.articleIds().contains(f.articleId())) {
                    return this;
                }
                List<String> ids = new ArrayList<>(p.articleIds());
                ids.add(f.articleId());
                ps.set(i, new Position(p.post(), p.organization(), p.organizationId(),
                        f.date().isBefore(p.firstSeen()) ? f.date() : p.firstSeen(),
                        f.date().isAfter(p.lastSeen()) ? f.date() : p.lastSeen(), ids));
                return new PersonRoles(personId, name, sorted(ps));
            }
        }
        ps.add(new Position(f.post(), f.organization(), f.organizationId(), f.date(), f.date(), List.of(f.articleId())));
        return new PersonRoles(personId, name == null ? f.personName() : name, sorted(ps));
    }

    static boolean samePost(String a, String b) {
        return TextNormalizer.canonicalKey(a).equals(TextNormalizer.canonicalKey(b));
    }

    private static boolean samePosition(Position p, RoleFact f) {
        return samePost(p.post(), f.post()) && Objects.equals(p.organizationId(), f.organizationId());
    }

    private static List<Position> sorted(List<Position> ps) {
        ps.sort(Comparator.comparing(Position::firstSeen));
        return ps;
    }
}
