package io.newspipe.enrich;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.enrich.deadletter.InvalidRecordException;
import io.newspipe.extraction.ExtractionResult;
import io.newspipe.extraction.Extractor;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.RawArticle;

/** The enrich topology, kept apart from the service lifecycle so tests drive it with TopologyTestDriver. */
final class EnrichTopology {

    private EnrichTopology() {
    }

    static Topology build(TopicCatalog topics, Extractor extractor, Clock clock) {
        Topic<String, RawArticle> raw = topics.raw();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        StreamsBuilder builder = new StreamsBuilder();
        // one source for both: a replayed record is a raw record sent again, enriched (and dead-lettered) the same way
        builder.stream(List.of(raw.name(), topics.replay().name()), raw.consumed().withName("raw-articles"))
                .mapValues((id, article) -> enrich(id, article, extractor, clock), Named.as("extract"))
                .to(enriched.name(), enriched.produced().withName("enriched-articles"));
        return builder.build();
    }

    static EnrichedArticle enrich(String key, RawArticle raw, Extractor extractor, Clock clock) {
        if (raw == null) {
            throw new InvalidRecordException("Raw record with key '" + key + "' has no value (tombstone)");
        }
        // the raw text is already normalized by ingest; extraction offsets refer to it unchanged
        ExtractionResult result = extractor.extract(raw.getText());
        return EnrichedArticleMapper.toEnriched(raw, result, clock.instant());
    }
}
