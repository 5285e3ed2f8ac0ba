package dev.fanoutbench.mock;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The admission rule of {@code /api/limited}: at most {@code limit} admitted requests in flight;
 * one more is rejected, as a rate-limited API answers 429. Thread-safe and lock-free.
 */
final class InFlightLimit {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Returns the in-flight count including this request, or -1 when it must be rejected. */
    int tryAdmit() {
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                rejected.increment();
                return -1;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                peak.accumulateAndGet(current + 1, Math::max);
                admitted.increment();
                return current + 1;
            }
        }
    }

    void release() {
        inFlight.decrementAndGet();
    }

    ServerStats.LimitStats snapshot() {
        return new ServerStats.LimitStats(limit, inFlight.get(), peak.get(), admitted.sum(), rejected.sum());
    }

    void reset() {
        peak.set(inFlight.get());
        admitted.reset();
        rejected.reset();
    }
}
