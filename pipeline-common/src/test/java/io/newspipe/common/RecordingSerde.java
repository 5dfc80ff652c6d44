package io.newspipe.common;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;

/** A serde that remembers how it was configured, to check what the catalogue passes to serdes. */
public class RecordingSerde extends Serdes.WrapperSerde<byte[]> {

    Map<String, Object> configs;
    Boolean isKey;

    public RecordingSerde() {
        super(Serdes.ByteArray().serializer(), Serdes.ByteArray().deserializer());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = new java.util.HashMap<>(configs);
        this.isKey = isKey;
    }
}
