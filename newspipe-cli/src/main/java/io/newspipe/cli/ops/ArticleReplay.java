package io.newspipe.cli.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicTable;
import io.newspipe.common.TopicNames;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.common.TopicReader;

/**
 * Re-enriches the articles a {@link ReplaySelection} picks: the library behind {@code ./newspipe replay}, for any
 * caller (the operator console). Reads news.raw.v1 (never written to) from the selection's start to the end offsets
 * captured at start, then copies the latest raw record of each selected article to news.replay.v1, key, value and
 * headers unchanged plus {@value ReplayCommand#HEADER_REQUESTED_AT}. Publish makes a new revision only when the
 * enriched content changed and is not older than what it has (a replayed old version makes none).
 */
public final class ArticleReplay {

    /** Progress of the two passes; the CLI draws bars. */
    public interface Progress {
        void scanned(double fraction, long scanned, int selected);

        void sent(double fraction, long sent, int total);

        Progress NONE = new Progress() {
            @Override
            public void scanned(double fraction, long scanned, int selected) {
            }

            @Override
            public void sent(double fraction, long sent, int total) {
            }
        };
    }

    /**
     * @param selectedIds the articles selected, in the order first seen in the window
     * @param scanned     raw records read
     * @param sent        records copied to the replay topic (0 in a dry run)
     */
    public record Result(List<String> selectedIds, long scanned, long sent, Instant requestedAt, boolean dryRun) {
    }

    private final PipelineConfig config;
    private final Clock clock;

    public ArticleReplay(PipelineConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Result run(ReplaySelection selection, boolean dryRun, Progress progress) {
        String rawTopic = config.topicName(TopicNames.LOGICAL_RAW);
        String replayTopic = config.topicName(TopicNames.LOGICAL_REPLAY);
        Instant requestedAt = clock.instant();
        try (TopicReader reader = new TopicReader(config, "newspipe-replay-scan")) {
            TopicReader.Range range = selection.from().isPresent()
                    ? reader.fromTimestamp(rawTopic, selection.from().get().toEpochMilli())
                    : reader.whole(rawTopic);
            long[] counts = new long[1];
            reader.read(range, r -> {
                String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                selection.offer(key, r.timestamp(), new ReplaySelection.Position(r.partition(), r.offset()));
                counts[0]++;
            }, f -> progress.scanned(Math.min(f, 0.999), counts[0], selection.selectedIds().size()));
            progress.scanned(1.0, selection.scanned(), selection.selectedIds().size());
            List<String> selected = selection.selectedIds();
            if (dryRun || selected.isEmpty()) {
                return new Result(selected, selection.scanned(), 0, requestedAt, dryRun);
            }
            ensureReplayTopic(config);
            long sent = send(config, reader, rawTopic, replayTopic, selection, requestedAt, progress);
            return new Result(selected, selection.scanned(), sent, requestedAt, false);
        }
    }

    private static void ensureReplayTopic(PipelineConfig config) {
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            TopicProvisioner.ensureTopics(admin, List.of(new TopicCatalog(config).spec(TopicTable.REPLAY)));
        } catch (IllegalStateException e) {
            throw new OperatorException(e.getMessage(), e);
        }
    }

    /** Second pass: re-reads only the stretch of each partition holding selected records and copies those. */
    private static long send(PipelineConfig config, TopicReader reader, String rawTopic, String replayTopic,
            ReplaySelection selection, Instant requestedAt, Progress progress) {
        List<ReplaySelection.Position> positions = selection.positionsToSend();
        Set<ReplaySelection.Position> wanted = new HashSet<>(positions);
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        for (ReplaySelection.Position p : positions) {
            TopicPartition tp = new TopicPartition(rawTopic, p.partition());
            start.merge(tp, p.offset(), Math::min);
            end.merge(tp, p.offset() + 1, Math::max);
        }
        byte[] requested = requestedAt.toString().getBytes(StandardCharsets.UTF_8);
        long[] sent = new long[1];
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                config.producerProperties("newspipe-replay"), new ByteArraySerializer(), new ByteArraySerializer())) {
            reader.read(start, end, r -> {
                if (!wanted.contains(new ReplaySelection.Position(r.partition(), r.offset()))) {
                    return;
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    if (!h.key().equals(ReplayCommand.HEADER_REQUESTED_AT)) {
                        headers.add(h);
                    }
                }
                headers.add(ReplayCommand.HEADER_REQUESTED_AT, requested);
                // timestamp null = now: the original (possibly months old) would fall out of the replay topic's
                // retention at once
                producer.send(new ProducerRecord<>(replayTopic, null, null, r.key(), r.value(), headers),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                sent[0]++;
            }, f -> progress.sent(Math.min(f, 0.999), sent[0], positions.size()));
            producer.flush();
        }
        progress.sent(1.0, sent[0], positions.size());
        if (failure.get() != null) {
            throw new OperatorException("sending to " + replayTopic + " failed: " + failure.get().getMessage(),
                    failure.get());
        }
        return sent[0];
    }
}
