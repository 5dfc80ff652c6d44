package io.newspipe.stories.roles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many persons' positions, answering "who held post P in organization O on date D". What a subscriber builds from
 * {@code news.roles.v1}; here fed from {@link RoleFact}s. Not thread-safe.
 */
public final class RoleTimeline {

    private final Map<String, PersonRoles> persons = new HashMap<>();

    /**
     * A person holding the post, with the position that says so.
     *
     * @param stated true when date lies between the first and last article stating it; false when it is the last
     *               statement before date (the person may still hold the post, or may not)
     */
    public record Holder(String personId, String name, Position position, boolean stated) {
    }

    public void add(RoleFact f) {
        persons.merge(f.personId(), PersonRoles.empty(f.personId(), f.personName()).with(f), (old, x) -> old.with(f));
    }

    public void addAll(List<RoleFact> facts) {
        facts.forEach(this::add);
    }

    public Optional<PersonRoles> person(String personId) {
        return Optional.ofNullable(persons.get(personId));
    }

    /**
     * Who held post in the organization with id organizationId on date: the persons whose stated span covers date;
     * when none does, the person stated to hold it last before date (stated = false). Empty when no article before
     * or on date states it.
     */
    public List<Holder> holders(String post, String organizationId, LocalDate date) {
        List<Holder> covering = new ArrayList<>();
        Holder latestBefore = null;
        for (PersonRoles pr : persons.values()) {
            for (Position p : pr.positions()) {
                if (!PersonRoles.samePost(p.post(), post) || !organizationId.equals(p.organizationId())) {
                    continue;
                }
                if (p.covers(date)) {
                    covering.add(new Holder(pr.personId(), pr.name(), p, true));
                } else if (p.lastSeen().isBefore(date)
                        && (latestBefore == null || p.lastSeen().isAfter(latestBefore.position().lastSeen()))) {
                    latestBefore = new Holder(pr.personId(), pr.name(), p, false);
                }
            }
        }
        if (!covering.isEmpty()) {
            covering.sort(Comparator.comparingLong(
                    (Holder h) -> -ChronoUnit.DAYS.between(h.position().firstSeen(), h.position().lastSeen()))
                    .thenComparing(Holder::personId));
            return covering;
        }
        return latestBefore == null ? List.of() : List.of(latestBefore);
    }
}
