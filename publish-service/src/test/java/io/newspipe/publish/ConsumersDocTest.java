package io.newspipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.common.EmptyItemsMarker;

/** docs/consumers.md shows the Java recipe that EmptyItemsIntegrationTest runs, and the marker's real header. */
class ConsumersDocTest {

    private static final Path DOC = Path.of("..", "docs", "consumers.md");
    private static final Path RECIPE = Path.of("src", "test", "java", "io", "newspipe", "publish",
            "JavaConsumerRecipe.java");

    /** The lines between the recipe markers, without the indentation of the class. */
    static List<String> recipeLines(String source) {
        String body = source.substring(source.indexOf("// recipe:start") + "// recipe:start".length(),
                source.indexOf("// recipe:end"));
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The lines of the document's first java block. */
    static List<String> javaBlockLines(String doc) {
        int start = doc.indexOf("```java\n") + "```java\n".length();
        return doc.substring(start, doc.indexOf("```", start)).lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }

    @Test
    void givenTheDocAndTheTestedRecipe_whenCompared_thenTheDocShowsExactlyTheRecipe() throws IOException {
        List<String> recipe = recipeLines(Files.readString(RECIPE, StandardCharsets.UTF_8));

        assertThat(javaBlockLines(Files.readString(DOC, StandardCharsets.UTF_8))).isEqualTo(recipe);
        assertThat(recipe).anySatisfy(l -> assertThat(l).contains("read_committed"));
    }

    @Test
    void givenTheDoc_whenRead_thenItNamesTheMarkerHeadersTheCodeWritesAndEveryToolWithReadCommitted()
            throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(doc).contains(EmptyItemsMarker.REVISION_HEADER).contains(EmptyItemsMarker.COUNT_HEADER);
        for (String section : List.of("## Java", "## Python", "## kcat", "## Kafka Connect", "## Flink SQL",
                "## ksqlDB", "## Spark")) {
            String rest = doc.substring(doc.indexOf(section));
            int next = rest.indexOf("\n## ", 1);
            String body = next < 0 ? rest : rest.substring(0, next);
            assertThat(body).as(section).contains("read_committed").contains("**Cannot**");
        }
    }
}
