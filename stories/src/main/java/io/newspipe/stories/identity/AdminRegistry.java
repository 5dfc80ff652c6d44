package io.newspipe.stories.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The administrative units entity identity resolves locations against: Vietnam's units before and after the 1 July
 * 2025 reorganization (63 -> 34 provinces, districts abolished) and which unit succeeded which. The reference data
 * of the extraction module implements it in production; tests use a small fixture in the same format.
 */
public interface AdminRegistry {

    /**
     * Units called name (without its prefix; case and tone placement ignored) in force on date, or on any date
     * when date is null.
     */
    List<AdminUnitRef> find(String name, LocalDate date);

    /** The units that took over unit on 1 July 2025; empty for a unit still in force. */
    List<AdminUnitRef> successors(AdminUnitRef unit);

    /** The province unit lies in (unit itself for a province). */
    Optional<AdminUnitRef> province(AdminUnitRef unit);

    /** The provinces in force on date. */
    List<AdminUnitRef> provinces(LocalDate date);

    /** No units at all: locations keep name-based ids, articles get no province. */
    AdminRegistry NONE = new AdminRegistry() {
        @Override
        public List<AdminUnitRef> find(String name, LocalDate date) {
            return List.of();
        }

        @Override
        public List<AdminUnitRef> successors(AdminUnitRef unit) {
            return List.of();
        }

        @Override
        public Optional<AdminUnitRef> province(AdminUnitRef unit) {
            return Optional.empty();
        }

        @Override
        public List<AdminUnitRef> provinces(LocalDate date) {
            return List.of();
        }
    };
}
