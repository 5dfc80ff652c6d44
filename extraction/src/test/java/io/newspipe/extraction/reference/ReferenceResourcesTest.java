package io.newspipe.extraction.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.TextNormalizer;

/** The resource files themselves: headers, form of the text, order. */
class ReferenceResourcesTest {

    /** The main resources' directory (the package's directory name alone would find the test classes'). */
    private static Path dir() throws URISyntaxException {
        URL url = ReferenceResourcesTest.class.getResource(ReferenceData.DIR + ReferenceData.FILES.get(0));
        assertThat(url).as("reference resources on the test classpath").isNotNull();
        return Path.of(url.toURI()).getParent();
    }

    /** Every file of the package's resources (the classes of the package compile into the same directory). */
    private static List<String> filesInDirectory() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".class")).sorted().toList();
        }
    }

    @Test
    void everyResourceNamesItsSourceAndLicenceAndIsPartOfTheVersion() throws Exception {
        List<String> files = filesInDirectory();
        assertThat(files).containsExactlyInAnyOrderElementsOf(ReferenceData.FILES);
        for (String f : files) {
            List<String> header = Files.readAllLines(dir().resolve(f), StandardCharsets.UTF_8).stream()
                    .takeWhile(l -> l.startsWith("#")).toList();
            assertThat(header).as(f).anyMatch(l -> l.startsWith("# source: ") && l.length() > 30);
            assertThat(header).as(f).anyMatch(l -> l.startsWith("# licence: ") && l.length() > 20);
            assertThat(header).as(f).anyMatch(l -> l.startsWith("# columns: "));
        }
    }

    @Test
    void aResourceWithoutSourceOrLicenceIsRejectedByName() {
        String noLicence = "# source: somewhere\n# columns: a, b\nx\ty\n";
        assertThatThrownBy(() -> Tsv.parse("made-up.tsv", noLicence)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made-up.tsv").hasMessageContaining("licence:");
        String noSource = "# licence: MIT\n# columns: a\nx\n";
        assertThatThrownBy(() -> Tsv.parse("other.tsv", noSource)).hasMessageContaining("other.tsv").hasMessageContaining("source:");
        String shortRow = "# source: s\n# licence: l\n# columns: a, b\nx\ty\nz\n";
        assertThatThrownBy(() -> Tsv.parse("rows.tsv", shortRow)).hasMessageContaining("rows.tsv line 5");
    }

    @Test
    void textIsNfcInTheExtractorsToneStyleWithoutStraySpaces() throws Exception {
        List<String> wrong = new ArrayList<>(); // one assertion over ~100,000 fields: AssertJ per field took seconds
        for (String f : ReferenceData.FILES) {
            String text = Files.readString(dir().resolve(f), StandardCharsets.UTF_8);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(f).isTrue();
            for (String[] row : Tsv.read(f).rows()) {
                for (String field : row) {
                    if (!field.equals(TextNormalizer.normalize(field)) || !field.equals(field.strip()) || field.contains("  ")) {
                        wrong.add(f + ": '" + field + "'");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void generatedTablesAreSortedSoThatRegenerationGivesTheSameBytes() {
        Comparator<String[]> byLevelThenCode = Comparator.comparing((String[] r) -> "PDC".indexOf(r[1])).thenComparing(r -> r[0]);
        for (AdminMap map : AdminMap.values()) {
            List<String[]> rows = Tsv.read(map.file()).rows();
            assertThat(rows).as(map.file()).isSortedAccordingTo(byLevelThenCode);
        }
        List<String[]> countries = Tsv.read(ReferenceData.COUNTRIES).rows();
        assertThat(countries).isSortedAccordingTo(Comparator.comparing((String[] r) -> r[0]));
        List<String> successionOrder = new ArrayList<>();
        Tsv.read(ReferenceData.SUCCESSION).rows().forEach(r -> successionOrder.add(r[0]));
        assertThat(successionOrder).containsExactlyElementsOf(
                Tsv.read(AdminMap.VN63.file()).rows().stream().map(r -> r[0]).toList());
    }

    @Test
    void theVersionNamesTheLabelAndFollowsTheContent() {
        assertThat(ReferenceData.version()).startsWith(ReferenceData.LABEL + "+").hasSize(ReferenceData.LABEL.length() + 13);
        assertThat(ReferenceData.version()).endsWith(ReferenceData.contentHash().substring(0, 12));
    }
}
