package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's settings table is written from the Setting rows; the rest of the README is left as written. */
class SettingDocsTest {

    @Test
    void givenAStaleSettingsTable_whenGenerated_thenItHasOneRowPerSettingAndTheRestIsKept() {
        String readme = String.join("\n", "# Title", "| flag | environment variable | default | meaning |",
                "|---|---|---|---|", "| `--elsewhere` | x | y | another table before the section |", "",
                SettingDocs.SECTION, "", "Intro.", "", SettingDocs.HEADER, "|---|---|---|---|",
                "| `--input-topics` | `NEWSPIPE_INPUT_TOPICS` | — | removed |", "", "After the table.");

        String generated = SettingDocs.readme(readme);

        assertThat(generated).contains("| `--elsewhere` | x | y |").doesNotContain("--input-topics")
                .endsWith("\n\nAfter the table.");
        assertThat(generated).contains("| `--bootstrap-servers` | `NEWSPIPE_BOOTSTRAP_SERVERS` | `127.0.0.1:9092` | "
                + Setting.BOOTSTRAP_SERVERS.description() + " |");
        assertThat(generated).contains("| `--topic-name LOGICAL=NAME` | `NEWSPIPE_TOPIC_NAMES` |");
        assertThat(generated).contains("| `--http-port` | `NEWSPIPE_HTTP_PORT` | the service's own |");
        assertThat(generated.lines().filter(l -> l.startsWith("| `--"))).hasSize(Setting.values().length + 1);
        assertThat(SettingDocs.readme(generated)).isEqualTo(generated);
    }

    @Test
    void givenNoSettingsSection_whenGenerated_thenTheTextIsUnchanged() {
        String readme = "# Title\n" + SettingDocs.HEADER + "\n|---|\n| a |\n";

        assertThat(SettingDocs.readme(readme)).isEqualTo(readme);
    }
}
