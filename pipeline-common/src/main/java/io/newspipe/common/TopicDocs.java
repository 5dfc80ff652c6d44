package io.newspipe.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.TopicConfig;

/**
 * Writes the topic configs that the documents state from {@link TopicTable}, so a retention or cleanup change
 * touches only the table: the "cleanup / retention" cell of each row of the README's topic table, and the
 * {@code topicConfiguration} block of each channel's Kafka binding in {@code docs/asyncapi.yaml}; with them the
 * README's settings table ({@link SettingDocs}). Everything else in both files is hand-written and left as it is. Run by the build next to {@link SchemaDocs}; {@code .ci/run}
 * fails when the committed files differ from what it wrote.
 */
public final class TopicDocs {

    private static final long DAY_MS = 24L * 60 * 60 * 1000;
    /** A README topic row: {@code | `news.x.v1` | key | value | cleanup / retention | notes |}. */
    private static final Pattern README_ROW = Pattern.compile("^\\| `([^`]+)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|(.*)$");
    private static final Pattern BINDING_TOPIC = Pattern.compile("^(\\s+)topic: (\\S+)\\s*$");

    private TopicDocs() {
    }

    /** The README cell for a row's cleanup and retention, e.g. {@code delete, 30 days} or {@code **compact**}. */
    public static String readmeCell(TopicTable.Row<?, ?> row) {
        if (row.cleanup().equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            return row.retentionMs() == null ? "**compact**" : "**compact**, " + retention(row.retentionMs());
        }
        return row.retentionMs() == null ? row.cleanup() : row.cleanup() + ", " + retention(row.retentionMs());
    }

    private static String retention(long ms) {
        if (ms == -1) {
            return "`retention.ms=-1` (forever)";
        }
        return ms % DAY_MS == 0 ? ms / DAY_MS + (ms == DAY_MS ? " day" : " days") : "`retention.ms=" + ms + "`";
    }

    /** The README with every contract row's cleanup / retention cell from the table. */
    public static String readme(String text) {
        Map<String, TopicTable.Row<?, ?>> rows = contractRows();
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            Matcher m = README_ROW.matcher(line);
            TopicTable.Row<?, ?> row = m.matches() ? rows.get(m.group(1)) : null;
            if (row != null) {
                line = "| `" + m.group(1) + "` |" + m.group(2) + "|" + m.group(3) + "| " + readmeCell(row) + " |"
                        + m.group(5);
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * The AsyncAPI document with each Kafka binding's {@code topicConfiguration} (the lines under it, which must be
     * more indented) replaced by the table's configs for the binding's {@code topic}.
     */
    public static String asyncApi(String text) {
        Map<String, TopicTable.Row<?, ?>> rows = contractRows();
        List<String> lines = List.of(text.split("\n", -1));
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            Matcher m = BINDING_TOPIC.matcher(line);
            if (!m.matches() || !rows.containsKey(m.group(2)) || i + 1 >= lines.size()
                    || !lines.get(i + 1).equals(m.group(1) + "topicConfiguration:")) {
                continue;
            }
            String indent = m.group(1);
            out.add(lines.get(++i));
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith(indent + "  ")) {
                i++; // the old block
            }
            rows.get(m.group(2)).configs().forEach((key, value) -> out.add(indent + "  " + key + ": "
                    + (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG) ? "[" + value + "]" : value)));
        }
        return String.join("\n", out);
    }

    private static Map<String, TopicTable.Row<?, ?>> contractRows() {
        Map<String, TopicTable.Row<?, ?>> rows = new LinkedHashMap<>();
        TopicTable.all().stream().filter(TopicTable.Row::isContract).forEach(r -> rows.put(r.defaultName(), r));
        return rows;
    }

    /**
     * Rewrites README.md (topic cells and settings table) and docs/asyncapi.yaml under the repository root, each only
     * when its content changed.
     */
    public static void write(Path repoRoot) throws IOException {
        rewrite(repoRoot.resolve("README.md"), text -> SettingDocs.readme(readme(text)));
        rewrite(repoRoot.resolve("docs/asyncapi.yaml"), TopicDocs::asyncApi);
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<String> generator) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String generated = generator.apply(text);
        if (!generated.equals(text)) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
    }

    /** {@code TopicDocs REPO_ROOT}: what the build runs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TopicDocs REPO_ROOT (rewrites the topic configs README.md and "
                    + "docs/asyncapi.yaml state, from TopicTable)");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}
