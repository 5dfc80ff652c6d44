package io.newspipe.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.serde.AvroSerdeConfig;
import io.newspipe.serde.RestSchemaRegistryClient;
import io.newspipe.serde.SchemaRegistryException;
import io.newspipe.serde.SchemaRegistryUnreachableException;
import io.newspipe.serde.SubjectNameStrategy;

/**
 * Holds the registry subjects of the public topics ({@link TopicCatalog#PUBLIC}) at {@value #LEVEL}: downstream
 * teams read from the beginning and upgrade on their own schedule, so a new schema must be readable by every
 * released one and read everything they wrote. Set by the service that writes them at start-up, through the
 * registry's REST API ({@code PUT /config/{subject}}), which Confluent's registry and newspipe's embedded one both
 * implement; the subjects follow the configured {@code value.subject.name.strategy}.
 */
public final class PublicSubjects {

    private static final Logger log = LoggerFactory.getLogger(PublicSubjects.class);

    /** Confluent's compatibility level of the public subjects. */
    public static final String LEVEL = "FULL_TRANSITIVE";

    private PublicSubjects() {
    }

    /** The subject of each public topic's values under the configured strategy. */
    public static List<String> subjects(PipelineConfig config) {
        Map<String, Object> serdeConfig = config.serdeConfig();
        SubjectNameStrategy strategy = AvroSerdeConfig.from(serdeConfig).subjectNameStrategy(false);
        List<String> subjects = new ArrayList<>();
        for (Map.Entry<String, Schema> topic : new TopicCatalog(config).publicValueSchemas().entrySet()) {
            subjects.add(strategy.subject(topic.getKey(), false, topic.getValue()));
        }
        return subjects;
    }

    /**
     * Sets {@value #LEVEL} on every public subject and returns them. The registry client retries an unreachable
     * registry a bounded number of times; after that, or when the registry refuses, the service cannot promise
     * its contract and does not start: the error names the subject, the registry and the cause.
     */
    public static List<String> enforce(PipelineConfig config) {
        List<String> subjects = subjects(config);
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                AvroSerdeConfig.from(config.serdeConfig()))) {
            for (String subject : subjects) {
                try {
                    client.updateCompatibility(subject, LEVEL);
                } catch (SchemaRegistryUnreachableException e) {
                    throw new IllegalStateException("Cannot set compatibility " + LEVEL + " on subject '" + subject
                            + "': " + e.getMessage(), e);
                } catch (SchemaRegistryException e) {
                    throw new IllegalStateException("The Schema Registry at " + String.join(",", client.urls())
                            + " refused compatibility " + LEVEL + " on subject '" + subject + "': " + e.getMessage(),
                            e);
                }
            }
        }
        log.info("Compatibility {} set on the public subjects {}", LEVEL, subjects);
        return subjects;
    }
}
