package io.newspipe.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteSinkTest {

    @Test
    void givenMixedWritesPastItsCapacity_whenCollected_thenSameBytesAsByteArrayOutputStream() throws IOException {
        ByteSink sink = new ByteSink(16);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        Random random = new Random(27);
        try (DataOutputStream a = new DataOutputStream(sink); DataOutputStream b = new DataOutputStream(reference)) {
            for (int i = 0; i < 500; i++) {
                int v = random.nextInt();
                byte[] chunk = new byte[random.nextInt(100)];
                random.nextBytes(chunk);
                a.writeInt(v);
                b.writeInt(v);
                a.write(chunk);
                b.write(chunk);
            }
        }
        assertThat(sink.size()).isEqualTo(reference.size()).isGreaterThan(16);
        assertThat(sink.toByteArray()).isEqualTo(reference.toByteArray());
    }

    @Test
    void givenAReset_whenWrittenAgain_thenOnlyTheNewBytesAreThere() {
        ByteSink sink = new ByteSink(16);
        sink.write(new byte[5000], 0, 5000);
        sink.reset(1024); // grew past 1 KiB: the large buffer is dropped
        sink.write(7);
        assertThat(sink.toByteArray()).containsExactly(7);
    }
}
