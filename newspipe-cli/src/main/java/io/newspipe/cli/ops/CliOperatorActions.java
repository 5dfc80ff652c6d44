package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.PipelineConfig;
import io.newspipe.console.OperatorActions;
import picocli.CommandLine;

/**
 * The console's dead-letter and replay actions, done by the command-line commands themselves ({@code dlq list},
 * {@code dlq replay}, {@code replay}) run in this JVM with the console's connection settings as flags: one code path
 * for the terminal and the browser. What a command prints becomes the run's output; its progress bar (stderr, redrawn
 * with {@code \r}) becomes the run's progress line.
 */
public final class CliOperatorActions implements OperatorActions {

    /** Output kept per run; a verbose run over many articles is cut here (the counts come first). */
    static final int MAX_OUTPUT_CHARS = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> connection;

    public CliOperatorActions(PipelineConfig config) {
        this.connection = connectionFlags(config);
    }

    /** The flags that point a command at the console's Kafka and topic names. */
    static List<String> connectionFlags(PipelineConfig config) {
        List<String> flags = new ArrayList<>(List.of("--bootstrap-servers", config.bootstrapServers()));
        for (Map.Entry<String, String> e : config.topicNames().entrySet()) {
            flags.add("--topic-name");
            flags.add(e.getKey() + "=" + e.getValue());
        }
        for (Map.Entry<String, String> e : config.extraConfig().entrySet()) {
            flags.add("--config");
            flags.add(e.getKey() + "=" + e.getValue());
        }
        return flags;
    }

    @Override
    public List<DeadLetterRow> deadLetters(int max) {
        Outcome o = run(new DlqCommand(), List.of("list", "--format", "json", "--max", String.valueOf(max)), s -> { });
        if (!o.ok()) {
            throw new ActionFailedException(o.errors().strip());
        }
        try {
            List<DeadLetterRow> rows = new ArrayList<>();
            for (JsonNode n : JSON.readTree(o.output())) {
                rows.add(new DeadLetterRow(text(n, "topic"), n.get("partition").asInt(), n.get("offset").asLong(),
                        text(n, "key"), text(n, "stage"), text(n, "kind"), text(n, "reason"), text(n, "message"),
                        text(n, "exception"), text(n, "originTopic"),
                        n.path("originPartition").isNumber() ? n.get("originPartition").asInt() : null,
                        n.path("originOffset").isNumber() ? n.get("originOffset").asLong() : null,
                        text(n, "failedAt"), n.path("redriven").asBoolean(), text(n, "redrivenTo")));
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new ActionFailedException("dlq list printed something that is not its JSON: " + e.getMessage());
        }
    }

    @Override
    public Outcome redrive(RedriveRequest request, Consumer<String> progress) {
        List<String> args = new ArrayList<>(List.of("replay", "--verbose"));
        if (!request.ids().isEmpty()) {
            args.add("--ids");
            args.add(String.join(",", request.ids()));
        }
        if (request.stage() != null) {
            args.add("--stage");
            args.add(request.stage());
        }
        if (request.dryRun()) {
            args.add("--dry-run");
        }
        return run(new DlqCommand(), args, progress);
    }

    @Override
    public Outcome replay(ReplayRequest request, Consumer<String> progress) {
        List<String> args = new ArrayList<>(List.of("--verbose"));
        if (request.from() != null) {
            args.add("--from");
            args.add(request.from());
        }
        if (request.to() != null) {
            args.add("--to");
            args.add(request.to());
        }
        if (!request.ids().isEmpty()) {
            args.add("--ids");
            args.add(String.join(",", request.ids()));
        }
        if (request.dryRun()) {
            args.add("--dry-run");
        }
        return run(new ReplayCommand(), args, progress);
    }

    @Override
    public String timeFormats() {
        return TimeArgument.FORMATS;
    }

    private Outcome run(Object command, List<String> args, Consumer<String> progress) {
        StringWriter out = new StringWriter();
        CappedWriter outCapped = new CappedWriter(out);
        ProgressLines err = new ProgressLines(progress);
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(outCapped, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(args);
        all.addAll(connection);
        int code = cmd.execute(all.toArray(String[]::new));
        return new Outcome(code, out.toString() + (outCapped.cut ? "\n… (output cut at " + MAX_OUTPUT_CHARS
                + " characters)" : ""), err.messages());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Keeps at most {@link #MAX_OUTPUT_CHARS}: bounded memory whatever a verbose run prints. */
    private static final class CappedWriter extends Writer {
        private final StringWriter target;
        boolean cut;

        CappedWriter(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            int room = MAX_OUTPUT_CHARS - target.getBuffer().length();
            if (room < len) {
                cut = true;
            }
            target.write(buf, off, Math.max(0, Math.min(room, len)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * stderr of a command: progress bar redraws ({@code \r...}) go to the progress consumer as they come; other
     * lines (errors, "skipped ...") are kept as the run's messages, with the final state of each bar.
     */
    private static final class ProgressLines extends Writer {
        private final Consumer<String> progress;
        private final StringBuilder line = new StringBuilder();
        private final StringBuilder messages = new StringBuilder();

        ProgressLines(Consumer<String> progress) {
            this.progress = progress;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\r') {
                    publish();
                    line.setLength(0);
                } else if (c == '\n') {
                    publish();
                    if (!line.toString().isBlank() && messages.length() < MAX_OUTPUT_CHARS) {
                        messages.append(line.toString().strip()).append('\n');
                    }
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
            publish();
        }

        private void publish() {
            String s = line.toString().strip();
            if (!s.isEmpty()) {
                progress.accept(s);
            }
        }

        synchronized String messages() {
            return messages.toString() + line;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
