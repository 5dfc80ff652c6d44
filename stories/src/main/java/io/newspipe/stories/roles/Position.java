package io.newspipe.stories.roles;

import java.time.LocalDate;
import java.util.List;

/**
 * A post a person was stated to hold: from the first to the last article date stating it.
 *
 * @param post           the post as first written ("Chủ tịch")
 * @param organization   the canonical organization, or null
 * @param organizationId its id, or null
 * @param firstSeen      the earliest date an article stated it
 * @param lastSeen       the latest such date
 * @param articleIds     the articles stating it, in the order seen
 */
public record Position(String post, String organization, String organizationId, LocalDate firstSeen,
        LocalDate lastSeen, List<String> articleIds) {

    public Position {
        articleIds = List.copyOf(articleIds);
    }

    /** Whether date lies within the stated span. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstSeen) && !date.isAfter(lastSeen);
    }
}
