package io.newspipe.cli.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record of news.dlq.v1 as operators see it: where it sits, the original key/value/headers, and what the error
 * headers say (newspipe's {@code newspipe.dlq.*} and Kafka's KIP-1034 {@code __streams.errors.*}), and, for a letter
 * of a record that had been re-driven, the fix it was re-driven under and its attempt.
 *
 * @param valueOmitted the value was left out because the letter would have exceeded the record limit; the original
 *                     is at the origin position
 * @param redriveFix   the fix the record was last re-driven under ({@code newspipe.redrive.fix}), or null
 * @param redriveAttempt how many times the record had been re-driven before it failed into this letter (0: never)
 */
public record DeadLetter(Position position, byte[] key, byte[] value, Headers originalHeaders, long timestamp,
        String stage, String kind, String reason, String exceptionClass, String message, String originTopic,
        Integer originPartition, Long originOffset, String failedAt, boolean valueOmitted, String redriveFix,
        int redriveAttempt) {

    /** Where a dead letter sits in the dead-letter topic; also its identity in the re-drive ledger. */
    public record Position(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    static final String HEADER_STAGE = "newspipe.dlq.stage";
    static final String HEADER_KIND = "newspipe.dlq.kind";
    static final String HEADER_REASON = "newspipe.dlq.reason";
    static final String HEADER_FAILED_AT = "newspipe.dlq.failed-at";
    static final String HEADER_EXCEPTION = "__streams.errors.exception";
    static final String HEADER_MESSAGE = "__streams.errors.message";
    static final String HEADER_TOPIC = "__streams.errors.topic";
    static final String HEADER_PARTITION = "__streams.errors.partition";
    static final String HEADER_OFFSET = "__streams.errors.offset";
    static final String HEADER_VALUE_OMITTED = "newspipe.dlq.value-omitted";
    /**
     * Headers dropped when a dead letter is re-driven (the record goes back as it was first sent): the error
     * headers, and an earlier re-drive's, which the new re-drive writes afresh.
     */
    static final List<String> ERROR_HEADER_PREFIXES = List.of("__streams.errors.", "newspipe.dlq.",
            "newspipe.redrive.");

    static DeadLetter of(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        RecordHeaders original = new RecordHeaders();
        for (Header header : h) {
            if (ERROR_HEADER_PREFIXES.stream().noneMatch(header.key()::startsWith)) {
                original.add(header);
            }
        }
        return new DeadLetter(new Position(r.topic(), r.partition(), r.offset()), r.key(), r.value(), original,
                r.timestamp(), text(h, HEADER_STAGE), text(h, HEADER_KIND), text(h, HEADER_REASON),
                text(h, HEADER_EXCEPTION), text(h, HEADER_MESSAGE), text(h, HEADER_TOPIC),
                number(h, HEADER_PARTITION) == null ? null : number(h, HEADER_PARTITION).intValue(),
                number(h, HEADER_OFFSET), text(h, HEADER_FAILED_AT), h.lastHeader(HEADER_VALUE_OMITTED) != null,
                text(h, DeadLetterRedrive.HEADER_FIX), attemptOf(h));
    }

    private static int attemptOf(Headers h) {
        Long n = number(h, DeadLetterRedrive.HEADER_ATTEMPT);
        return n == null ? 0 : n.intValue();
    }

    /** The same letter without its value bytes (for reports that outlive the read). */
    DeadLetter withoutValue() {
        return new DeadLetter(position, key, null, originalHeaders, timestamp, stage, kind, reason, exceptionClass,
                message, originTopic, originPartition, originOffset, failedAt, valueOmitted, redriveFix,
                redriveAttempt);
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The reason for people: newspipe's reason header, else Kafka's exception message. */
    String why() {
        return reason != null ? reason : message;
    }

    String origin() {
        return originTopic == null ? null : originTopic + "-" + originPartition + "@" + originOffset;
    }

    /** Original headers as a list, for building the re-driven record. */
    List<Header> headersToKeep() {
        List<Header> out = new ArrayList<>();
        originalHeaders.forEach(out::add);
        return out;
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Long number(Headers headers, String name) {
        String t = text(headers, name);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
