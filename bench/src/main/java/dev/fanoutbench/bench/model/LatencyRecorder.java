package dev.fanoutbench.bench.model;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Every request's response time, service time and dispatch delay, in microseconds, in three
 * HdrHistogram {@link Recorder}s (wait-free for the many threads that record; one reader takes
 * interval snapshots). Failed requests are recorded too: a timeout is a latency as well.
 */
public final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder responseMicros = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder serviceMicros = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder dispatchMicros = new Recorder(SIGNIFICANT_DIGITS);

    public void record(Timings timings) {
        responseMicros.recordValue(micros(timings.responseTimeNanos()));
        serviceMicros.recordValue(micros(timings.serviceTimeNanos()));
        dispatchMicros.recordValue(micros(timings.dispatchDelayNanos()));
    }

    /** The three histograms since the last call (each call starts a new interval). */
    public Snapshot intervalSnapshot() {
        return new Snapshot(responseMicros.getIntervalHistogram(), serviceMicros.getIntervalHistogram(),
                dispatchMicros.getIntervalHistogram());
    }

    public record Snapshot(Histogram responseMicros, Histogram serviceMicros, Histogram dispatchMicros) {}

    private static long micros(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
    }
}
