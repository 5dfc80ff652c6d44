package io.newspipe.serde;

import org.apache.avro.Schema;

/** One registered version of a subject: its global id, its version within the subject, and the schema. */
public record SchemaMetadata(String subject, int id, int version, Schema schema) {
}
