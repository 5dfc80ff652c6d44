package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
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
    public static final String HEADER_REPLAYED_FROM = "newspipe.dlq.replayed-from";

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
                description = "Compacted topic recording which dead letters were re-driven. Default: "
                        + RedriveLedger.DEFAULT_TOPIC + ".")
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
            } catch (OperatorException e) {
                spec.commandLine().getErr().println("newspipe dlq list: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Send dead letters back after a fix: those read from news.raw.v1 or news.replay.v1 go "
                    + "to news.replay.v1 (enrich again), those read from news.enriched.v1 go back to "
                    + "news.enriched.v1 (publish again). Original key, value and headers, without the error headers, "
                    + "plus " + HEADER_REPLAYED_FROM + ". Each dead letter is re-driven once: a second run skips "
                    + "those already sent (recorded in --redriven-topic).",
                "",
                "Examples:",
                "  ./newspipe dlq replay --dry-run",
                "  ./newspipe dlq replay --stage enrich",
                "  ./newspipe dlq replay --ids a1b2,c3d4",
                ""})
    static final class ReplayDeadLetters implements Callable<Integer> {

        /** Markers are written in batches of this many, each batch one transaction. */
        static final int BATCH = 500;

        @Option(names = "--ids", paramLabel = "ID", split = ",", description = "Only dead letters with these keys.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--stage", paramLabel = "enrich|publish", description = "Only dead letters of this stage.")
        String stage;

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
            try {
                return run(config, idSet, spec.commandLine().getOut(), spec.commandLine().getErr());
            } catch (OperatorException e) {
                spec.commandLine().getErr().println("newspipe dlq replay: " + e.getMessage());
                return 1;
            }
        }

        private int run(PipelineConfig config, Set<String> idSet, PrintWriter out, PrintWriter err) {
            String dlqTopic = config.errorTopic();
            String raw = config.topicName(TopicNames.LOGICAL_RAW);
            String replay = config.topicName(TopicNames.LOGICAL_REPLAY);
            String enriched = config.topicName(TopicNames.LOGICAL_ENRICHED);
            List<DeadLetter> toSend = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            long[] seen = new long[1];
            long[] already = new long[1];
            long[] filtered = new long[1];
            List<String> unknownOrigin = new ArrayList<>();
            try (TopicReader reader = new TopicReader(config, "newspipe-dlq-replay")) {
                Map<String, String> marks = RedriveLedger.read(reader, ledger.topic);
                ProgressBar bar = new ProgressBar(err, "scan");
                reader.read(reader.whole(dlqTopic), r -> {
                    seen[0]++;
                    DeadLetter d = DeadLetter.of(r);
                    if ((!idSet.isEmpty() && !idSet.contains(d.keyText()))
                            || (stage != null && !stage.equals(d.stage()))) {
                        filtered[0]++;
                        return;
                    }
                    if (RedriveLedger.markOf(marks, d.position()).isPresent()) {
                        already[0]++;
                        return;
                    }
                    Optional<String> target = target(d, raw, replay, enriched);
                    if (target.isEmpty()) {
                        unknownOrigin.add(d.position() + " (read from " + d.originTopic() + ")");
                        return;
                    }
                    toSend.add(d);
                    targets.add(target.get());
                }, f -> bar.update(f, "scanned " + seen[0] + ", to re-drive " + toSend.size()));
                bar.finish(1.0, "scanned " + seen[0] + ", to re-drive " + toSend.size());
            }
            long toReplay = targets.stream().filter(replay::equals).count();
            long toEnriched = targets.size() - toReplay;
            String counts = toReplay + " to " + replay + ", " + toEnriched + " to " + enriched + "; " + already[0]
                    + " already re-driven, " + filtered[0] + " not asked for"
                    + (unknownOrigin.isEmpty() ? "" : ", " + unknownOrigin.size() + " of unknown origin skipped");
            if (dryRun) {
                out.println("Dry run: would re-drive " + toSend.size() + " of " + seen[0] + " dead letters (" + counts
                        + "); nothing sent.");
                listEach(out, toSend, targets);
                return 0;
            }
            if (!toSend.isEmpty()) {
                RedriveLedger.ensure(config, ledger.topic);
                send(config, toSend, targets, dlqTopic);
            }
            out.println("Re-drove " + toSend.size() + " of " + seen[0] + " dead letters (" + counts + ").");
            if (verbose) {
                listEach(out, toSend, targets);
            }
            unknownOrigin.forEach(u -> err.println("skipped " + u + ": not a topic newspipe re-drives"));
            return 0;
        }

        private static void listEach(PrintWriter out, List<DeadLetter> letters, List<String> targets) {
            for (int i = 0; i < letters.size(); i++) {
                out.println(letters.get(i).position() + " " + letters.get(i).keyText() + " -> " + targets.get(i));
            }
        }

        /** Where a dead letter goes back to, from the topic it was read from. */
        static Optional<String> target(DeadLetter d, String raw, String replay, String enriched) {
            if (raw.equals(d.originTopic()) || replay.equals(d.originTopic())) {
                return Optional.of(replay);
            }
            if (enriched.equals(d.originTopic())) {
                return Optional.of(enriched);
            }
            return Optional.empty();
        }

        /**
         * Each re-driven record and its ledger marker go in one transaction, so a crash never leaves a record sent
         * but unmarked (sent twice by the next run) or marked but unsent (lost). The fixed transactional id also
         * fences a concurrent re-drive.
         */
        private void send(PipelineConfig config, List<DeadLetter> letters, List<String> targets, String dlqTopic) {
            Properties p = config.producerProperties("newspipe-dlq-replay");
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newspipe-dlq-replay");
            Instant now = clock.instant();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.initTransactions();
                for (int start = 0; start < letters.size(); start += BATCH) {
                    producer.beginTransaction();
                    for (int i = start; i < Math.min(letters.size(), start + BATCH); i++) {
                        DeadLetter d = letters.get(i);
                        String position = d.position().toString();
                        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(targets.get(i), null, null,
                                d.key(), d.value(), d.headersToKeep());
                        record.headers().add(HEADER_REPLAYED_FROM, utf8(position));
                        producer.send(record);
                        producer.send(new ProducerRecord<>(ledger.topic, utf8(position),
                                utf8(targets.get(i) + " at " + now)));
                    }
                    producer.commitTransaction();
                }
            } catch (KafkaException e) {
                throw new OperatorException("re-driving dead letters from " + dlqTopic + " failed (the current batch "
                        + "was rolled back; run again to continue): " + e.getMessage(), e);
            }
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
