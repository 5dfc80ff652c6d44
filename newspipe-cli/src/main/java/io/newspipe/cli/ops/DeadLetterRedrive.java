package io.newspipe.cli.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicReader;

/**
 * Re-drives dead letters after a fix: the library behind {@code ./newspipe dlq replay}, for any caller that needs it
 * (the operator console). Letters read from news.raw.v1 or news.replay.v1 go to news.replay.v1 (enriched again);
 * those read from news.enriched.v1 go back there (published again); original key, value and headers without the
 * error headers, plus {@link #HEADER_REPLAYED_FROM}, {@link #HEADER_FIX} and {@link #HEADER_ATTEMPT}.
 *
 * <p><b>Once per fix.</b> A letter is re-driven once: its marker on the compacted ledger topic
 * ({@link RedriveLedger}) is written in the same transaction as the copy. If the copy fails again, the stage writes
 * a new letter carrying the copy's headers, so it names the fix it failed under and its attempt; that letter waits
 * for the next fix (a {@code --fix} label other than the one it failed under, by default the extractor version of
 * this build) instead of being re-driven by every later run. {@code force} re-drives regardless (attempts still
 * count).
 *
 * <p><b>Safe under concurrent runs.</b> Each partition of the dead-letter topic is claimed with its own
 * transactional id ({@code newspipe-dlq-replay-<topic>-<partition>}): initializing it fences any other run working
 * on that partition (its open transaction is aborted), and only then is the ledger read, so it holds everything the
 * fenced run committed. A fenced run leaves the partition to the one that fenced it. Runs start at a random
 * partition, so two runs mostly work on different ones.
 *
 * <p><b>Bounded memory.</b> Letters are streamed partition by partition and sent as they are read; only the
 * markers of the partition at hand are held (a position and a short string each), never the letters.
 */
public final class DeadLetterRedrive {

    /** Added to a re-driven record: the dead letter it came from ({@code news.dlq.v1-0@12}). */
    public static final String HEADER_REPLAYED_FROM = "newspipe.dlq.replayed-from";
    /** Added to a re-driven record: the fix it was re-driven under; a letter it becomes carries it on. */
    public static final String HEADER_FIX = "newspipe.redrive.fix";
    /** Added to a re-driven record: how many times this record has been re-driven (1, 2, ...). */
    public static final String HEADER_ATTEMPT = "newspipe.redrive.attempt";
    /** Letters per transaction. */
    static final int BATCH = 500;
    private static final String TRANSACTIONAL_ID_PREFIX = "newspipe-dlq-replay-";

    /**
     * What to re-drive.
     *
     * @param ids         only letters with these keys (empty: all)
     * @param stage       only letters of this stage ({@code enrich}, {@code publish}), or null for both
     * @param fix         the fix label: a letter that failed again after a re-drive under this label is skipped
     * @param force       re-drive letters already re-driven, or that failed under this fix, as well
     * @param dryRun      count and list, send nothing
     * @param ledgerTopic the compacted topic of markers ({@link TopicNames#DLQ_REDRIVEN})
     */
    public record Request(Set<String> ids, String stage, String fix, boolean force, boolean dryRun,
            String ledgerTopic) {

        public Request {
            ids = Set.copyOf(ids);
            Objects.requireNonNull(fix, "fix");
            Objects.requireNonNull(ledgerTopic, "ledgerTopic");
            if (stage != null && !stage.equals("enrich") && !stage.equals("publish")) {
                throw new IllegalArgumentException("the stage must be enrich or publish, got '" + stage + "'");
            }
        }
    }

    /** What happened to one letter. */
    public enum Outcome {
        /** Sent back (or, in a dry run, would be). */
        REDRIVEN,
        /** Already re-driven (its marker is on the ledger). */
        ALREADY_REDRIVEN,
        /** It failed again after a re-drive under the current fix: it waits for another fix. */
        FAILED_UNDER_THIS_FIX,
        /** Not asked for ({@code ids}, {@code stage}). */
        NOT_ASKED_FOR,
        /** Read from a topic newspipe does not re-drive. */
        UNKNOWN_ORIGIN,
        /** Its value was left out (too large) and the original is no longer at the position it names. */
        ORIGINAL_GONE,
        /** Another run claimed its partition first: left to that run. */
        LEFT_TO_ANOTHER_RUN
    }

    /** Told about every letter as it is decided, and about progress; the CLI prints, a console could stream. */
    public interface Progress {
        void letter(DeadLetter letter, Outcome outcome, String target);

