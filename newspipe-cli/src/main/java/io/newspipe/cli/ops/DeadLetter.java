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
 * headers say (newspipe's {@code newspipe.dlq.*} and Kafka's KIP-1034 {@code __streams.errors.*}).
 */
record DeadLetter(Position position, byte[] key, byte[] value, Headers originalHeaders, long timestamp, String stage,
        String kind, String reason, String exceptionClass, String message, String originTopic,
        Integer originPartition, Long originOffset, String failedAt) {

    /** Where a dead letter sits in the dead-letter topic; also its identity in the re-drive ledger. */
    record Position(String topic, int partition, long offset) {

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
    /** Error headers, dropped when a dead letter is re-driven: the record goes back as it was first sent. */
    static final List<String> ERROR_HEADER_PREFIXES = List.of("__streams.errors.", "newspipe.dlq.");

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
                number(h, HEADER_OFFSET), text(h, HEADER_FAILED_AT));
    }

    String keyText() {
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
