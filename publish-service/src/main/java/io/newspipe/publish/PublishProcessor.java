package io.newspipe.publish;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import io.newspipe.common.deadletter.InvalidRecordException;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PublishedArticle;

/**
 * Validates an enriched article and forwards a new {@link PublishedArticle} revision only when its content
 * fingerprint differs from the last published one, remembering (fingerprint, revision) per article in a
 * changelogged store. Under exactly_once_v2 the store update and the output commit together.
 *
 * <p>An invalid record throws {@link InvalidRecordException}; the processing-exception handler dead-letters it.
 */
final class PublishProcessor implements FixedKeyProcessor<String, EnrichedArticle, PublishedArticle> {

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
        String fingerprint = ContentFingerprint.of(enriched);
        Optional<ArticleRevision> next = ArticleRevision.next(revisions.get(record.key()), fingerprint);
        if (next.isEmpty()) {
            return; // same content as the published revision: nothing new for consumers
        }
        revisions.put(record.key(), next.get());
        PublishedArticle published = PublishedArticleMapper.toPublished(enriched, next.get(), clock.instant());
        context.forward(record.withValue(published));
    }
}
