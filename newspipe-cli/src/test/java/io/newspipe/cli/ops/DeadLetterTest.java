package io.newspipe.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static ConsumerRecord<byte[], byte[]> deadLetter(String stage, String originTopic) {
        RecordHeaders h = new RecordHeaders();
        h.add("traceparent", utf8("00-abc-01"));
        h.add("newspipe.dlq.stage", utf8(stage));
        h.add("newspipe.dlq.kind", utf8("validation"));
        h.add("newspipe.dlq.reason", utf8("InvalidRecordException: key 'k' is not the articleId 'x'"));
        h.add("newspipe.dlq.failed-at", utf8("2024-01-12T03:00:00Z"));
        h.add("__streams.errors.exception", utf8("io.newspipe.common.deadletter.InvalidRecordException"));
        h.add("__streams.errors.message", utf8("key 'k' is not the articleId 'x'"));
        h.add("__streams.errors.topic", utf8(originTopic));
        h.add("__streams.errors.partition", utf8("2"));
        h.add("__streams.errors.offset", utf8("41"));
        return new ConsumerRecord<>("news.dlq.v1", 0, 7, 1_700_000_000_000L, TimestampType.CREATE_TIME, 1, 3,
                utf8("k"), utf8("value"), h, Optional.empty());
    }

    @Test
    void givenDeadLetterRecord_whenRead_thenErrorHeadersAreParsedAndOnlyOriginalHeadersAreKept() {
        DeadLetter d = DeadLetter.of(deadLetter("publish", "news.enriched.v1"));

        assertThat(d.position().toString()).isEqualTo("news.dlq.v1-0@7");
        assertThat(d.keyText()).isEqualTo("k");
        assertThat(d.stage()).isEqualTo("publish");
        assertThat(d.kind()).isEqualTo("validation");
        assertThat(d.why()).startsWith("InvalidRecordException");
        assertThat(d.exceptionClass()).endsWith("InvalidRecordException");
        assertThat(d.origin()).isEqualTo("news.enriched.v1-2@41");
        assertThat(d.failedAt()).isEqualTo("2024-01-12T03:00:00Z");
        assertThat(d.headersToKeep()).extracting(Header::key).containsExactly("traceparent");
    }

    @Test
    void givenACommitRefusedAfterAnotherRunsClaim_whenClassified_thenItIsFencedButABrokerTimeoutIsNot() {
        KafkaException raceWithClaim = new KafkaException("commit failed", new InvalidTxnStateException("aborted"));

        assertThat(DeadLetterRedrive.isFenced(raceWithClaim)).isTrue();
        assertThat(DeadLetterRedrive.isFenced(new ProducerFencedException("claimed"))).isTrue();
        assertThat(DeadLetterRedrive.isFenced(new KafkaException("send", new TimeoutException("no broker"))))
                .isFalse();
    }

    @Test
    void givenDeadLettersFromEachStage_whenRouted_thenRawAndReplayGoToReplayAndEnrichedGoesBackToEnriched() {
        String raw = "news.raw.v1";
        String replay = "news.replay.v1";
        String enriched = "news.enriched.v1";

        DeadLetterRedrive.Routing routing = new DeadLetterRedrive.Routing(raw, replay, enriched);

        assertThat(routing.target(DeadLetter.of(deadLetter("enrich", raw)))).contains(replay);
        assertThat(routing.target(DeadLetter.of(deadLetter("enrich", replay)))).contains(replay);
        assertThat(routing.target(DeadLetter.of(deadLetter("publish", enriched)))).contains(enriched);
        assertThat(routing.target(DeadLetter.of(deadLetter("publish", "elsewhere")))).isEmpty();
    }

    @Test
    void givenTextWithQuotesAndControlCharacters_whenWrittenAsJson_thenEscaped() {
        assertThat(DeadLetterFormat.str("a \"b\"\n\\c\u0001")).isEqualTo("\"a \\\"b\\\"\\n\\\\c\\u0001\"");
        assertThat(DeadLetterFormat.str(null)).isEqualTo("null");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
