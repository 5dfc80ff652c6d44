package io.newspipe.publish;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the revision state store (and its changelog), internal to publish-service, so it needs no registry.
 * Format 2: byte 2, 4-byte revision, 4-byte version, 8-byte receivedAt, 8-byte enrichedAt, UTF-8 fingerprint.
 * Format 1 (byte 1, 4-byte revision, UTF-8 fingerprint) is still read, with {@link ContentOrder#UNKNOWN}.
 */
public final class ArticleRevisionSerde implements Serde<ArticleRevision> {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_V2 = 2;
    private static final int V2_HEADER = 1 + 4 + 4 + 8 + 8;

    @Override
    public Serializer<ArticleRevision> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] fingerprint = state.fingerprint().getBytes(StandardCharsets.UTF_8);
            ContentOrder o = state.newest();
            return ByteBuffer.allocate(V2_HEADER + fingerprint.length).put(FORMAT_V2).putInt(state.revision())
                    .putInt(o.version()).putLong(o.receivedAtMs()).putLong(o.enrichedAtMs()).put(fingerprint).array();
        };
    }

    @Override
    public Deserializer<ArticleRevision> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            if (bytes.length >= 5 && bytes[0] == FORMAT_V1) {
                buf.get();
                int revision = buf.getInt();
                return new ArticleRevision(new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8), revision,
                        ContentOrder.UNKNOWN);
            }
            if (bytes.length >= V2_HEADER && bytes[0] == FORMAT_V2) {
                buf.get();
                int revision = buf.getInt();
                ContentOrder order = new ContentOrder(buf.getInt(), buf.getLong(), buf.getLong());
                return new ArticleRevision(new String(bytes, V2_HEADER, bytes.length - V2_HEADER,
                        StandardCharsets.UTF_8), revision, order);
            }
            throw new SerializationException("Unreadable article revision state in " + topic + ": "
                    + bytes.length + " bytes, format byte " + (bytes.length == 0 ? "none" : bytes[0]));
        };
    }
}
