package io.newspipe.serde;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

/**
 * Confluent's three subject-name strategies: under which registry subject a record's schema is registered and
 * looked up. Chosen with {@code value.subject.name.strategy} / {@code key.subject.name.strategy}, by Confluent's
 * class name or its short name, so a client configuration written for Confluent's serde works unchanged.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-value} / {@code <topic>-key}: one schema (and its versions) per topic. Confluent's default. */
    TOPIC_NAME("io.confluent.kafka.serializers.subject.TopicNameStrategy"),
    /** The record's full name: one subject per record type, shared by every topic carrying it. */
    RECORD_NAME("io.confluent.kafka.serializers.subject.RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: several record types per topic, each evolving on its own. */
    TOPIC_RECORD_NAME("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

    private final String confluentClass;

    SubjectNameStrategy(String confluentClass) {
        this.confluentClass = confluentClass;
    }

    /** Confluent's class name, what Confluent's serde takes in the config. */
    public String confluentClass() {
        return confluentClass;
    }

    /** The class name without its package ({@code TopicNameStrategy}), also accepted in the config. */
    public String shortName() {
        return confluentClass.substring(confluentClass.lastIndexOf('.') + 1);
    }

    /** The subject the schema of a record on this topic is registered under. */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> recordName(schema);
            case TOPIC_RECORD_NAME -> topic + "-" + recordName(schema);
        };
    }

    private String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(shortName() + " needs a record schema to name the subject, got a "
                    + schema.getType().getName() + " schema");
        }
        return schema.getFullName();
    }

    /**
     * The strategy a config value names (Confluent's class name, its short name, or the class object itself);
     * a clear error naming the key and the accepted values for anything else. Null means the default, TOPIC_NAME.
     */
    public static SubjectNameStrategy parse(String key, Object value) {
        if (value == null) {
            return TOPIC_NAME;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
        for (SubjectNameStrategy s : values()) {
            if (s.confluentClass.equals(name) || s.shortName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unsupported subject name strategy '" + name + "' in '" + key
                + "': newspipe's serde implements " + Arrays.stream(values())
                .map(s -> s.confluentClass + " (or " + s.shortName() + ")").collect(Collectors.joining(", ")));
    }
}
