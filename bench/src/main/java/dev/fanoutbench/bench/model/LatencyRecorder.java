package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.Series;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Every ended request: its response time, service time and dispatch delay in nanoseconds (the
 * unit HdrHistogram's log tools assume), in three {@link Recorder}s, and how it ended, counted by
 * kind. Failed requests are recorded too: a timeout is a latency as well. A request that was never
 * dispatched has no service time; one that was dropped (never sent) is only counted.
 *
 * <p>Thread-safety: {@link #record} is wait-free and may be called from any number of threads;
 * {@link #intervalSnapshot()} is for one reader at a time.
 */
public final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder responseNanos = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder serviceNanos = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder dispatchNanos = new Recorder(SIGNIFICANT_DIGITS);
    private final Map<OutcomeKind, LongAdder> ended = new EnumMap<>(OutcomeKind.class);
    private final Map<Integer, LongAdder> errorStatuses = new java.util.concurrent.ConcurrentHashMap<>();

    public LatencyRecorder() {
        for (OutcomeKind kind : OutcomeKind.values()) {
            ended.put(kind, new LongAdder());
        }
    }

    public void record(Outcome outcome) {
        ended.get(outcome.kind()).increment();
        if (outcome.kind() == OutcomeKind.HTTP_ERROR) {
            errorStatuses
                    .computeIfAbsent(outcome.status(), s -> new LongAdder())
                    .increment();
        }
        if (outcome.kind() == OutcomeKind.DROPPED) {
            return; // never sent: it has no latency, and a zero would flatter every percentile
        }
        Timings timings = outcome.timings();
        responseNanos.recordValue(Math.max(0, timings.responseTimeNanos()));
        if (timings.wasDispatched()) {
            serviceNanos.recordValue(Math.max(0, timings.serviceTimeNanos()));
        }
        dispatchNanos.recordValue(Math.max(0, timings.dispatchDelayNanos()));
    }

    /**
     * The three histograms since the last call (each call starts a new interval), nanoseconds, as
     * plain histograms: a Recorder's own are concurrent ones that take a lock for every bucket they
     * read, and a trial reads each interval four times (its log, the totals, the iteration, the
     * percentiles): profiled, that was a fifth of a recorded fork's CPU.
     */
    public Snapshot intervalSnapshot() {
        return new Snapshot(plain(responseNanos), plain(serviceNanos), plain(dispatchNanos));
    }

    private static Histogram plain(Recorder recorder) {
        Histogram copy = new Histogram(SIGNIFICANT_DIGITS);
        recorder.getIntervalHistogramInto(copy);
        return copy;
    }

    /** Requests ended so far, by kind (never reset). */
    public Map<OutcomeKind, Long> endedSoFar() {
        Map<OutcomeKind, Long> counts = new EnumMap<>(OutcomeKind.class);
        ended.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    /** The statuses of the HTTP errors so far, by status (never reset). */
    public Map<Integer, Long> errorStatusesSoFar() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        errorStatuses.forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }

    public record Snapshot(Histogram responseNanos, Histogram serviceNanos, Histogram dispatchNanos) {

        public Histogram of(Series series) {
            return switch (series) {
                case RESPONSE -> responseNanos;
                case SERVICE -> serviceNanos;
                case DISPATCH -> dispatchNanos;
            };
        }
    }
}
