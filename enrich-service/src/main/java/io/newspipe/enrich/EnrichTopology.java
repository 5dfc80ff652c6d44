package io.newspipe.enrich;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Timer;
import io.newspipe.common.ArticleLogContext;
import io.newspipe.common.StageMetrics;
import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PersonRoles;
import io.newspipe.schemas.RawArticle;
import io.newspipe.schemas.Story;
import io.newspipe.stories.StoryParams;

/** The enrich topology, kept apart from the service lifecycle so tests drive it with TopologyTestDriver. */
final class EnrichTopology {

    private static final Logger log = LoggerFactory.getLogger(EnrichTopology.class);

    private EnrichTopology() {
    }

    /** Name of the one-partition repartition topic the story step reads (its full name has the application id). */
    static final String STORY_REPARTITION = "story-step";

    static Topology build(TopicCatalog topics, Extractor extractor, Clock clock) {
        return build(topics, extractor, clock, StageMetrics.unregistered(EnrichService.STAGE));
    }

    static Topology build(TopicCatalog topics, Extractor extractor, Clock clock, StageMetrics metrics) {
        return build(topics, extractor::extract, clock, metrics, StoryParams.defaults());
    }

    static Topology build(TopicCatalog topics, Extractor extractor, Clock clock, StageMetrics metrics,
            StoryParams stories) {
        return build(topics, extractor::extract, clock, metrics, stories);
    }

    /**
     * @param extractor the extraction engine as a function of the normalized text (a test can pass one that fails
     *                  the way a bug would)
     */
    static Topology build(TopicCatalog topics, Function<String, ExtractionResult> extractor, Clock clock,
            StageMetrics metrics, StoryParams stories) {
        Topic<String, RawArticle> raw = topics.raw();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Timer extraction = metrics.timer("newspipe.enrich.extraction", "Time to extract one article");
        StreamsBuilder builder = new StreamsBuilder();
        // one source for both: a replayed record is a raw record sent again, enriched (and dead-lettered) the same way
        KStream<String, EnrichedArticle> extracted = builder
                .stream(List.of(raw.name(), topics.replay().name()), raw.consumed().withName("raw-articles"))
                .mapValues((id, article) -> {
                    metrics.recordIn();
                    return enrich(id, article, extractor, clock, extraction);
                }, Named.as("extract"));
        // The story index must see every article of its window, whatever partition it came from: the extracted
        // articles meet on one partition (extraction stays parallel; the story step is the serial part).
        StoryStores.add(builder, stories.window());
        long limit = topics.maxOutputValueBytes();
        KStream<String, StoryProcessor.Outcome> told = extracted
                .repartition(Repartitioned.<String, EnrichedArticle>as(STORY_REPARTITION).withNumberOfPartitions(1)
                        .withKeySerde(enriched.keySerde()).withValueSerde(enriched.valueSerdeWithin(limit)))
                .processValues(() -> new StoryProcessor(stories), Named.as("assign-story"), StoryStores.ALL);
        // an enriched record over the record limit is dead-lettered (kind too_large), never sent
        told.mapValues(StoryProcessor.Outcome::article, Named.as("story-article"))
                .peek((id, article) -> metrics.recordOut(enriched.name()), Named.as("count-enriched"))
                .to(enriched.name(), enriched.producedWithin(limit).withName("enriched-articles"));
        Topic<String, Story> storiesTopic = topics.stories();
        told.flatMap((id, o) -> o.story() == null ? List.<KeyValue<String, Story>>of()
                : List.of(KeyValue.pair(o.story().getStoryId(), o.story())), Named.as("story-updates"))
                .to(storiesTopic.name(), storiesTopic.producedWithin(limit).withName("stories"));
        Topic<String, PersonRoles> rolesTopic = topics.roles();
        told.flatMap((id, o) -> o.roles().stream().map(r -> KeyValue.pair(r.getPersonId(), r)).toList(),
                Named.as("role-updates"))
                .to(rolesTopic.name(), rolesTopic.producedWithin(limit).withName("roles"));
        return builder.build();
    }

    static EnrichedArticle enrich(String key, RawArticle raw, Extractor extractor, Clock clock) {
        return enrich(key, raw, extractor::extract, clock, null);
    }

    /** Extracts with the article id in the logging context ({@link ArticleLogContext}); timed when a timer is given. */
    static EnrichedArticle enrich(String key, RawArticle raw, Function<String, ExtractionResult> extractor, Clock clock,
            Timer extraction) {
        try (ArticleLogContext ignored = ArticleLogContext.of(key)) {
            if (raw == null) {
                throw new InvalidRecordException("Raw record with key '" + key + "' has no value (tombstone)");
            }
            rejectUndecodableText(key, raw);
            // the raw text is already normalized by ingest; extraction offsets refer to it unchanged
            long start = System.nanoTime();
            ExtractionResult result = extractor.apply(raw.getText());
            long nanos = System.nanoTime() - start;
            if (extraction != null) {
                extraction.record(nanos, TimeUnit.NANOSECONDS);
            }
            EnrichedArticle enriched = EnrichedArticleMapper.toEnriched(raw, result, clock.instant());
            log.debug("Extracted {} entities, {} awards, {} KPI mentions in {} µs", enriched.getEntities().size(),
                    enriched.getAwards().size(), enriched.getKpis().size(), nanos / 1_000);
            return enriched;
        }
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
