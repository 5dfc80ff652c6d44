package io.newspipe.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private final ByteBudget budget = new ByteBudget(1 << 20);

    @Test
    void givenBodyOverLimitWithoutLength_whenRead_thenStopsAtLimitWith413AndHoldsNothing() {
        ChunkedSource in = new ChunkedSource(new byte[10_000], 500);

        CompletableFuture<RequestBodies.Body> body = RequestBodies.read(in, -1, 1000, "--max-body-bytes", budget, null);

        assertRejected(body, 413, "body_too_large");
        assertThat(in.chunksRead).isEqualTo(3); // 500 + 500, then the chunk that crossed the limit
        assertThat(budget.held()).isZero();
    }

    @Test
    void givenDeclaredLengthOverLimit_whenRead_thenNothingIsReadAndTheLimitIsNamed() {
        ChunkedSource in = new ChunkedSource(new byte[10], 10);

        CompletableFuture<RequestBodies.Body> body = RequestBodies.read(in, 5000, 1000, "--max-batch-bytes", budget, null);

        assertRejected(body, 413, "body_too_large");
        assertThatThrownBy(body::get).hasMessageContaining("--max-batch-bytes").hasMessageContaining("1000");
        assertThat(in.chunksRead).isZero();
    }

    @Test
    void givenBodyAtLimit_whenRead_thenAllBytesReturnedAndHeldUntilReleased() throws Exception {
        byte[] bytes = "Hội nghị tổng kết công tác năm".getBytes(StandardCharsets.UTF_8);

        RequestBodies.Body body = RequestBodies.read(new ChunkedSource(bytes, 7), -1, bytes.length, "x", budget, null).get();

        assertThat(body.bytes()).isEqualTo(bytes);
        assertThat(budget.held()).isEqualTo(bytes.length);
        body.release();
        body.release();
        assertThat(budget.held()).isZero();
    }

    @Test
    void givenBudgetAlmostTaken_whenABodyNeedsMore_then503OverloadedAndItsBytesAreGivenBack() {
        ByteBudget small = new ByteBudget(40_000);
        assertThat(small.tryReserve(30_000)).isTrue();

        CompletableFuture<RequestBodies.Body> body = RequestBodies.read(new ChunkedSource(new byte[20_000], 4096), -1,
                100_000, "x", small, null);

        assertRejected(body, 503, "overloaded");
        assertThat(small.held()).isEqualTo(30_000);
    }

    @Test
    void givenDeclaredLengthAboveTheWholeBudget_whenRead_then413NamingTheBudget() {
        CompletableFuture<RequestBodies.Body> body = RequestBodies.read(new ChunkedSource(new byte[10], 10),
                5_000_000, 10_000_000, "x", budget, null);

        assertRejected(body, 413, "body_too_large");
        assertThatThrownBy(body::get).hasMessageContaining("--max-bytes-in-flight");
    }

    @Test
    void givenALargeDeclaredLengthButFewBytesSent_whenReading_thenOnlyWhatArrivedIsHeld() {
        StallingSource in = new StallingSource(new byte[1000]);

        CompletableFuture<RequestBodies.Body> body = RequestBodies.read(in, 900_000, 1_000_000, "x", budget, null);

        assertThat(body).isNotDone();
        assertThat(budget.held()).isLessThanOrEqualTo(RequestBodies.INITIAL_BUFFER);
    }

    @Test
    void givenABodyThatStopsArriving_whenThePaceIsChecked_thenItFailsWithATimeoutAndGivesItsBytesBack()
            throws Exception {
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("pace-test", true);
        scheduler.start();
        try {
            RequestBodies.Pace pace = new RequestBodies.Pace(1024, Duration.ofMillis(200), scheduler);

            CompletableFuture<RequestBodies.Body> body = RequestBodies.read(new StallingSource(new byte[10]), 100_000,
                    1_000_000, "x", budget, pace);

            assertThatThrownBy(() -> body.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("bytes/s");
            assertThat(budget.held()).isZero();
        } finally {
            scheduler.stop();
        }
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

    private static void assertRejected(CompletableFuture<RequestBodies.Body> body, int status, String error) {
        assertThat(body).isCompletedExceptionally();
        try {
            body.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ApiException.class);
            assertThat(((ApiException) e.getCause()).status()).isEqualTo(status);
            assertThat(((ApiException) e.getCause()).error()).isEqualTo(error);
            return;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("expected " + status);
    }

    /** A source that has all its bytes available at once, in chunks of a given size. */
    static final class ChunkedSource implements Content.Source {
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        int chunksRead;

        ChunkedSource(byte[] data, int chunkSize) {
            for (int i = 0; i < data.length; i += chunkSize) {
                int n = Math.min(chunkSize, data.length - i);
                chunks.add(Content.Chunk.from(ByteBuffer.wrap(data, i, n), i + n == data.length));
            }
            if (chunks.isEmpty()) {
                chunks.add(Content.Chunk.EOF);
            }
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = chunks.poll();
            if (c != null) {
                chunksRead++;
            }
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            throw new AssertionError("all chunks are available");
        }

        @Override
        public void fail(Throwable failure) {
        }
    }

    /** A source that delivers some bytes, then nothing more (a client that stopped sending). */
    static final class StallingSource implements Content.Source {
        private Content.Chunk first;

        StallingSource(byte[] data) {
            this.first = Content.Chunk.from(ByteBuffer.wrap(data), false);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = first;
            first = null;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            // never called back: the client sends nothing more
        }

        @Override
        public void fail(Throwable failure) {
        }
    }
}