        default void fraction(double done) {
        }

        Progress NONE = (letter, outcome, target) -> { };
    }

    /** Counts by outcome and by target topic. */
    public record Result(Map<Outcome, Long> outcomes, Map<String, Long> targets, long seen, boolean dryRun) {

        public long count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    private final PipelineConfig config;
    private final Clock clock;

    public DeadLetterRedrive(PipelineConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Re-drives what the request asks for; see the class comment for the rules. */
    public Result run(Request request, Progress progress) {
        String dlqTopic = config.errorTopic();
        Routing routing = new Routing(config.topicName(TopicNames.LOGICAL_RAW),
                config.topicName(TopicNames.LOGICAL_REPLAY), config.topicName(TopicNames.LOGICAL_ENRICHED));
        Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);
        Map<String, Long> targets = new HashMap<>();
        long[] seen = new long[1];
        Progress counting = (letter, outcome, target) -> {
            seen[0]++;
            outcomes.merge(outcome, 1L, Long::sum);
            if (outcome == Outcome.REDRIVEN) {
                targets.merge(target, 1L, Long::sum);
            }
            progress.letter(letter, outcome, target);
        };
        try (TopicReader reader = new TopicReader(config, "newspipe-dlq-replay")) {
            TopicReader.Range whole = reader.whole(dlqTopic);
            List<TopicPartition> partitions = new ArrayList<>(whole.end().keySet());
            partitions.sort((a, b) -> a.partition() - b.partition());
            if (!request.dryRun() && whole.total() > 0) {
                RedriveLedger.ensure(config, request.ledgerTopic());
            }
            int start = partitions.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(partitions.size());
            long total = Math.max(1, whole.total());
            for (int i = 0; i < partitions.size(); i++) {
                TopicPartition tp = partitions.get((start + i) % partitions.size());
                TopicReader.Range one = new TopicReader.Range(Map.of(tp, whole.start().get(tp)),
                        Map.of(tp, whole.end().get(tp)));
                if (one.total() == 0) {
                    continue;
                }
                new PartitionRun(reader, tp, one, request, routing, counting).run();
                progress.fraction(Math.min(1.0, seen[0] / (double) total));
            }
        }
        return new Result(Map.copyOf(outcomes), Map.copyOf(targets), seen[0], request.dryRun());
    }

    /** Where a letter goes back to, from the topic it was read from. */
    record Routing(String raw, String replay, String enriched) {

        Optional<String> target(DeadLetter d) {
            if (raw.equals(d.originTopic()) || replay.equals(d.originTopic())) {
                return Optional.of(replay);
            }
            if (enriched.equals(d.originTopic())) {
                return Optional.of(enriched);
            }
            return Optional.empty();
        }
    }

    /** One partition of the dead-letter topic, claimed, read and re-driven in transactions. */
    private final class PartitionRun {
        private final TopicReader reader;
        private final TopicPartition partition;
        private final TopicReader.Range range;
        private final Request request;
        private final Routing routing;
        private final Progress progress;
        private KafkaProducer<byte[], byte[]> producer;
        private Map<Long, String> marks;
        /** Letters sent in the open transaction, reported once it commits (or handed over when fenced). */
        private final List<Sent> inTransaction = new ArrayList<>();
        private boolean fenced;

        PartitionRun(TopicReader reader, TopicPartition partition, TopicReader.Range range, Request request,
                Routing routing, Progress progress) {
            this.reader = reader;
            this.partition = partition;
            this.range = range;
            this.request = request;
            this.routing = routing;
            this.progress = progress;
        }

        void run() {
            try {
                if (!request.dryRun()) {
                    claim();
                }
                // read after the claim: it holds everything a run fenced by it had committed
                marks = RedriveLedger.marksOf(reader, request.ledgerTopic(), partition);
                reader.read(range, this::decide, f -> { });
                commit();
            } catch (KafkaException e) {
                if (!isFenced(e)) {
                    throw new OperatorException("re-driving dead letters from " + partition + " failed (the "
                            + "current batch was rolled back; run again to continue): " + e.getMessage(), e);
                }
                handOver();
            } finally {
                if (producer != null) {
                    producer.close(Duration.ofSeconds(10));
                }
            }
        }

        private void claim() {
            Properties p = config.producerProperties("newspipe-dlq-replay");
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + partition.topic() + "-"
                    + partition.partition());
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }

