package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Released schemas are a promise to downstream consumers: every released version under {@code src/released/vN}
 * must stay readable by the current schema (BACKWARD_TRANSITIVE, reader = current, writer = each release), and
 * no released schema may disappear. To release, copy the current schemas into a new {@code src/released/vN}.
 */
class SchemaEvolutionGuardTest {

    private static final Path RELEASED = Path.of("src", "released");
    private static final String PACKAGE = "io.newspipe.schemas.";
    private static final List<Class<?>> PUBLISHED = List.of(RawArticle.class, EnrichedArticle.class,
            PublishedArticle.class, AwardItem.class, KpiItem.class, EntityItem.class);

    record Released(Path file, Schema schema) {
    }

    private static List<Released> released() throws IOException {
        List<Released> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RELEASED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                out.add(new Released(file, new Schema.Parser().parse(Files.readString(file))));
            }
        }
        return out;
    }

    private static Schema current(String fullName) {
        try {
            return (Schema) Class.forName(fullName).getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @Test
    void givenTheReleasedSchemas_whenLoaded_thenThereAreSomeForEveryPublishedRecord() throws IOException {
        List<String> names = released().stream().map(r -> r.schema().getFullName()).toList();

        assertThat(names).containsAll(PUBLISHED.stream().map(Class::getName).toList());
    }

    @Test
    void givenEachReleasedSchema_whenLookingForTheCurrentOne_thenItStillExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Released r : released()) {
            if (current(r.schema().getFullName()) == null) {
                missing.add(r.file() + " (" + r.schema().getFullName() + ")");
            }
        }

        assertThat(missing).as("released schemas without a current counterpart").isEmpty();
    }

    @Test
    void givenEachReleasedSchema_whenReadByTheCurrentSchema_thenItIsCompatible() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Released r : released()) {
            Schema current = current(r.schema().getFullName());
            if (current == null) {
                continue;
            }
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, r.schema());
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                result.getResult().getIncompatibilities().forEach(i -> problems.add(r.file() + ": " + i.getType()
                        + " at " + i.getLocation() + ": " + i.getMessage()));
            }
        }

        assertThat(problems).as("current schemas that cannot read released data (BACKWARD_TRANSITIVE)").isEmpty();
    }

    @Test
    void givenTheCurrentSchemas_whenInspected_thenEveryRecordEnumAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        for (Class<?> type : PUBLISHED) {
            collectUndocumented(current(type.getName()), seen, undocumented);
        }

        assertThat(undocumented).as("schema elements without a doc").isEmpty();
        assertThat(seen).isNotEmpty();
    }

    private static void collectUndocumented(Schema schema, Map<Schema, Boolean> seen, List<String> out) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (blank(schema.getDoc())) {
                    out.add("record " + schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (blank(field.doc())) {
                        out.add("field " + schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), seen, out);
                }
            }
            case ENUM -> {
                if (blank(schema.getDoc())) {
                    out.add("enum " + schema.getFullName());
                }
            }
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, out);
            case MAP -> collectUndocumented(schema.getValueType(), seen, out);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, seen, out));
            default -> {
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Test
    void givenAReleasedSchemaAndAnIncompatibleChange_whenChecked_thenTheGuardWouldFail() throws IOException {
        // The guard itself must be able to fail: a required field added without a default breaks old data.
        Schema released = new Schema.Parser().parse(Files.readString(RELEASED.resolve("v1/RawArticle.avsc")));
        String broken = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNew\",\"type\":\"int\"},");

        var result = SchemaCompatibility.checkReaderWriterCompatibility(new Schema.Parser().parse(broken), released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(PACKAGE + "RawArticle").isEqualTo(released.getFullName());
    }
}
