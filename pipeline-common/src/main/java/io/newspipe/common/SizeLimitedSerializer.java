package io.newspipe.common;

import java.util.Map;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Refuses a value larger than the record limit before the producer sees it. Under exactly-once a record the producer
 * refuses aborts the whole transaction, so the stream thread would retry the same input for ever; a value refused
 * here is a serialization error instead, which the production exception handler turns into a dead letter of the
 * input record, and the transaction goes on.
 */
final class SizeLimitedSerializer<V> implements Serializer<V> {

    private final Serializer<V> inner;
    private final long maxBytes;

    SizeLimitedSerializer(Serializer<V> inner, long maxBytes) {
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, V data) {
        return check(topic, inner.serialize(topic, data));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V data) {
        return check(topic, inner.serialize(topic, headers, data));
    }

    private byte[] check(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RecordTooLargeException("the record for " + topic + " is " + bytes.length + " bytes; at most "
                    + maxBytes + " fit the record limit (max.request.size minus room for key and headers)");
        }
        return bytes;
    }

    @Override
    public void close() {
        inner.close();
    }
}
