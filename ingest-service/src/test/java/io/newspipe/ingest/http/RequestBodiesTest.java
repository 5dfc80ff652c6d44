package io.newspipe.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void givenBodyOverLimitWithoutLength_whenRead_thenStopsAtLimitWith413() {
        byte[] big = new byte[10_000];
        CountingStream in = new CountingStream(big);

        assertThatThrownBy(() -> RequestBodies.readBounded(in, -1, 1000))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(413);
        assertThat(in.read).isEqualTo(1001);
    }

    @Test
    void givenDeclaredLengthOverLimit_whenRead_thenNothingIsRead() {
        CountingStream in = new CountingStream(new byte[10]);

        assertThatThrownBy(() -> RequestBodies.readBounded(in, 5000, 1000)).isInstanceOf(ApiException.class);
        assertThat(in.read).isZero();
    }

    @Test
    void givenBodyAtLimit_whenRead_thenAllBytesReturned() throws Exception {
        byte[] body = "Hội nghị".getBytes(StandardCharsets.UTF_8);

        assertThat(RequestBodies.readBounded(new ByteArrayInputStream(body), body.length, body.length)).isEqualTo(body);
    }

    @Test
    void givenInvalidUtf8_whenDecoded_thenRejectedWithByteOffset() {
        byte[] bad = {'a', 'b', (byte) 0xC3, (byte) 0x28};

        assertThatThrownBy(() -> RequestBodies.decodeUtf8(bad, "request body"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte 2");
    }

    @Test
    void givenVietnameseUtf8_whenDecoded_thenTextIsExact() {
        String text = "Bí thư Tỉnh ủy Nghệ An";

        assertThat(RequestBodies.decodeUtf8(text.getBytes(StandardCharsets.UTF_8), "x")).isEqualTo(text);
    }

    static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        int read;

        CountingStream(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
