package io.newspipe.stories.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.stories.text.ToneFolding;

/**
 * Gives the entities of one article their identity (plain Java; thread-safe once built).
 * <ul>
 *   <li>The article's province: the one its outlet is named after ("Báo Nghệ An", "baonghean.vn"), else the one
 *       its locations and organization names name clearly most (at least twice, and twice as often as any
 *       other); none otherwise.</li>
 *   <li>Persons: one entity per full name (two words or more, not the end of a longer name of the article); a
 *       shorter mention whose words end exactly one full name of the article
 *       ("Quý", "Thanh Quý") and an honorific with such a name in the text ("ông Quý", "đồng chí Quý") are that
 *       person. Roles are split into post and canonical organization ({@link Role}).</li>
 *   <li>Organizations: {@link OrganizationNames#canonical} for the article's province.</li>
 *   <li>Locations: the administrative unit in force on the article's date whose name it is, narrowed by the
 *       prefix written before it ("huyện", "xã", ...), by the article's province, and by level (a bare name is
 *       first a province); with the units that succeeded it on 1 July 2025.</li>
 * </ul>
 */
public final class EntityResolver {

    private static final Pattern SHORT_FORM;

    static {
        StringBuilder alt = new StringBuilder();
        for (String h : ExtractionLexicon.HONORIFICS) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(h));
        }
        String word = "\\p{Lu}[\\p{L}\\p{M}]*";
        SHORT_FORM = Pattern.compile("(?<![\\p{L}\\p{M}])(?iu:" + alt + ")\\s+(" + word + "(?:\\s+" + word
                + ")?)(?![\\p{L}\\p{M}])", Pattern.UNICODE_CHARACTER_CLASS);
    }

    private final AdminRegistry registry;

    public EntityResolver(AdminRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param text     the text the mentions' offsets refer to
     * @param mentions the extractor's entity mentions
     * @param outlet   the outlet, or null
     * @param date     the article's date (decides which map of units applies)
     */
    public ArticleEntities resolve(String text, List<EntityMention> mentions, String outlet, LocalDate date) {
        Objects.requireNonNull(date, "date");
        mentions = mentions.stream().map(EntityResolver::firstLine).toList();
        AdminUnitRef province = province(mentions, outlet, date);
        Map<String, Builder> byKey = new LinkedHashMap<>();
        resolvePersons(text, mentions, province, byKey);
        for (EntityMention m : mentions) {
            if (m.kind() == EntityKind.ORGANIZATION) {
                String name = OrganizationNames.canonical(m.canonical(), province);
                byKey.computeIfAbsent("o\n" + Names.key(name),
                        k -> new Builder(EntityIds.organization(name), EntityKind.ORGANIZATION, name, m.start()))
                        .seen(m.text());
            } else if (m.kind() == EntityKind.LOCATION) {
                AdminUnitRef unit = unitOf(text, m, province, date);
                String name = unit != null ? unit.name() : m.canonical();
                String key = unit != null ? "l\nunit:" + unit.id() : "l\n" + Names.key(name);
                Builder b = byKey.computeIfAbsent(key, k -> new Builder(
                        unit != null ? EntityIds.location(unit) : EntityIds.location(name), EntityKind.LOCATION, name,
                        m.start()));
                b.unit = unit;
                b.seen(m.text());
            }
        }
        List<ResolvedEntity> out = new ArrayList<>();
        byKey.values().stream().sorted(Comparator.comparingInt(b -> b.firstStart)).forEach(b -> out.add(b.build(registry)));
        return new ArticleEntities(province, out);
    }

    /**
     * m cut at its first line break: a name never spans lines, but a title without a final stop runs into the next
     * line in the extractor ("Nam Đàn\n\nChiều").
     */
    private static EntityMention firstLine(EntityMention m) {
        int nl = m.text().indexOf('\n');
        if (nl < 0) {
            return m;
        }
        String text = m.text().substring(0, nl).strip();
        int cnl = m.canonical().indexOf('\n');
        String canonical = cnl < 0 ? m.canonical() : m.canonical().substring(0, cnl).strip();
        return new EntityMention(m.kind(), text, canonical, m.start(), m.start() + text.length(), m.role(),
                m.confidence());
    }

    private void resolvePersons(String text, List<EntityMention> mentions, AdminUnitRef province,
            Map<String, Builder> byKey) {
        List<EntityMention> persons = mentions.stream().filter(m -> m.kind() == EntityKind.PERSON).toList();
        Map<String, Builder> full = new LinkedHashMap<>();
        for (EntityMention m : persons) {
            boolean endsAnother = persons.stream().anyMatch(o -> Names.wordCount(o.canonical())
                    > Names.wordCount(m.canonical()) && Names.endsWithWords(o.canonical(), m.canonical()));
            if (Names.wordCount(m.canonical()) >= 2 && !endsAnother) {
                full.computeIfAbsent(Names.key(m.canonical()),
                        k -> new Builder(EntityIds.person(m.canonical()), EntityKind.PERSON, m.canonical(), m.start()))
                        .seen(m.text()).roles(m.role(), province);
            }
        }
        for (EntityMention m : persons) {
            if (full.containsKey(Names.key(m.canonical()))) {
                continue;
            }
            Builder target = uniqueEndingWith(full, m.canonical());
            if (target == null) {
                target = byKey.computeIfAbsent("p\n" + Names.key(m.canonical()),
                        k -> new Builder(EntityIds.person(m.canonical()), EntityKind.PERSON, m.canonical(), m.start()));
            }
            target.seen(m.text()).roles(m.role(), province);
        }
        // honorific + given name, which the extractor leaves out when the full name is in the article
        Matcher sm = SHORT_FORM.matcher(text);
        while (sm.find()) {
            if (insidePerson(persons, sm.start(1))) {
                continue;
            }
            String name = sm.group(1);
            Builder target = uniqueEndingWith(full, name);
            if (target == null && Names.wordCount(name) == 2) {
                name = Names.words(name).get(0);
                target = uniqueEndingWith(full, name);
            }
            if (target != null) {
                target.seen(text.substring(sm.start(), sm.start(1)) + name);
            }
        }
        for (Map.Entry<String, Builder> e : full.entrySet()) {
            byKey.put("p\n" + e.getKey(), e.getValue());
        }
    }

    private static boolean insidePerson(List<EntityMention> persons, int offset) {
        for (EntityMention m : persons) {
            if (offset >= m.start() && offset < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** The one full name whose last words are name's words; null when none or several. */
    private static Builder uniqueEndingWith(Map<String, Builder> full, String name) {
        Builder found = null;
        for (Builder b : full.values()) {
            if (Names.wordCount(b.name) > Names.wordCount(name) && Names.endsWithWords(b.name, name)) {
                if (found != null) {
                    return null;
                }
                found = b;
            }
        }
        return found;
    }

    // ---- province of the article

    private AdminUnitRef province(List<EntityMention> mentions, String outlet, LocalDate date) {
        List<AdminUnitRef> provinces = registry.provinces(date);
        if (provinces.isEmpty()) {
            return null;
        }
        if (outlet != null) {
            String o = squash(outlet);
            AdminUnitRef best = null;
            for (AdminUnitRef p : provinces) {
                String n = squash(p.name());
                if (o.contains(n) && (best == null || n.length() > squash(best.name()).length())) {
                    best = p;
                }
            }
            if (best != null) {
                return best;
            }
        }
        Map<AdminUnitRef, Integer> counts = new HashMap<>();
        for (EntityMention m : mentions) {
            if (m.kind() == EntityKind.LOCATION) {
                AdminUnitRef p = provinceNamedBy(m.canonical(), date);
                if (p != null) {
                    counts.merge(p, 1, Integer::sum);
                }
            } else if (m.kind() == EntityKind.ORGANIZATION) {
                for (AdminUnitRef p : provinces) {
                    if (Names.containsWords(m.canonical(), p.name())) {
                        counts.merge(p, 1, Integer::sum);
                    }
                }
            }
        }
        AdminUnitRef top = null;
        int first = 0;
        int second = 0;
        for (Map.Entry<AdminUnitRef, Integer> e : counts.entrySet()) {
            if (e.getValue() > first) {
                second = first;
                first = e.getValue();
                top = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return first >= 2 && first >= 2 * second ? top : null;
    }

    /** The province a location name points to: a province of that name, or the one province all its units lie in. */
    private AdminUnitRef provinceNamedBy(String name, LocalDate date) {
        List<AdminUnitRef> units = registry.find(name, date);
        Set<AdminUnitRef> ps = new LinkedHashSet<>();
        for (AdminUnitRef u : units) {
            if (u.level() == AdminUnitRef.Level.PROVINCE) {
                return u;
            }
            registry.province(u).ifPresent(ps::add);
        }
        return ps.size() == 1 ? ps.iterator().next() : null;
    }

    private static String squash(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : ToneFolding.ALL.fold(s).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- locations

    private AdminUnitRef unitOf(String text, EntityMention m, AdminUnitRef province, LocalDate date) {
        String name = m.canonical();
        String prefix = prefixBefore(text, m.start());
        for (String p : ExtractionLexicon.ADMIN_PREFIXES) {
            if (Names.startsWithWords(name, p) && Names.wordCount(name) > Names.wordCount(p)) {
                prefix = p;
                name = Names.dropWords(name, Names.wordCount(p));
                break;
            }
        }
        Set<AdminUnitRef.Level> levels = levelsOf(prefix);
        List<AdminUnitRef> c = registry.find(name, date).stream().filter(u -> levels.contains(u.level())).toList();
        if (c.isEmpty()) {
            // a unit named after it ceased: "huyện Tuy Phước cũ" in a 2026 article
            c = registry.find(name, null).stream().filter(u -> levels.contains(u.level())).toList();
        }
        if (c.size() > 1 && prefix != null) {
            String written = Names.key(prefix).replace(".", "");
            List<AdminUnitRef> same = c.stream().filter(u -> u.prefix() != null && Names.key(u.prefix()).equals(
                    written.equals("tp") ? "thành phố" : written.equals("tx") ? "thị xã" : written)).toList();
            if (!same.isEmpty()) {
                c = same;
            }
        }
        if (c.size() > 1 && province != null) {
            List<AdminUnitRef> inside = c.stream().filter(u -> u.provinceCode() != null
                    && u.provinceCode().equals(province.code()) && u.id().startsWith(mapOf(province))).toList();
            if (!inside.isEmpty()) {
                c = inside;
            }
        }
        if (c.size() > 1) {
            AdminUnitRef.Level top = c.stream().map(AdminUnitRef::level).min(Comparator.naturalOrder()).orElseThrow();
            c = c.stream().filter(u -> u.level() == top).toList();
        }
        return c.size() == 1 ? c.get(0) : null;
    }

    private static String mapOf(AdminUnitRef u) {
        int colon = u.id().indexOf(':');
        return colon < 0 ? "" : u.id().substring(0, colon + 1);
    }

    /** The administrative prefix written right before offset ("huyện " before "Nam Đàn"), or null. */
    static String prefixBefore(String text, int offset) {
        int end = offset;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        String before = text.substring(Math.max(0, end - 30), end);
        for (String p : ExtractionLexicon.ADMIN_PREFIXES) {
            if (before.length() >= p.length()
                    && Names.key(before.substring(before.length() - p.length())).equals(Names.key(p))) {
                int at = before.length() - p.length();
                if (at == 0 || !Character.isLetter(before.charAt(at - 1))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The levels a unit written after prefix can have (every level when there is no prefix). */
    private static Set<AdminUnitRef.Level> levelsOf(String prefix) {
        if (prefix == null) {
            return java.util.EnumSet.allOf(AdminUnitRef.Level.class);
        }
        return switch (Names.key(prefix).replace(".", "")) {
            case "tỉnh" -> java.util.EnumSet.of(AdminUnitRef.Level.PROVINCE);
            // a centrally-run city or a provincial city (a district before July 2025)
            case "thành phố", "tp" -> java.util.EnumSet.of(AdminUnitRef.Level.PROVINCE, AdminUnitRef.Level.DISTRICT);
            case "huyện", "quận", "thị xã", "tx" -> java.util.EnumSet.of(AdminUnitRef.Level.DISTRICT);
            case "xã", "phường", "thị trấn", "đặc khu" -> java.util.EnumSet.of(AdminUnitRef.Level.COMMUNE);
            default -> java.util.EnumSet.allOf(AdminUnitRef.Level.class);
        };
    }

    private static final class Builder {
        final String id;
        final EntityKind kind;
        final String name;
        final int firstStart;
        final Set<String> surfaces = new LinkedHashSet<>();
        final Set<Role> roles = new LinkedHashSet<>();
        int mentions;
        AdminUnitRef unit;

        Builder(String id, EntityKind kind, String name, int firstStart) {
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.firstStart = firstStart;
        }

        Builder seen(String surface) {
            surfaces.add(surface);
            mentions++;
            return this;
        }

        Builder roles(String role, AdminUnitRef province) {
            roles.addAll(Role.parse(role, province));
            return this;
        }

        ResolvedEntity build(AdminRegistry registry) {
            return new ResolvedEntity(id, kind, name, new ArrayList<>(surfaces), new ArrayList<>(roles), mentions, unit,
                    unit == null ? List.of() : registry.successors(unit));
        }
    }
}
