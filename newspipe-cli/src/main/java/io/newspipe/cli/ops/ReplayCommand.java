package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./newspipe replay}: re-enrich the articles of a time window and/or a set of ids, without stopping anything.
 *
 * <p>Reads news.raw.v1 (never written to: it stays the source of truth) from the first record at {@code --from} to
 * the end offsets captured at start, selects articles (see {@link ReplaySelection}) and copies the latest raw record of
 * each to news.replay.v1, which enrich reads beside news.raw.v1. Key, value bytes and headers are copied unchanged,
 * plus {@value #HEADER_REQUESTED_AT}. Publish makes a new revision only when the enriched content changes, so articles
 * the extractor now reads the same way publish nothing new downstream.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-enrich articles: copy raw records of a time window and/or ids from news.raw.v1 to "
                + "news.replay.v1, where enrich reads them again. Unchanged articles publish no new revision.",
            "",
            TimeArgument.FORMATS + ".",
            "",
            "Each selected article is sent once, at its latest raw version. Without --to the scan stops at the end "
                    + "of news.raw.v1 as it was when the command started.",
            "",
            "Examples:",
            "  ./newspipe replay --from -2h",
            "  ./newspipe replay --from 2024-01-12T00:00:00Z --to 2024-01-13T00:00:00Z",
            "  ./newspipe replay --ids a1b2,c3d4",
            "  ./newspipe replay --from -1d --dry-run --verbose",
            ""})
public final class ReplayCommand implements Callable<Integer> {

    /** When the replay was asked for (ISO-8601 instant), added to every copied record. */
    public static final String HEADER_REQUESTED_AT = "newspipe.replay.requested-at";

    @Option(names = "--from", paramLabel = "TIME", description = "First record timestamp to replay (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Last record timestamp to replay (inclusive). Default: the end of the topic when the "
                    + "command starts.")
    String to;

    @Option(names = "--ids", paramLabel = "ID", split = ",",
            description = "Only these article ids. Without --from: these ids anywhere in news.raw.v1.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--dry-run", description = "Count (and with --verbose list) the articles; send nothing.")
    boolean dryRun;

    @Option(names = {"-v", "--verbose"}, description = "List the replayed article ids.")
    boolean verbose;

    @Mixin
    OperatorOptions connection;

    @Spec
    CommandSpec spec;

    /** Tests fix the clock and zone; the command uses the machine's. */
    Clock clock = Clock.systemUTC();
    ZoneId zone = ZoneId.systemDefault();
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        ReplaySelection selection = selection();
        PipelineConfig config = connection.toConfig(env);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(config, selection, out, err);
        } catch (OperatorException | TopicReader.ReadException e) {
            err.println("newspipe replay: " + e.getMessage());
            return 1;
        }
    }

    private ReplaySelection selection() {
        if (from == null && ids.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "replay needs --from TIME (a time window) or --ids ID,... (articles); see --help");
        }
        if (from == null && to != null) {
            throw new ParameterException(spec.commandLine(), "--to needs --from");
        }
        Instant fromInstant = from == null ? null : time("--from", from);
        Instant toInstant = to == null ? null : time("--to", to);
        Set<String> idSet = new LinkedHashSet<>();
        ids.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(idSet::add);
        if (!ids.isEmpty() && idSet.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--ids is empty");
        }
        try {
            return new ReplaySelection(fromInstant, toInstant, idSet);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant time(String option, String text) {
        try {
            return TimeArgument.parse(text, clock, zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private int run(PipelineConfig config, ReplaySelection selection, PrintWriter out, PrintWriter err) {
        String rawTopic = config.topicName(TopicNames.LOGICAL_RAW);
        String replayTopic = config.topicName(TopicNames.LOGICAL_REPLAY);
        ProgressBar scanBar = new ProgressBar(err, "scan");
        ProgressBar sendBar = new ProgressBar(err, "send");
        ArticleReplay.Result result = new ArticleReplay(config, clock).run(selection, dryRun,
                new ArticleReplay.Progress() {
                    @Override
                    public void scanned(double fraction, long scanned, int selected) {
                        if (fraction >= 1.0) {
                            scanBar.finish(1.0, "scanned " + scanned + ", selected " + selected);
                        } else {
                            scanBar.update(fraction, "scanned " + scanned + ", selected " + selected);
                        }
                    }

                    @Override
                    public void sent(double fraction, long sent, int total) {
                        if (fraction >= 1.0) {
                            sendBar.finish(1.0, "sent " + sent + " of " + total);
                        } else {
                            sendBar.update(fraction, "sent " + sent + " of " + total);
                        }
                    }
                });
        List<String> selected = result.selectedIds();
        String what = describe(selection, rawTopic);
        if (dryRun) {
            out.println("Dry run: would replay " + selected.size() + " article" + (selected.size() == 1 ? "" : "s")
                    + " (" + what + ", " + result.scanned() + " raw records scanned) to " + replayTopic
                    + "; nothing sent.");
        } else if (selected.isEmpty()) {
            out.println("Nothing to replay: no article matched (" + what + ", " + result.scanned()
                    + " raw records scanned).");
            return 0;
        } else {
            long sent = result.sent();
            out.println("Replayed " + sent + " article" + (sent == 1 ? "" : "s") + " (" + what + ", "
                    + result.scanned() + " raw records scanned) from " + rawTopic + " to " + replayTopic
                    + ", requested at " + result.requestedAt() + ".");
        }
        if (verbose) {
            selected.forEach(out::println);
        }
        return 0;
    }

    private static String describe(ReplaySelection selection, String rawTopic) {
        List<String> parts = new ArrayList<>();
        selection.from().ifPresent(f -> parts.add("from " + f));
        selection.to().ifPresent(t -> parts.add("to " + t));
        if (selection.from().isEmpty()) {
            parts.add("all of " + rawTopic);
        }
        if (!selection.ids().isEmpty()) {
            parts.add(selection.ids().size() + " id" + (selection.ids().size() == 1 ? "" : "s") + " asked for");
        }
        return String.join(", ", parts);
    }

}
