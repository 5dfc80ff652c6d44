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
 * Released schemas are a promise to downstream consumers, who read from the beginning and upgrade on their own
 * schedule: the current schema of every subject must be FULL_TRANSITIVE with each released version kept under
 * {@code src/test/resources/released/<subject>/vN.avsc} — it reads data written with any of them (backward), and
 * each of them reads data written with it (forward) — and no released schema may disappear. A new field with a
 * default passes; removing a field, adding one without a default or changing a type fails. To release, copy the
 * subject's registered schema (docs/schemas/&lt;subject&gt;.avsc) to the next {@code vN.avsc}.
 */
class SchemaEvolutionGuardTest {

    private static final Path RELEASED = Path.of("src", "test", "resources", "released");
    private static final List<Class<?>> PUBLISHED = List.of(RawArticle.class, EnrichedArticle.class,
            PublishedArticle.class, AwardItem.class, KpiItem.class, EntityItem.class, Story.class, PersonRoles.class);

    record Released(String subject, Path file, Schema schema) {
    }

    private static List<Released> released() throws IOException {
        List<Released> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RELEASED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                out.add(new Released(file.getParent().getFileName().toString(), file,
                        new Schema.Parser().parse(Files.readString(file))));
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

    /** Why {@code candidate} is not FULL compatible with {@code released} (both directions); empty when it is. */
    static List<String> fullCompatibilityProblems(Schema candidate, Schema released) {
        List<String> problems = new ArrayList<>();
        collect(SchemaCompatibility.checkReaderWriterCompatibility(candidate, released),
                "the current schema cannot read data written with the released one (backward)", problems);
        collect(SchemaCompatibility.checkReaderWriterCompatibility(released, candidate),
                "a reader with the released schema cannot read data written with the current one (forward)", problems);
        return problems;
    }

    private static void collect(SchemaCompatibility.SchemaPairCompatibility result, String direction,
            List<String> problems) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(i -> problems.add(direction + ": " + i.getType()
                    + " at " + i.getLocation() + ": " + i.getMessage()));
        }
    }

    @Test
    void givenTheReleasedSchemas_whenLoaded_thenThereAreSomeForEveryPublishedRecord() throws IOException {
        List<String> names = released().stream().map(r -> r.schema().getFullName()).toList();

        assertThat(names).containsAll(PUBLISHED.stream().map(Class::getName).toList());
    }

    @Test
    void givenEachSubjectDirectory_whenListed_thenItsVersionsAreNumberedFromOneWithoutGaps() throws IOException {
        Map<String, List<String>> versions = new java.util.TreeMap<>();
        released().forEach(r -> versions.computeIfAbsent(r.subject(), s -> new ArrayList<>())
                .add(r.file().getFileName().toString()));

        versions.forEach((subject, files) -> {
            List<String> expected = new ArrayList<>();
            for (int v = 1; v <= files.size(); v++) {
                expected.add("v" + v + ".avsc");
            }
            assertThat(files).as(subject).containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(versions).isNotEmpty();
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
    void givenEachReleasedVersion_whenComparedWithTheCurrentSchemaBothWays_thenItIsFullyCompatible()
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<Released> all = released();
        for (Released r : all) {
            Schema current = current(r.schema().getFullName());
            if (current != null) {
                fullCompatibilityProblems(current, r.schema()).forEach(p -> problems.add(r.file() + ": " + p));
            }
        }

        assertThat(problems).as("current schemas not FULL_TRANSITIVE with the released versions").isEmpty();
        assertThat(all).hasSizeGreaterThanOrEqualTo(PUBLISHED.size());
    }

    // ------------------------------------------------------------------ the guard can fail, and lets additions pass

    private static Schema releasedPublishedArticle() throws IOException {
        return new Schema.Parser().parse(Files.readString(RELEASED.resolve("news.published.v1-value/v1.avsc")));
    }

    /** The released PublishedArticle with its "fields" array rewritten by {@code edit}. */
    private static Schema edited(Schema released, java.util.function.UnaryOperator<String> edit) {
        return new Schema.Parser().parse(edit.apply(released.toString()));
    }

    @Test
    void givenANewFieldWithADefault_whenChecked_thenItPassesBothWays() throws IOException {
        Schema released = releasedPublishedArticle();
        Schema withStoryId = edited(released, s -> s.replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"storyId\",\"type\":[\"null\",\"string\"],\"default\":null},"));

        assertThat(fullCompatibilityProblems(withStoryId, released)).isEmpty();
    }

    @Test
    void givenARemovedFieldWithoutDefault_whenChecked_thenOldReadersAreReportedBroken() throws IOException {
        Schema released = releasedPublishedArticle();
        Schema withoutFingerprint = edited(released, s -> s.replaceFirst(
                "\\{\"name\":\"contentFingerprint\",\"type\":\\{\"type\":\"string\",\"avro.java.string\":\"String\"\\},"
                        + "\"doc\":\"[^\"]*\"\\},", ""));

        assertThat(withoutFingerprint.getField("contentFingerprint")).isNull();
        assertThat(fullCompatibilityProblems(withoutFingerprint, released))
                .anySatisfy(p -> assertThat(p).contains("forward").contains("contentFingerprint"));
    }

    @Test
    void givenAChangedFieldType_whenChecked_thenItFails() throws IOException {
        Schema released = releasedPublishedArticle();
        Schema revisionAsString = edited(released, s -> s.replace("{\"name\":\"revision\",\"type\":\"int\"",
                "{\"name\":\"revision\",\"type\":\"string\""));

        assertThat(revisionAsString.getField("revision").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(fullCompatibilityProblems(revisionAsString, released)).isNotEmpty();
    }

    @Test
    void givenAnEnumSymbolAddedWithoutADefaultInTheOldReader_whenChecked_thenItFailsForward() {
        Schema old = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");
        Schema added = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\"],"
                + "\"default\":\"A\"}");

        assertThat(fullCompatibilityProblems(added, old)).anySatisfy(p -> assertThat(p).contains("forward"));
    }

    @Test
    void givenTheCurrentEnums_whenInspected_thenEachHasTheUnknownDefault() {
        Schema type = Entity.getClassSchema().getField("type").schema();

        assertThat(type.getEnumSymbols()).contains("UNKNOWN");
        assertThat(type.getEnumDefault()).isEqualTo("UNKNOWN");
    }

    @Test
    void givenAWriterWithASymbolTheReaderLacks_whenReadWithTheCurrentEnum_thenItBecomesUnknown() throws IOException {
        Schema current = Entity.getClassSchema().getField("type").schema();
        Schema future = new Schema.Parser().parse(current.toString().replace("\"UNKNOWN\"]", "\"UNKNOWN\",\"EVENT\"]"));
        var out = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.generic.GenericDatumWriter<Object>(future).write(
                new org.apache.avro.generic.GenericData.EnumSymbol(future, "EVENT"), encoder);
        encoder.flush();

        Object read = new org.apache.avro.generic.GenericDatumReader<Object>(future, current).read(null,
                org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read).hasToString("UNKNOWN");
    }

    // ------------------------------------------------------------------ docs

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
}
