package io.newspipe.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the README's table of the services' shared settings from {@link Setting}, so a setting's flag, environment
 * variable, default and help are written once. The table is the first one with the header {@link #HEADER} after the
 * heading {@link #SECTION}; the rest of the README is left as it is. Run by the build through {@link TopicDocs}.
 */
public final class SettingDocs {

    static final String SECTION = "## Configuration of the services";
    static final String HEADER = "| flag | environment variable | default | meaning |";

    private SettingDocs() {
    }

    /** One table row. */
    static String row(Setting setting) {
        String flag = setting.isMap() ? setting.flag() + " " + setting.paramLabel() : setting.flag();
        String def = setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : setting.defaultText();
        return "| `" + flag + "` | `" + setting.environmentVariable() + "` | " + def + " | " + setting.description()
                + " |";
    }

    /** The README with the settings table rewritten; unchanged when the section or its table is missing. */
    public static String readme(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int section = lines.indexOf(SECTION);
        int header = section < 0 ? -1 : lines.subList(section, lines.size()).indexOf(HEADER);
        if (header < 0) {
            return text;
        }
        int first = section + header + 2; // after the header and its |---| line
        int end = first;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        List<String> rows = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            rows.add(row(setting));
        }
        lines.subList(first, end).clear();
        lines.addAll(first, rows);
        return String.join("\n", lines);
    }
}
