package io.newspipe.ingest.http;

import io.newspipe.common.ErrorCode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reading request bodies safely: asynchronously (a slow upload holds no thread), never more than a limit, never
 * more bytes in memory than a {@link ByteBudget} allows, and only valid UTF-8.
 */
public final class RequestBodies {

    /** Buffer of a body of unknown length (chunked) to start with; it doubles as bytes arrive. */
    static final int INITIAL_BUFFER = 16 * 1024;

    /**
     * How fast a body must arrive: after {@code grace}, at least {@code minBytesPerSecond} on average since the
     * request began, checked every second; slower bodies fail with a {@link TimeoutException} (answered 408). Jetty 12
     * core has no such check (its minRequestDataRate is not used), and without one a client sending a byte every few
     * seconds would hold its connection, and its bytes of the budget, for ever.
     */
    public record Pace(long minBytesPerSecond, Duration grace, Scheduler scheduler) {

        /** 1 KiB/s after 10 s: a 10 KB article on the slowest phone link arrives well within it. */
        public static Pace standard(Scheduler scheduler) {
            return new Pace(1024, Duration.ofSeconds(10), scheduler);
        }
    }

    private RequestBodies() {
    }

    /** A body read into memory; it holds its bytes of the budget until {@link #release()}. */
    public static final class Body {
        private final byte[] bytes;
        private final ByteBudget budget;
        private final AtomicBoolean released = new AtomicBoolean();

        Body(byte[] bytes, ByteBudget budget) {
            this.bytes = bytes;
            this.budget = budget;
        }

        public byte[] bytes() {
            return bytes;
        }

        /** Gives the bytes back to the budget (once; later calls do nothing). */
        public void release() {
            if (released.compareAndSet(false, true)) {
                budget.release(bytes.length);
            }
        }
    }

    /**
     * Reads the whole body, or fails with 413 as soon as it is known to exceed {@code maxBytes}: at once when the
     * declared Content-Length is too large, else when the byte after the limit arrives (the rest is not read). Fails
     * with 503 {@code overloaded} when the budget cannot take the body now. Memory is taken as bytes arrive, in
     * doubling steps up to the declared length, each step reserved from the budget before it is allocated. A failure of the connection itself (the client
     * went away, the body came too slowly) completes the future with Jetty's exception.
     *
     * @param declaredLength the Content-Length, or -1 when unknown (chunked)
     * @param limitOption    the option that sets {@code maxBytes}, named in the 413 message
     * @param pace           the minimum data rate, or null for none
     */
    public static CompletableFuture<Body> read(Content.Source source, long declaredLength, long maxBytes,
            String limitOption, ByteBudget budget, Pace pace) {
        CompletableFuture<Body> result = new CompletableFuture<>();
        if (declaredLength > maxBytes) {
            result.completeExceptionally(tooLarge(declaredLength + " bytes declared", maxBytes, limitOption));
            return result;
        }
        if (declaredLength > budget.capacity()) {
            result.completeExceptionally(tooLarge(declaredLength + " bytes declared", budget.capacity(),
                    "--max-bytes-in-flight"));
            return result;
        }
        Reader reader = new Reader(source, declaredLength, maxBytes, limitOption, budget, result);
        reader.run();
        // Most bodies arrive with their headers and are read by the run above: only a body still arriving needs its
        // pace watched (a scheduled check per request would wake the scheduler thread once per request)
        if (pace != null && !result.isDone()) {
            reader.watch(pace);
        }
        return result;
    }

    /** One read: pulls chunks while they are available, asks to be called back when they are not. */
    private static final class Reader implements Runnable {
        private final Content.Source source;
        private final long maxBytes;
        private final String limitOption;
        private final ByteBudget budget;
        private final CompletableFuture<Body> result;
        private final long declaredLength;
        private final long startNanos = System.nanoTime();
        private byte[] buffer = new byte[0];
        private int size;
        /** Set when the budget refused the body: the rest is read and dropped, then this is the answer. */
        private ApiException refused;
        /** The next pace check, while one is pending. */
        private Scheduler.Task paceCheck;

        Reader(Content.Source source, long declaredLength, long maxBytes, String limitOption, ByteBudget budget,
                CompletableFuture<Body> result) {
            this.source = source;
            this.declaredLength = declaredLength;
            this.maxBytes = maxBytes;
            this.limitOption = limitOption;
            this.budget = budget;
            this.result = result;
        }

        /** Checks the pace every second until the body is read; the pending check is cancelled when it is. */
        synchronized void watch(Pace pace) {
            if (result.isDone()) {
                return;
            }
            paceCheck = pace.scheduler().schedule(() -> checkPace(pace), 1, TimeUnit.SECONDS);
        }

