package io.newspipe.stories.identity;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.TextNormalizer;
import io.newspipe.stories.text.Hashing;

/**
 * Entity ids: a kind letter ({@code p-} person, {@code o-} organization, {@code l-} location) + the first 16 hex
 * digits of SHA-256 of {@code KIND + "\n" + key}. The key of a person or an organization is its canonical name's
 * {@link TextNormalizer#canonicalKey comparison key} (case, spacing and tone placement ignored; an organization's
 * abbreviations expanded first); of a location
 * resolved to an administrative unit, the unit's id ({@code unit:vn63:412}), else its name's key. Deterministic:
 * the same entity gets the same id in every article, run and JVM.
 */
public final class EntityIds {

    private EntityIds() {
    }

    public static String person(String canonicalName) {
        return of(EntityKind.PERSON, TextNormalizer.canonicalKey(canonicalName));
    }

    /** The id of an organization; abbreviations count as their expansion ("UBND" as "Ủy ban nhân dân"). */
    public static String organization(String canonicalName) {
        return of(EntityKind.ORGANIZATION, TextNormalizer.canonicalKey(OrganizationNames.expand(canonicalName)));
    }

    public static String location(AdminUnitRef unit) {
        return of(EntityKind.LOCATION, "unit:" + unit.id());
    }

    public static String location(String name) {
        return of(EntityKind.LOCATION, TextNormalizer.canonicalKey(name));
    }

    static String of(EntityKind kind, String key) {
        char letter = switch (kind) {
            case PERSON -> 'p';
            case ORGANIZATION -> 'o';
            case LOCATION -> 'l';
        };
        return letter + "-" + Hashing.sha256Hex(kind.name() + "\n" + key, 16);
    }
}
