package io.newspipe.cli.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.TopicProvisioner;
import io.newspipe.common.TopicReader;
import io.newspipe.common.TopicSpec;
import io.newspipe.common.TopicTable;

/**
 * Which dead letters have been re-driven: a compacted topic keyed by the dead letter's position
 * ({@code news.dlq.v1-0@12}), valued with where it was sent, when, under which fix and which attempt it was.
 * {@link DeadLetterRedrive} writes each marker in the same Kafka transaction as the re-driven record, so a record is
 * re-driven exactly when it is marked.
 *
 * <p>Why not a consumer group's committed offset: an offset is a high-water mark, and {@code --ids} / {@code --stage}
 * re-drive a subset, leaving earlier dead letters to a later run; a per-record marker keeps them apart.
 */
final class RedriveLedger {

    /** Default ledger topic. */
    static final String DEFAULT_TOPIC = TopicTable.DLQ_REDRIVEN.defaultName();

    private RedriveLedger() {
    }

    /** As {@link TopicTable#DLQ_REDRIVEN} (compacted, kept forever, one partition), named by {@code --redriven-topic}. */
    static TopicSpec spec(PipelineConfig config, String topic) {
        return new TopicCatalog(config).spec(TopicTable.DLQ_REDRIVEN).named(topic);
    }

    static void ensure(PipelineConfig config, String topic) {
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            TopicProvisioner.ensureTopics(admin, List.of(spec(config, topic)));
        } catch (IllegalStateException e) {
            throw new OperatorException(e.getMessage(), e);
        }
    }

    /** Marker key -> marker value ("TARGET-TOPIC at INSTANT"); empty when the ledger topic does not exist yet. */
    static Map<String, String> read(TopicReader reader, String topic) {
        Map<String, String> marks = new HashMap<>();
        if (!reader.exists(topic)) {
            return marks;
        }
        reader.read(reader.whole(topic), r -> {
            if (r.key() != null) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                if (r.value() == null) {
                    marks.remove(key);
                } else {
                    marks.put(key, new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }, f -> { });
        return marks;
    }

    static Optional<String> markOf(Map<String, String> marks, DeadLetter.Position position) {
        return Optional.ofNullable(marks.get(position.toString()));
    }

    /**
     * The markers of one partition of the dead-letter topic, by offset: what a re-drive of that partition needs,
     * and no more (a position and a short string each).
     */
    static Map<Long, String> marksOf(TopicReader reader, String topic, TopicPartition dlqPartition) {
        Map<Long, String> marks = new HashMap<>();
        if (!reader.exists(topic)) {
            return marks;
        }
        String prefix = dlqPartition.topic() + "-" + dlqPartition.partition() + "@";
        reader.read(reader.whole(topic), r -> {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            if (!key.startsWith(prefix)) {
                return;
            }
            long offset = Long.parseLong(key.substring(prefix.length()));
            if (r.value() == null) {
                marks.remove(offset);
            } else {
                marks.put(offset, new String(r.value(), StandardCharsets.UTF_8));
            }
        }, f -> { });
        return marks;
    }

    /** A marker's value, for people: "TARGET at INSTANT (fix F, attempt N)". */
    static String markValue(String target, Instant at, String fix, int attempt) {
        return target + " at " + at + " (fix " + fix + ", attempt " + attempt + ")";
    }
}
