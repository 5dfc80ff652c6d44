package io.newspipe.serde;

import java.util.List;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API the serde and the tools need.
 * Every method throws {@link SchemaRegistryException} (with the registry's error code) when the registry refuses,
 * and {@link SchemaRegistryUnreachableException} when it cannot be reached after the bounded retries.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (or finds it already there) and returns its global id. Cached. */
    int register(String subject, Schema schema);

    /** The schema with this global id. Cached. Error code 40403 when there is none. */
    Schema getSchemaById(int id);

    /** The latest version of the subject. Not cached: it changes when someone registers. */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    /** The given version of the subject. */
    SchemaMetadata getSchemaMetadata(String subject, int version);

    /** Looks the schema up under the subject without registering it. Cached. Error 40403 when not registered. */
    SchemaMetadata lookup(String subject, Schema schema);

    /** Whether the schema may be registered under the subject (true when the subject does not exist yet). */
    boolean testCompatibility(String subject, Schema schema);

    List<String> getAllSubjects();

    List<Integer> getAllVersions(String subject);

    /** Sets the compatibility level of a subject, or the global one when subject is null. */
    void updateCompatibility(String subject, String level);

    /** The subject's compatibility level (its own, else the global one), or the global one when subject is null. */
    String getCompatibility(String subject);

    /** The base URLs this client talks to, for error messages. */
    List<String> urls();

    @Override
    default void close() {
    }
}