        private void decide(ConsumerRecord<byte[], byte[]> r) {
            DeadLetter d = DeadLetter.of(r);
            if (fenced) {
                progress.letter(d, Outcome.LEFT_TO_ANOTHER_RUN, null);
                return;
            }
            if ((!request.ids().isEmpty() && !request.ids().contains(d.keyText()))
                    || (request.stage() != null && !request.stage().equals(d.stage()))) {
                progress.letter(d, Outcome.NOT_ASKED_FOR, null);
                return;
            }
            if (!request.force() && marks.containsKey(r.offset())) {
                progress.letter(d, Outcome.ALREADY_REDRIVEN, null);
                return;
            }
            if (!request.force() && request.fix().equals(d.redriveFix())) {
                progress.letter(d, Outcome.FAILED_UNDER_THIS_FIX, null);
                return;
            }
            Optional<String> target = routing.target(d);
            if (target.isEmpty()) {
                progress.letter(d, Outcome.UNKNOWN_ORIGIN, null);
                return;
            }
            byte[] value = d.value();
            if (d.valueOmitted()) {
                Optional<byte[]> original = original(d);
                if (original.isEmpty()) {
                    progress.letter(d, Outcome.ORIGINAL_GONE, target.get());
                    return;
                }
                value = original.get();
            }
            if (request.dryRun()) {
                progress.letter(d, Outcome.REDRIVEN, target.get());
                return;
            }
            try {
                send(d, value, target.get());
            } catch (KafkaException e) {
                if (!isFenced(e)) {
                    throw e;
                }
                handOver();
            }
        }

        /** The copy and its marker, in the open transaction; a full batch is committed. */
        private void send(DeadLetter d, byte[] value, String target) {
            if (inTransaction.isEmpty()) {
                producer.beginTransaction();
            }
            String position = d.position().toString();
            int attempt = d.redriveAttempt() + 1;
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target, null, null, d.key(), value,
                    d.headersToKeep());
            copy.headers().add(HEADER_REPLAYED_FROM, utf8(position));
            copy.headers().add(HEADER_FIX, utf8(request.fix()));
            copy.headers().add(HEADER_ATTEMPT, utf8(String.valueOf(attempt)));
            producer.send(copy);
            producer.send(new ProducerRecord<>(request.ledgerTopic(), utf8(position),
                    utf8(RedriveLedger.markValue(target, clock.instant(), request.fix(), attempt))));
            inTransaction.add(new Sent(d.withoutValue(), target));
            if (inTransaction.size() >= BATCH) {
                commit();
            }
        }

        private void commit() {
            if (producer == null || fenced || inTransaction.isEmpty()) {
                return;
            }
            producer.commitTransaction();
            inTransaction.forEach(s -> progress.letter(s.letter(), Outcome.REDRIVEN, s.target()));
            inTransaction.clear();
        }

        /** Fenced: another run claimed the partition, and what this one had not committed was aborted. */
        private void handOver() {
            fenced = true;
            inTransaction.forEach(s -> progress.letter(s.letter(), Outcome.LEFT_TO_ANOTHER_RUN, null));
            inTransaction.clear();
        }

        /** The original value of a letter sent without it: the record at the position its headers name. */
        private Optional<byte[]> original(DeadLetter d) {
            if (d.originTopic() == null || d.originPartition() == null || d.originOffset() == null) {
                return Optional.empty();
            }
            Properties p = config.kafkaProperties();
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
            TopicPartition tp = new TopicPartition(d.originTopic(), d.originPartition());
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(List.of(tp));
                consumer.seek(tp, d.originOffset());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        boolean same = r.offset() == d.originOffset() && java.util.Arrays.equals(r.key(), d.key());
                        return same ? Optional.ofNullable(r.value()) : Optional.empty();
                    }
                    if (consumer.position(tp) > d.originOffset()) {
                        return Optional.empty(); // gone: retention or compaction took it
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A letter sent in the open transaction (its value dropped: only what the report needs is kept). */
    private record Sent(DeadLetter letter, String target) {
    }

    /**
     * Whether another run claimed the partition, aborting this run's open transaction. INVALID_TXN_STATE counts:
     * under transactions v2 a commit that races the abort forced by the other run's claim arrives at the epoch just
     * before the bumped one, passes the coordinator's retry check and fails its state check (KAFKA-20785, fixed in
     * brokers after 4.4). The transaction was rolled back either way, so its letters are unmarked for the claimant.
     */
    static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
