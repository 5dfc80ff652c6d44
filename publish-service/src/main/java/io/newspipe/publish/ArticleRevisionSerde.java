package io.newspipe.publish;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the revision state store (and its changelog): format byte 1, 4-byte revision, UTF-8 fingerprint. Internal
 * to publish-service, so it needs no registry.
 */
public final class ArticleRevisionSerde implements Serde<ArticleRevision> {

    private static final byte FORMAT_V1 = 1;

    @Override
    public Serializer<ArticleRevision> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] fingerprint = state.fingerprint().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 4 + fingerprint.length)
                    .put(FORMAT_V1).putInt(state.revision()).put(fingerprint).array();
        };
    }

    @Override
    public Deserializer<ArticleRevision> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 5 || bytes[0] != FORMAT_V1) {
                throw new SerializationException("Unreadable article revision state in " + topic + ": "
                        + bytes.length + " bytes, format byte " + (bytes.length == 0 ? "none" : bytes[0]));
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            buf.get();
            int revision = buf.getInt();
            return new ArticleRevision(new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8), revision);
        };
    }
}
