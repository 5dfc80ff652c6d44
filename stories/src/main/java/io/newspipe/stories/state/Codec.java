package io.newspipe.stories.state;

import java.nio.charset.StandardCharsets;

/**
 * The byte form of a state key or value: what a persistent store (RocksDB behind Kafka Streams, its changelog
 * topic) holds. Phase B wraps each in a Kafka {@code Serde}; here it also measures state size honestly.
 */
public interface Codec<T> {

    byte[] encode(T value);

    T decode(byte[] bytes);

    Codec<String> UTF8 = new Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    Codec<Long> LONG = new Codec<>() {
        @Override
        public byte[] encode(Long value) {
            long v = value;
            byte[] b = new byte[8];
            for (int i = 7; i >= 0; i--) {
                b[i] = (byte) v;
                v >>>= 8;
            }
            return b;
        }

        @Override
        public Long decode(byte[] bytes) {
            if (bytes.length != 8) {
                throw new IllegalArgumentException("a long is 8 bytes, got " + bytes.length);
            }
            long v = 0;
            for (byte x : bytes) {
                v = (v << 8) | (x & 0xFF);
            }
            return v;
        }
    };
}
