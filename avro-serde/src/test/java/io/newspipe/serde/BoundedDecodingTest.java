package io.newspipe.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import io.newspipe.schemas.RawArticle;

/** Decoding never allocates what the data merely claims: lengths and counts are held to the bytes left. */
class BoundedDecodingTest {

    private static final Schema EVERY_TYPE = new Schema.Parser().parse("""
            {"type": "record", "name": "EveryType", "fields": [
              {"name": "s", "type": "string"}, {"name": "i", "type": "int"}, {"name": "l", "type": "long"},
              {"name": "f", "type": "float"}, {"name": "d", "type": "double"}, {"name": "b", "type": "boolean"},
              {"name": "n", "type": ["null", "string"]}, {"name": "raw", "type": "bytes"},
              {"name": "fx", "type": {"type": "fixed", "name": "Four", "size": 4}},
              {"name": "e", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
              {"name": "a", "type": {"type": "array", "items": "string"}},
              {"name": "m", "type": {"type": "map", "values": "long"}}]}""");

    @Test
    void givenARecordOfEveryType_whenDecodedBounded_thenItEqualsWhatAvrosOwnDecoderReads() throws IOException {
        GenericRecord r = new GenericData.Record(EVERY_TYPE);
        r.put("s", "Bí thư Tỉnh ủy");
        r.put("i", -123_456);
        r.put("l", Long.MIN_VALUE + 7);
        r.put("f", 3.25f);
        r.put("d", -842.238);
        r.put("b", true);
        r.put("n", null);
        r.put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        r.put("fx", new GenericData.Fixed(EVERY_TYPE.getField("fx").schema(), new byte[] {9, 8, 7, 6}));
        r.put("e", new GenericData.EnumSymbol(EVERY_TYPE.getField("e").schema(), "C"));
        r.put("a", List.of("Hội nghị", "", "tổng kết"));
        r.put("m", Map.of("tỷ", 842L, "USD", -1L));
        byte[] bytes = encode(EVERY_TYPE, r);

        Object bounded = new GenericDatumReader<>(EVERY_TYPE).read(null,
                new BoundedBinaryDecoder(bytes, 0, bytes.length));
        Object avros = new GenericDatumReader<>(EVERY_TYPE).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(bounded).isEqualTo(avros);
    }

    @Test
    void givenTwentyBytesClaimingATwoGibString_whenDeserialized_thenADecodingLimitErrorNotOutOfMemory() {
        // Confluent header (magic 0, schema id 1), then RawArticle's first field, articleId: a string whose length
        // is the largest Avro's own check lets through (2^31 - 9 bytes), so its decoder would allocate 2 GiB
        long claimed = Integer.MAX_VALUE - 8;
        ByteBuffer payload = ByteBuffer.allocate(20).put((byte) 0).putInt(1);
        for (long zigzag = claimed << 1; ; zigzag >>>= 7) {
            if ((zigzag & ~0x7FL) == 0) {
                payload.put((byte) zigzag);
                break;
            }
            payload.put((byte) ((zigzag & 0x7F) | 0x80));
        }
        AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(registryWith(1, RawArticle.getClassSchema()),
                RawArticle.class);

        assertThatThrownBy(() -> deserializer.deserialize("news.raw.v1", payload.array()))
                .isInstanceOf(AvroDecodingLimitException.class)
                .hasMessageContaining("news.raw.v1")
                .hasMessageContaining(claimed + " bytes")
                .hasMessageContaining("20 bytes");
    }

    @Test
    void givenAnArrayBlockClaimingMoreItemsThanBytesLeft_whenDecoded_thenADecodingLimitError() {
        Schema strings = Schema.createArray(Schema.create(Schema.Type.STRING));
        byte[] data = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0, 0}; // 2^30 - 1 items

        assertThatThrownBy(() -> new GenericDatumReader<>(strings).read(null,
                new BoundedBinaryDecoder(data, 0, data.length)))
                .isInstanceOf(AvroDecodingLimitException.class)
                .hasMessageContaining("1073741823 items");
    }

    @Test
    void givenAValidRawArticle_whenDeserializedThroughTheSerde_thenItReadsBack() throws IOException {
        RawArticle article = RawArticle.newBuilder().setArticleId("t-1").setReceivedAt(Instant.ofEpochMilli(1000))
                .setOriginalText("Hội nghị").setText("Hội nghị").setContentHash("ab").build();
        byte[] body = encode(RawArticle.getClassSchema(), article);
        byte[] payload = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(7).put(body).array();
        AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(registryWith(7, RawArticle.getClassSchema()),
                RawArticle.class);

        assertThat(deserializer.deserialize("news.raw.v1", payload)).isEqualTo(article);
    }

    private static byte[] encode(Schema schema, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema, org.apache.avro.specific.SpecificData.get()).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** A registry that knows one schema id; nothing else is called by deserializing. */
    private static SchemaRegistryClient registryWith(int id, Schema schema) {
        return (SchemaRegistryClient) Proxy.newProxyInstance(SchemaRegistryClient.class.getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSchemaById" -> {
                        if ((int) args[0] != id) {
                            throw new SchemaRegistryException("no schema " + args[0], 404, 40403);
                        }
                        yield schema;
                    }
                    case "urls" -> List.of("http://registry.test");
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
