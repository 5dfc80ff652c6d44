package io.newspipe.devstack.registry;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/** The registry's rules (ids, versions, compatibility) over the Kafka-backed state; no HTTP in here. */
final class SchemaRegistryService {

    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final RegistryState state;
    private final KafkaSchemaStore store;
    private final ReentrantLock writeLock = new ReentrantLock();

    SchemaRegistryService(RegistryState state, KafkaSchemaStore store) {
        this.state = state;
        this.store = store;
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }

    /** Registers (or finds) the schema under the subject and returns its global id. */
    int register(String subject, Schema schema) {
        writeLock.lock();
        try {
            for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
                // See every write other instances made before deciding ids and versions.
                store.barrier();
                RegistryState.Registered existing = state.find(subject, schema);
                if (existing != null) {
                    return existing.id();
                }
                CompatibilityLevel level = state.effectiveLevel(subject);
                List<String> problems = level.violations(schema, state.schemas(subject));
                if (!problems.isEmpty()) {
                    throw incompatible(subject, level, problems);
                }
                Integer known = state.idOf(schema);
                int id = known != null ? known : state.nextId();
                if (store.writeSchema(subject, state.nextVersion(subject), id, schema)) {
                    return id;
                }
                // Another instance wrote first; its record won. Look again.
            }
            throw new RegistryError(500, RegistryError.STORE_ERROR, "Could not register under '" + subject
                    + "' after " + MAX_WRITE_ATTEMPTS + " attempts: other registry instances kept writing first");
        } finally {
            writeLock.unlock();
        }
    }

    RegistryState.Registered lookup(String subject, Schema schema) {
        if (!state.hasSubject(subject)) {
            throw RegistryError.subjectNotFound(subject);
        }
        RegistryState.Registered found = state.find(subject, schema);
        if (found == null) {
            throw RegistryError.schemaNotFound("not registered under subject '" + subject + "'; it is");
        }
        return found;
    }

    Schema schemaById(int id) {
        Schema schema = state.schemaById(id);
        if (schema == null) {
            throw new RegistryError(404, RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<Integer> versions(String subject) {
        if (!state.hasSubject(subject)) {
            throw RegistryError.subjectNotFound(subject);
        }
        return state.versions(subject);
    }

    /** version null = latest. */
    RegistryState.Registered version(String subject, Integer version) {
        if (!state.hasSubject(subject)) {
            throw RegistryError.subjectNotFound(subject);
        }
        RegistryState.Registered found = state.version(subject, version);
        if (found == null) {
            throw RegistryError.versionNotFound(subject, version);
        }
        return found;
    }

    /** Against the latest: the subject's level over all versions (transitive levels look at all of them). */
    List<String> compatibilityProblems(String subject, Integer version, Schema candidate) {
        RegistryState.Registered target = version(subject, version);
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<Schema> against = version == null ? state.schemas(subject) : List.of(target.schema());
        return level.violations(candidate, against);
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    CompatibilityLevel subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return state.effectiveLevel(subject);
    }

    void setLevel(String subject, CompatibilityLevel level) {
        writeLock.lock();
        try {
            store.writeConfig(subject, level);
        } finally {
            writeLock.unlock();
        }
    }

    private static RegistryError incompatible(String subject, CompatibilityLevel level, List<String> problems) {
        return new RegistryError(409, RegistryError.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible"
                + " with an earlier schema for subject \"" + subject + "\" (compatibility " + level + "), details: "
                + problems);
    }
}
