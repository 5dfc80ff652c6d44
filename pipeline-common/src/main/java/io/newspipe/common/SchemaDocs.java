package io.newspipe.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * Writes {@code docs/schemas/<topic>-value.avsc}: one self-contained schema per Avro topic (every named type
 * inlined), exactly the schema the serde registers under the topic's subject, so tools that take a single schema
 * file (Spark's from_avro, Python, AsyncAPI tooling) can use it. Run by the build (pipeline-common's
 * process-classes phase), so a schema change touches only the {@code .avsc} under schemas/; the files are
 * committed so readers of the repository see them.
 */
public final class SchemaDocs {

    private SchemaDocs() {
    }

    /** File name -> content, for the default topic names (TopicNameStrategy subjects). */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        new TopicCatalog(PipelineConfig.builder().build()).valueSchemas()
                .forEach((topic, schema) -> files.put(fileName(topic), content(schema)));
        return files;
    }

    /** {@code <topic>-value.avsc}: the subject's name. */
    public static String fileName(String topic) {
        return topic + "-value.avsc";
    }

    static String content(Schema schema) {
        return schema.toString(true) + "\n";
    }

    /** Writes the files into the directory, rewriting only those whose content changed. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** {@code SchemaDocs DIR}: what the build runs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchemaDocs DIR (writes DIR/<topic>-value.avsc for every Avro topic)");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}
