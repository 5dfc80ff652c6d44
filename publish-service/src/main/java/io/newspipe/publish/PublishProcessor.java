package io.newspipe.publish;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import io.micrometer.core.instrument.Counter;
import io.newspipe.common.ArticleLogContext;
import io.newspipe.common.StageMetrics;
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

    private final StageMetrics metrics;
    private final Counter published;
    private final Counter suppressed;

    PublishProcessor(String storeName, Clock clock, StageMetrics metrics) {
        this.storeName = storeName;
        this.clock = clock;
        this.metrics = metrics;
        String name = "newspipe.publish.revisions";
        String description = "Enriched articles that made a new revision (published) or had the content of the last one (suppressed)";
        this.published = metrics.counter(name, description, "outcome", "published");
        this.suppressed = metrics.counter(name, description, "outcome", "suppressed");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PublishedArticle> context) {
        this.context = context;
        this.revisions = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        metrics.recordIn();
        try (ArticleLogContext ignored = ArticleLogContext.of(record.key())) {
            revise(record);
        }
    }

    private void revise(FixedKeyRecord<String, EnrichedArticle> record) {
        List<String> problems = EnrichedArticleValidator.violations(record.key(), record.value());
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Enriched article '" + record.key() + "' is not publishable: "
                    + String.join("; ", problems));
        }
        EnrichedArticle enriched = record.value();
        String fingerprint = ContentFingerprint.of(enriched);
        Optional<ArticleRevision> next = ArticleRevision.next(revisions.get(record.key()), fingerprint);
        if (next.isEmpty()) {
            suppressed.increment();
            return; // same content as the published revision: nothing new for consumers
        }
        published.increment();
        revisions.put(record.key(), next.get());
        PublishedArticle published = PublishedArticleMapper.toPublished(enriched, next.get(), clock.instant());
        context.forward(record.withValue(published));
    }
}
