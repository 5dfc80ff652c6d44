package io.newspipe.devstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.avro.Schema;

/**
 * The registry's content as rebuilt from the {@code _schemas} log. Applying the same log in the same order gives
 * the same state on every instance; a record that contradicts an earlier one (an id or a subject version already
 * taken by another schema, or a schema that already has another id) loses, so concurrent writers from two
 * instances resolve to the first write in log order.
 */
final class RegistryState {

    record Registered(String subject, int version, int id, Schema schema) {
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, NavigableMap<Integer, Integer>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private final CompatibilityLevel defaultLevel;
    private int maxId;

    RegistryState(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    static String canonical(Schema schema) {
        return schema.toString();
    }

    synchronized boolean applySchema(String subject, int version, int id, Schema schema) {
        String canonical = canonical(schema);
        Schema taken = schemasById.get(id);
        if (taken != null && !canonical(taken).equals(canonical)) {
            return false;
        }
        Integer knownId = idsByCanonical.get(canonical);
        if (knownId != null && knownId != id) {
            return false;
        }
        NavigableMap<Integer, Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new TreeMap<>());
        Integer existing = versions.get(version);
        if (existing != null) {
            return existing == id;
        }
        if (versions.containsValue(id)) {
            return false;
        }
        versions.put(version, id);
        schemasById.put(id, schema);
        idsByCanonical.put(canonical, id);
        maxId = Math.max(maxId, id);
        return true;
    }

    synchronized void applyConfig(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    synchronized Schema schemaById(int id) {
        return schemasById.get(id);
    }

    synchronized Integer idOf(Schema schema) {
        return idsByCanonical.get(canonical(schema));
    }

    synchronized int nextId() {
        return maxId + 1;
    }

    synchronized List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        versionsBySubject.forEach((s, v) -> {
            if (!v.isEmpty()) {
                subjects.add(s);
            }
        });
        return subjects;
    }

    synchronized boolean hasSubject(String subject) {
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        return versions != null && !versions.isEmpty();
    }

    synchronized List<Integer> versions(String subject) {
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        return versions == null ? List.of() : new ArrayList<>(versions.keySet());
    }

    /** The given version, or the latest when version is null; null when absent. */
    synchronized Registered version(String subject, Integer version) {
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        Map.Entry<Integer, Integer> entry = version == null ? versions.lastEntry()
                : versions.containsKey(version) ? Map.entry(version, versions.get(version)) : null;
        return entry == null ? null
                : new Registered(subject, entry.getKey(), entry.getValue(), schemasById.get(entry.getValue()));
    }

    /** The version of the subject holding this schema, or null. */
    synchronized Registered find(String subject, Schema schema) {
        Integer id = idsByCanonical.get(canonical(schema));
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (id == null || versions == null) {
            return null;
        }
        for (Map.Entry<Integer, Integer> e : versions.entrySet()) {
            if (e.getValue().equals(id)) {
                return new Registered(subject, e.getKey(), id, schemasById.get(id));
            }
        }
        return null;
    }

    /** The subject's schemas, oldest first. */
    synchronized List<Schema> schemas(String subject) {
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        return versions == null ? List.of() : versions.values().stream().map(schemasById::get).toList();
    }

    synchronized int nextVersion(String subject) {
        NavigableMap<Integer, Integer> versions = versionsBySubject.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel == null ? defaultLevel : globalLevel;
    }

    /** The subject's own level, or null when it has none. */
    synchronized CompatibilityLevel subjectLevel(String subject) {
        return subjectLevels.get(subject);
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        CompatibilityLevel own = subjectLevels.get(subject);
        return own != null ? own : globalLevel();
    }
}
