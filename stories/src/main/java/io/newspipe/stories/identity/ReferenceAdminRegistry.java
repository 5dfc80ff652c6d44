package io.newspipe.stories.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.newspipe.extraction.reference.AdminLevel;
import io.newspipe.extraction.reference.AdminMap;
import io.newspipe.extraction.reference.AdminQuery;
import io.newspipe.extraction.reference.AdminUnit;
import io.newspipe.extraction.reference.AdminUnits;

/**
 * {@link AdminRegistry} over the extraction module's reference data ({@link AdminUnits}: both maps, with the
 * succession of 1 July 2025). Thread-safe.
 */
public final class ReferenceAdminRegistry implements AdminRegistry {

    private static final ReferenceAdminRegistry INSTANCE = new ReferenceAdminRegistry(AdminUnits.get());

    private final AdminUnits units;
    private final Map<String, AdminUnitRef> refs = new ConcurrentHashMap<>();

    private ReferenceAdminRegistry(AdminUnits units) {
        this.units = units;
    }

    /** The registry of the built-in reference data (loaded on first use). */
    public static ReferenceAdminRegistry get() {
        return INSTANCE;
    }

    @Override
    public List<AdminUnitRef> find(String name, LocalDate date) {
        AdminQuery q = date == null ? AdminQuery.any() : AdminQuery.any().on(date);
        return units.find(name, q).stream().map(this::ref).toList();
    }

    @Override
    public List<AdminUnitRef> successors(AdminUnitRef unit) {
        return units.byId(unit.id()).map(u -> units.successors(u).stream().map(this::ref).toList()).orElse(List.of());
    }

    @Override
    public Optional<AdminUnitRef> province(AdminUnitRef unit) {
        return units.byId(unit.id()).map(u -> ref(units.province(u)));
    }

    @Override
    public List<AdminUnitRef> provinces(LocalDate date) {
        AdminMap map = date.isBefore(AdminMap.REFORM_2025) ? AdminMap.VN63 : AdminMap.VN34;
        return units.provinces(map).stream().filter(u -> u.validOn(date)).map(this::ref).toList();
    }

    private AdminUnitRef ref(AdminUnit u) {
        return refs.computeIfAbsent(u.id(), id -> new AdminUnitRef(id, u.code(), level(u.level()), u.prefix(),
                u.name(), u.provinceCode(), u.validFrom(), u.validTo()));
    }

    private static AdminUnitRef.Level level(AdminLevel l) {
        return switch (l) {
            case PROVINCE -> AdminUnitRef.Level.PROVINCE;
            case DISTRICT -> AdminUnitRef.Level.DISTRICT;
            case COMMUNE -> AdminUnitRef.Level.COMMUNE;
        };
    }
}
