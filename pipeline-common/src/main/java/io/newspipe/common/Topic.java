package io.newspipe.common;

import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with the serdes of its key and value, so producers, consumers and topologies cannot disagree on them.
 *
 * @param name       the topic name
 * @param keySerde   serde of the record key
 * @param valueSerde serde of the record value
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The same key and value types under another name (for {@code --topic-name LOGICAL=NAME}). */
    public Topic<K, V> withName(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde);
    }

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }

    /**
     * Produced with values of at most {@code maxValueBytes}: a larger one fails serialization (a
     * {@link org.apache.kafka.common.errors.RecordTooLargeException}) instead of reaching the producer, so the
     * production exception handler can dead-letter its input (see {@link SizeLimitedSerializer}).
     */
    public Produced<K, V> producedWithin(long maxValueBytes) {
        return Produced.with(keySerde, valueSerdeWithin(maxValueBytes));
    }

    /** The value serde, failing serialization of a value over {@code maxValueBytes} (as {@link #producedWithin}). */
    public Serde<V> valueSerdeWithin(long maxValueBytes) {
        return Serdes.serdeFrom(new SizeLimitedSerializer<>(valueSerde.serializer(), maxValueBytes),
                valueSerde.deserializer());
    }

    public Serializer<K> keySerializer() {
        return keySerde.serializer();
    }

    public Serializer<V> valueSerializer() {
        return valueSerde.serializer();
    }

    public Deserializer<K> keyDeserializer() {
        return keySerde.deserializer();
    }

    public Deserializer<V> valueDeserializer() {
        return valueSerde.deserializer();
    }

    @Override
    public String toString() {
        return name;
    }
}
