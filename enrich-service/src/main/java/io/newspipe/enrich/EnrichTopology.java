package io.newspipe.enrich;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.RawArticle;

/** The enrich topology, kept apart from the service lifecycle so tests drive it with TopologyTestDriver. */
final class EnrichTopology {

    private EnrichTopology() {
    }

    static Topology build(TopicCatalog topics, Extractor extractor, Clock clock) {
        return build(topics, extractor::extract, clock);
    }

    /**
     * @param extraction the extraction engine as a function of the normalized text (a test can pass one that fails
     *                   the way a bug would)
     */
    static Topology build(TopicCatalog topics, Function<String, ExtractionResult> extraction, Clock clock) {
        Topic<String, RawArticle> raw = topics.raw();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        StreamsBuilder builder = new StreamsBuilder();
        // one source for both: a replayed record is a raw record sent again, enriched (and dead-lettered) the same way
        builder.stream(List.of(raw.name(), topics.replay().name()), raw.consumed().withName("raw-articles"))
                .mapValues((id, article) -> enrich(id, article, extraction, clock), Named.as("extract"))
                // an enriched record over the record limit is dead-lettered (kind too_large), never sent
                .to(enriched.name(), enriched.producedWithin(topics.maxOutputValueBytes())
                        .withName("enriched-articles"));
        return builder.build();
    }

    static EnrichedArticle enrich(String key, RawArticle raw, Function<String, ExtractionResult> extraction,
            Clock clock) {
        if (raw == null) {
            throw new InvalidRecordException("Raw record with key '" + key + "' has no value (tombstone)");
        }
        rejectUndecodableText(key, raw);
        // the raw text is already normalized by ingest; extraction offsets refer to it unchanged
        ExtractionResult result = extraction.apply(raw.getText());
        return EnrichedArticleMapper.toEnriched(raw, result, clock.instant());
    }

    /**
     * Avro decodes strings leniently: bytes that are not UTF-8 become U+FFFD instead of failing. Ingest only writes
     * valid UTF-8 (it decodes strictly), so a U+FFFD in a text that no longer matches its contentHash means the
     * record's bytes were not valid UTF-8. (A U+FFFD the sender really wrote still matches the hash and passes.)
     */
    static void rejectUndecodableText(String key, RawArticle raw) {
        String text = raw.getText();
        int replaced = text.indexOf('\uFFFD');
        if (replaced >= 0 && !sha256Hex(text).equalsIgnoreCase(raw.getContentHash())) {
            throw new InvalidRecordException("Raw article '" + key + "': text is not valid UTF-8 (undecodable bytes "
                    + "near character " + replaced + "; the decoded text does not match contentHash)");
        }
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
