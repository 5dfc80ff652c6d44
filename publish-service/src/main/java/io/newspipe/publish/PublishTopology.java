package io.newspipe.publish;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

import io.newspipe.common.StageMetrics;
import io.newspipe.common.Topic;
import io.newspipe.common.TopicCatalog;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.PublishedArticle;

/** The publish topology, kept apart from the service lifecycle so tests drive it with TopologyTestDriver. */
final class PublishTopology {

    /** Per-article (fingerprint, revision); its changelog is how the revision rule survives restarts. */
    static final String REVISIONS_STORE = "article-revisions";

    private PublishTopology() {
    }

    static Topology build(TopicCatalog topics, Clock clock) {
        return build(topics, clock, StageMetrics.unregistered(PublishService.STAGE));
    }

    static Topology build(TopicCatalog topics, Clock clock, StageMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVISIONS_STORE),
                Serdes.String(), new ArticleRevisionSerde()));

        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Topic<String, PublishedArticle> publishedTopic = topics.published();
        KStream<String, PublishedArticle> published = builder
                .stream(enriched.name(), enriched.consumed().withName("enriched-articles"))
                .processValues(() -> new PublishProcessor(REVISIONS_STORE, clock, metrics), Named.as("validate-and-revise"),
                        REVISIONS_STORE);
        // an output over the record limit is dead-lettered (kind too_large), never sent
        long limit = topics.maxOutputValueBytes();
        published.peek((id, article) -> metrics.recordOut(publishedTopic.name()), Named.as("count-published"))
                .to(publishedTopic.name(), publishedTopic.producedWithin(limit).withName("published-articles"));
        // one record per item, or the empty-set marker when the revision has none (ItemFanOut)
        for (PublishedArticleMapper.ItemTopic<?> item : PublishedArticleMapper.ITEM_TOPICS) {
            fanOut(published, topics, item, limit, metrics);
        }
        return builder.build();
    }

    private static <I> void fanOut(KStream<String, PublishedArticle> published, TopicCatalog topics,
            PublishedArticleMapper.ItemTopic<I> item, long limit, StageMetrics metrics) {
        Topic<String, I> topic = topics.topic(item.row());
        published.processValues(() -> new ItemFanOut<>(item.items(), topic.name(), metrics),
                        Named.as(item.processorName()))
                .to(topic.name(), topic.producedWithin(limit).withName(item.row().logicalName()));
    }
}
