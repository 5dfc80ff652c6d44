package io.newspipe.publish;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.newspipe.common.EmptyItemsMarker;
import io.newspipe.common.StageMetrics;
import io.newspipe.schemas.PublishedArticle;

/**
 * One record per item of a new revision; a revision with no items of this kind forwards the
 * {@link EmptyItemsMarker} instead, so a consumer replacing the article's items learns they are gone.
 */
final class ItemFanOut<I> implements FixedKeyProcessor<String, PublishedArticle, I> {

    private final Function<PublishedArticle, List<I>> items;
    private final String topic;
    private final StageMetrics metrics;
    private FixedKeyProcessorContext<String, I> context;

    ItemFanOut(Function<PublishedArticle, List<I>> items, String topic, StageMetrics metrics) {
        this.items = items;
        this.topic = topic;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, I> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, PublishedArticle> record) {
        List<I> list = items.apply(record.value());
        if (list.isEmpty()) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            context.forward(record.<I>withValue(null)
                    .withHeaders(EmptyItemsMarker.addTo(headers, record.value().getRevision())));
            metrics.recordOut(topic);
            return;
        }
        list.forEach(item -> context.forward(record.withValue(item)));
        list.forEach(item -> metrics.recordOut(topic));
    }
}
