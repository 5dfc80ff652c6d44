package io.newspipe.publish;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.newspipe.common.ArticleLogContext;
import io.newspipe.common.StageMetrics;
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

    private final StageMetrics metrics;
    private final Counter published;
    private final Counter suppressed;
    private final Counter stale;

    PublishProcessor(String storeName, Clock clock, StageMetrics metrics) {
        this.storeName = storeName;
        this.clock = clock;
        this.metrics = metrics;
        String name = "newspipe.publish.revisions";
        String description = "Enriched articles that made a new revision (published) or had the content of the last one (suppressed)";
        this.published = metrics.counter(name, description, "outcome", "published");
        this.suppressed = metrics.counter(name, description, "outcome", "suppressed");
        this.stale = metrics.counter(name, "Enriched articles older than the newest content seen for the article "
                + "(a re-driven or late old version): never a revision", "outcome", "stale");
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
        ArticleRevision.Decision decision = ArticleRevision.next(revisions.get(record.key()),
                ContentFingerprint.of(enriched), ContentOrder.of(enriched));
        switch (decision.outcome()) {
            case PUBLISH -> {
                published.increment();
                revisions.put(record.key(), decision.state());
                PublishedArticle article = PublishedArticleMapper.toPublished(enriched, decision.state(),
                        clock.instant());
                context.forward(record.withValue(article));
            }
            case REMEMBER -> { // same content, newer: nothing to publish, but remember how new it is
                suppressed.increment();
                revisions.put(record.key(), decision.state());
            }
            case UNCHANGED -> suppressed.increment(); // same content as the published revision
            case STALE -> {
                stale.increment();
                log.info("Article {}: ignored version {} enriched at {}, older than the newest seen ({}); no "
                        + "revision", record.key(), enriched.getVersion(), enriched.getEnrichedAt(),
                        decision.state().newest());
            }
        }
    }
}
