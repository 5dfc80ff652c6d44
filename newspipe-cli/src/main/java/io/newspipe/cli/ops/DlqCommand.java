package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicReader;
import io.newspipe.extraction.Extractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./newspipe dlq list|replay}: look at dead letters and send them back after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Dead letters (news.dlq.v1): list them, re-drive them after a fix.",
        subcommands = {DlqCommand.ListDeadLetters.class, DlqCommand.ReplayDeadLetters.class})
public final class DlqCommand implements Runnable {

    /** Added to a re-driven record: the dead letter it came from ({@code news.dlq.v1-0@12}). */
    public static final String HEADER_REPLAYED_FROM = DeadLetterRedrive.HEADER_REPLAYED_FROM;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ParameterException(spec.commandLine(), "dlq needs a command: list or replay");
    }

    /** Options both subcommands share. */
    static final class LedgerOption {
        @Option(names = "--redriven-topic", paramLabel = "TOPIC",
                description = "Compacted topic recording which dead letters were re-driven. Default: ${DEFAULT-VALUE}.")
        String topic = RedriveLedger.DEFAULT_TOPIC;
    }

    enum Format { table, json }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Show dead letters, newest last: key, stage, kind, reason, exception, where the record "
                    + "was read, when it failed, and whether it was re-driven.",
                "",
                "Examples:",
                "  ./newspipe dlq list",
                "  ./newspipe dlq list --max 5 --format json",
                ""})
    static final class ListDeadLetters implements Callable<Integer> {

        @Option(names = "--max", paramLabel = "N", description = "Show at most the N newest. Default: 50.")
        int max = 50;

        @Option(names = "--format", paramLabel = "table|json", description = "Output format. Default: table.")
        Format format = Format.table;

        @Mixin
        LedgerOption ledger;

        @Mixin
        OperatorOptions connection;

        @Spec
        CommandSpec spec;

        Map<String, String> env = System.getenv();

        @Override
        public Integer call() {
            if (max < 1) {
                throw new ParameterException(spec.commandLine(), "--max must be at least 1, got " + max);
            }
            PipelineConfig config = connection.toConfig(env);
            PrintWriter out = spec.commandLine().getOut();
            try (TopicReader reader = new TopicReader(config, "newspipe-dlq-list")) {
                String dlqTopic = config.errorTopic();
                List<DeadLetter> letters = new ArrayList<>();
                long[] total = new long[1];
                reader.read(reader.whole(dlqTopic), r -> {
                    total[0]++;
                    letters.add(DeadLetter.of(r));
                    if (letters.size() > max) {
                        letters.remove(0);
                    }
                }, f -> { });
                Map<String, String> marks = RedriveLedger.read(reader, ledger.topic);
                if (format == Format.json) {
                    DeadLetterFormat.json(out, letters, marks);
                } else {
                    DeadLetterFormat.table(out, letters, marks);
                    out.println(letters.size() < total[0]
                            ? "(" + letters.size() + " newest of " + total[0] + " in " + dlqTopic + "; --max N for more)"
                            : "(" + total[0] + " dead letter" + (total[0] == 1 ? "" : "s") + " in " + dlqTopic + ")");
                }
                return 0;
            } catch (OperatorException | TopicReader.ReadException e) {
                spec.commandLine().getErr().println("newspipe dlq list: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Send dead letters back after a fix: those read from news.raw.v1 or news.replay.v1 go "
                    + "to news.replay.v1 (enrich again), those read from news.enriched.v1 go back to "
                    + "news.enriched.v1 (publish again). Original key, value and headers, without the error headers, "
                    + "plus " + DeadLetterRedrive.HEADER_REPLAYED_FROM + ", " + DeadLetterRedrive.HEADER_FIX + " and "
                    + DeadLetterRedrive.HEADER_ATTEMPT + ". Each dead letter is re-driven once (recorded in "
                    + "--redriven-topic, in the same transaction); one that fails again after a re-drive waits for "
                    + "the next fix (--fix) instead of being re-driven by every run. Safe to run twice at once: "
                    + "each partition of the dead-letter topic is claimed by one run.",
                "",
                "Examples:",
                "  ./newspipe dlq replay --dry-run",
                "  ./newspipe dlq replay --stage enrich",
                "  ./newspipe dlq replay --ids a1b2,c3d4",
                "  ./newspipe dlq replay --ids a1b2 --force",
                ""})
    static final class ReplayDeadLetters implements Callable<Integer> {

        @Option(names = "--ids", paramLabel = "ID", split = ",", description = "Only dead letters with these keys.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--stage", paramLabel = "enrich|publish", description = "Only dead letters of this stage.")
        String stage;

        @Option(names = "--fix", paramLabel = "LABEL",
                description = "The fix this re-drive is for: a dead letter that failed again after a re-drive "
                        + "under the same label is skipped. Default: this build's extractor version.")
        String fix;

        @Option(names = "--force", description = "Re-drive also letters already re-driven or that failed again "
                + "under this fix (each counts as one more attempt).")
        boolean force;

        @Option(names = "--dry-run", description = "Say what would be re-driven; send nothing.")
        boolean dryRun;

        @Option(names = {"-v", "--verbose"}, description = "List each re-driven dead letter.")
        boolean verbose;

        @Mixin
        LedgerOption ledger;

        @Mixin
        OperatorOptions connection;

        @Spec
        CommandSpec spec;

        Map<String, String> env = System.getenv();
        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            if (stage != null && !stage.equals("enrich") && !stage.equals("publish")) {
                throw new ParameterException(spec.commandLine(), "--stage must be enrich or publish, got '" + stage + "'");
            }
            Set<String> idSet = new LinkedHashSet<>();
            ids.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(idSet::add);
            PipelineConfig config = connection.toConfig(env);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String label = fix != null && !fix.isBlank() ? fix.strip() : Extractor.create().version();
            DeadLetterRedrive.Request request = new DeadLetterRedrive.Request(idSet, stage, label, force, dryRun,
                    ledger.topic);
            ProgressBar bar = new ProgressBar(err, dryRun ? "scan" : "re-drive");
            long[] sent = new long[1];
            List<String> listed = new ArrayList<>();
            DeadLetterRedrive.Progress progress = new DeadLetterRedrive.Progress() {
                @Override
                public void letter(DeadLetter letter, DeadLetterRedrive.Outcome outcome, String target) {
                    if (outcome == DeadLetterRedrive.Outcome.REDRIVEN) {
                        sent[0]++;
                        if (verbose || dryRun) {
                            listed.add(letter.position() + " " + letter.keyText() + " -> " + target);
                        }
                    } else if (outcome == DeadLetterRedrive.Outcome.UNKNOWN_ORIGIN) {
                        err.println("skipped " + letter.position() + " (read from " + letter.originTopic()
                                + "): not a topic newspipe re-drives");
                    } else if (outcome == DeadLetterRedrive.Outcome.ORIGINAL_GONE) {
                        err.println("skipped " + letter.position() + ": its value was too large to keep in the "
                                + "dead letter and the original at " + letter.origin() + " is gone");
                    }
                }

                @Override
                public void fraction(double done) {
                    bar.update(done, (dryRun ? "would re-drive " : "re-drove ") + sent[0]);
                }
            };
            try {
                DeadLetterRedrive.Result result = new DeadLetterRedrive(config, clock).run(request, progress);
                bar.finish(1.0, (dryRun ? "would re-drive " : "re-drove ") + sent[0]);
                String counts = counts(config, result, label);
                if (dryRun) {
                    out.println("Dry run: would re-drive " + result.count(DeadLetterRedrive.Outcome.REDRIVEN) + " of "
                            + result.seen() + " dead letters (" + counts + "); nothing sent.");
                } else {
                    out.println("Re-drove " + result.count(DeadLetterRedrive.Outcome.REDRIVEN) + " of "
                            + result.seen() + " dead letters (" + counts + ").");
                }
                listed.forEach(out::println);
                return 0;
            } catch (OperatorException | TopicReader.ReadException e) {
                err.println("newspipe dlq replay: " + e.getMessage());
                return 1;
            }
        }

        private static String counts(PipelineConfig config, DeadLetterRedrive.Result r, String label) {
            String replay = config.topicName(TopicNames.LOGICAL_REPLAY);
            String enriched = config.topicName(TopicNames.LOGICAL_ENRICHED);
            List<String> parts = new ArrayList<>();
            parts.add(r.targets().getOrDefault(replay, 0L) + " to " + replay + ", "
                    + r.targets().getOrDefault(enriched, 0L) + " to " + enriched);
            parts.add(r.count(DeadLetterRedrive.Outcome.ALREADY_REDRIVEN) + " already re-driven");
            parts.add(r.count(DeadLetterRedrive.Outcome.FAILED_UNDER_THIS_FIX) + " failed again under fix " + label);
            parts.add(r.count(DeadLetterRedrive.Outcome.NOT_ASKED_FOR) + " not asked for");
            if (r.count(DeadLetterRedrive.Outcome.UNKNOWN_ORIGIN) > 0) {
                parts.add(r.count(DeadLetterRedrive.Outcome.UNKNOWN_ORIGIN) + " of unknown origin skipped");
            }
            if (r.count(DeadLetterRedrive.Outcome.ORIGINAL_GONE) > 0) {
                parts.add(r.count(DeadLetterRedrive.Outcome.ORIGINAL_GONE) + " whose original is gone");
            }
            if (r.count(DeadLetterRedrive.Outcome.LEFT_TO_ANOTHER_RUN) > 0) {
                parts.add(r.count(DeadLetterRedrive.Outcome.LEFT_TO_ANOTHER_RUN) + " left to a concurrent run");
            }
            return String.join(", ", parts);
        }
    }
}
