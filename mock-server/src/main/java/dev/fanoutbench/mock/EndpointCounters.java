package dev.fanoutbench.mock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Live counters of one endpoint. Writers are lock-free; only snapshots and resets lock. */
final class EndpointCounters {

    static final String CLIENT_DISCONNECTED = "client-disconnected";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder received = new LongAdder();
    private final LongAdder fromClientClock = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Recorder latenessMicros = new Recorder(3);
    private final Histogram latenessSoFar = new Histogram(3);
    private Histogram interval;
    private final AtomicLong firstArrivalNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastArrivalNanos = new AtomicLong(Long.MIN_VALUE);

    void arrived(long arrivalNanos) {
        received.increment();
        // a burst's arrivals are spread over its send phase: how long that was is what a client could not hide
        if (firstArrivalNanos.get() > arrivalNanos) {
            firstArrivalNanos.accumulateAndGet(arrivalNanos, Math::min);
        }
        if (lastArrivalNanos.get() < arrivalNanos) {
            lastArrivalNanos.accumulateAndGet(arrivalNanos, Math::max);
        }
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void answerStarted(long latenessNanos, boolean measuredFromClientClock) {
        if (measuredFromClientClock) {
            fromClientClock.increment();
        }
        latenessMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latenessNanos)));
    }

    void left() {
        inFlight.decrementAndGet();
    }

    void ended(String outcome) {
        if (CLIENT_DISCONNECTED.equals(outcome)) {
            disconnects.increment();
        } else {
            served.increment();
        }
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    synchronized ServerStats.EndpointStats snapshot() {
        interval = latenessMicros.getIntervalHistogram(interval);
        latenessSoFar.add(interval);
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((name, count) -> {
            if (count.sum() > 0) {
                byOutcome.put(name, count.sum());
            }
        });
        Histogram h = latenessSoFar;
        ServerStats.Lateness lateness = new ServerStats.Lateness(
                h.getTotalCount(),
                fromClientClock.sum(),
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(90),
                h.getValueAtPercentile(99),
                h.getMaxValue());
        long first = firstArrivalNanos.get();
        long last = lastArrivalNanos.get();
        return new ServerStats.EndpointStats(
                received.sum(),
                inFlight.get(),
                peak.get(),
                served.sum(),
                disconnects.sum(),
                byOutcome,
                lateness,
                last < first ? 0 : TimeUnit.NANOSECONDS.toMicros(last - first));
    }

    synchronized void reset() {
        peak.set(inFlight.get());
        received.reset();
        fromClientClock.reset();
        served.reset();
        disconnects.reset();
        outcomes.values().forEach(LongAdder::reset);
        latenessMicros.reset();
        latenessSoFar.reset();
        firstArrivalNanos.set(Long.MAX_VALUE);
        lastArrivalNanos.set(Long.MIN_VALUE);
    }
}
