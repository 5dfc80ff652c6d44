package io.newspipe.ingest.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies the service holds at once, from the first byte read until the reply is sent (while a
 * write waits for Kafka, its body stays held). A request that would go over the budget is refused with 503, so
 * memory is bounded by bytes, not by the number of requests, however many clients send large batches while Kafka is
 * slow or down.
 */
public final class ByteBudget {

    private final long capacity;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the byte budget must be at least 1 byte, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Takes {@code bytes} from the budget, or nothing when that would exceed it. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = held.get();
            long next = now + bytes;
            if (next > capacity) {
                return false;
            }
            if (held.compareAndSet(now, next)) {
                peak.accumulateAndGet(next, Math::max);
                return true;
            }
        }
    }

    public void release(long bytes) {
        held.addAndGet(-bytes);
    }

    public long capacity() {
        return capacity;
    }

    public long held() {
        return held.get();
    }

    /** The most ever held at once. */
    public long peak() {
        return peak.get();
    }
}
