package io.newspipe.publish;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PublishedArticle;

/**
 * Validates an enriched article and forwards a new {@link PublishedArticle} revision only when it is not older than
 * the newest content seen for the article and its content fingerprint differs from the last published one
 * ({@link ArticleRevision#next}), remembering (fingerprint, revision, newest order) per article in a changelogged
 * store. Under exactly_once_v2 the store update and the output commit together.
 *
 * <p>An invalid record throws {@link InvalidRecordException}; the processing-exception handler dead-letters it.
 */
final class PublishProcessor implements FixedKeyProcessor<String, EnrichedArticle, PublishedArticle> {

    private static final Logger log = LoggerFactory.getLogger(PublishProcessor.class);

    private final String storeName;
    private final Clock clock;
    private FixedKeyProcessorContext<String, PublishedArticle> context;
    private KeyValueStore<String, ArticleRevision> revisions;

    PublishProcessor(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PublishedArticle> context) {
        this.context = context;
        this.revisions = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        List<String> problems = EnrichedArticleValidator.violations(record.key(), record.value());
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Enriched article '" + record.key() + "' is not publishable: "
                    + String.join("; ", problems));
        }
        EnrichedArticle enriched = record.value();
        ArticleRevision.Decision decision = ArticleRevision.next(revisions.get(record.key()),
                ContentFingerprint.of(enriched), ContentOrder.of(enriched));
        switch (decision.outcome()) {
            case PUBLISH -> {
                revisions.put(record.key(), decision.state());
                PublishedArticle published = PublishedArticleMapper.toPublished(enriched, decision.state(),
                        clock.instant());
                context.forward(record.withValue(published));
            }
            case REMEMBER -> revisions.put(record.key(), decision.state()); // same content, newer: nothing to publish
            case STALE -> log.info("Article {}: ignored version {} enriched at {}, older than the newest seen ({}); "
                    + "no revision", record.key(), enriched.getVersion(), enriched.getEnrichedAt(),
                    decision.state().newest());
            case UNCHANGED -> { } // same content as the published revision: nothing new for consumers
        }
    }
}