        private synchronized void checkPace(Pace pace) {
            if (result.isDone()) {
                return;
            }
            long elapsedMillis = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
            long rate = size * 1000L / elapsedMillis;
            if (elapsedMillis >= pace.grace().toMillis() && rate < pace.minBytesPerSecond()) {
                TimeoutException slow = new TimeoutException("the request body arrived at " + rate + " bytes/s ("
                        + size + " bytes in " + elapsedMillis + " ms); at least " + pace.minBytesPerSecond()
                        + " bytes/s are required");
                source.fail(slow);
                fail(slow);
                return;
            }
            watch(pace);
        }

        @Override
        public synchronized void run() {
            while (!result.isDone()) {
                Content.Chunk chunk = source.read();
                if (chunk == null) {
                    source.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(chunk.getFailure());
                    return;
                }
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    int n = bytes.remaining();
                    if (size + (long) n > maxBytes) {
                        fail(tooLarge("more than " + maxBytes + " bytes sent", maxBytes, limitOption));
                        return;
                    }
                    if (refused == null && makeRoom(size + n)) {
                        bytes.get(buffer, size, n);
                    }
                    size += n;
                } finally {
                    chunk.release();
                }
                if (chunk.isLast()) {
                    if (refused != null) {
                        fail(refused);
                    } else {
                        finish();
                    }
                    return;
                }
            }
        }

        /**
         * Grows the buffer to hold {@code needed} bytes, taking the new buffer from the budget first. When the budget
         * cannot, the bytes held so far go back and the rest of the body is read and dropped before the 503 is sent:
         * a reply sent while the client is still uploading would be lost to most clients (they see a reset).
         */
        private boolean makeRoom(int needed) {
            if (needed <= buffer.length) {
                return true;
            }
            // doubling, never past the declared length: a client that declares much and sends little holds little
            long cap = declaredLength >= needed ? declaredLength : maxBytes;
            int capacity = (int) Math.min(cap, Math.max(needed, Math.max(INITIAL_BUFFER, 2L * buffer.length)));
            if (!budget.tryReserve(capacity)) {
                refused = overloaded(budget);
                budget.release(buffer.length);
                buffer = new byte[0];
                return false;
            }
            byte[] grown = new byte[capacity];
            System.arraycopy(buffer, 0, grown, 0, size);
            budget.release(buffer.length);
            buffer = grown;
            return true;
        }

        private void finish() {
            if (size != buffer.length) { // trim, so the body holds exactly its bytes of the budget
                byte[] exact = new byte[size];
                System.arraycopy(buffer, 0, exact, 0, size);
                budget.release(buffer.length - size);
                buffer = exact;
            }
            stopWatching();
            result.complete(new Body(buffer, budget));
        }

        private void stopWatching() {
            if (paceCheck != null) {
                paceCheck.cancel();
                paceCheck = null;
            }
        }

        private void fail(Throwable failure) {
            if (result.isDone()) {
                return;
            }
            stopWatching();
            budget.release(buffer.length);
            buffer = new byte[0];
            result.completeExceptionally(failure);
        }
    }

    private static ApiException tooLarge(String what, long maxBytes, String limitOption) {
        return new ApiException(ErrorCode.BODY_TOO_LARGE,
                "request body too large (" + what + "); the limit is " + maxBytes + " bytes (" + limitOption + ")");
    }

    private static ApiException overloaded(ByteBudget budget) {
        return new ApiException(ErrorCode.OVERLOADED, "the service already holds " + budget.held() + " of the "
                + budget.capacity() + " bytes it keeps for request bodies (--max-bytes-in-flight); retry shortly",
                Map.of("Retry-After", "1"), null);
    }

    /**
     * Decodes strictly: malformed or unmappable input is reported (never replaced), with the byte offset of the first
     * bad byte.
     *
     * @throws ApiException 400 {@code invalid_utf8}
     */
    public static String decodeUtf8(byte[] bytes, int offset, int length, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position() - offset;
            throw new ApiException(ErrorCode.INVALID_UTF8, what + " is not valid UTF-8: " + describe(result)
                    + " at byte " + at + " (send the text encoded as UTF-8)");
        }
        out.flip();
        return out.toString();
    }

    public static String decodeUtf8(byte[] bytes, String what) {
        return decodeUtf8(bytes, 0, bytes.length, what);
    }

    private static String describe(CoderResult result) {
        try {
            result.throwException();
            return result.toString();
        } catch (CharacterCodingException e) {
            return (result.isMalformed() ? "malformed input of " : "unmappable input of ") + result.length() + " byte(s)";
        }
    }
}
