package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.mock.ServerStats;
import java.util.Map;

/**
 * What one trial (benchmark x model x params) saw besides JMH's score, written by the forked JVM
 * as {@code records/<key>.json} for the run summary. Counts and histograms cover measurement
 * iterations only.
 *
 * @param offeredConcurrency requests the benchmark puts in flight at once
 * @param threadCap          a fixed pool's size when smaller than that, else 0
 * @param sent               requests started
 * @param outcomes           ended requests by {@code Outcome.Kind}; they must add up to {@code sent}
 * @param pinnedAt           where virtual threads pinned their carrier: the first frame outside the
 *                           JDK, with counts (the three most frequent)
 * @param files              histogram files, relative to the run folder
 */
public record TrialRecord(String key, String benchmark, String model, Map<String, String> params, double idealMillis,
                          int offeredConcurrency, int threadCap, long sent, Map<String, Long> outcomes,
                          Map<String, Percentiles> latencyMicros, Server server, int peakThreads,
                          long cpuMicrosPerRequest, long pinnedEvents, Map<String, Long> pinnedAt, long blockedThreadWarnings,
                          Map<String, String> files) {

    /** Microseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {}

    /**
     * @param peakInFlight   the most in flight at the server in any measurement iteration
     * @param latenessMicros the server's own lateness (worst iteration's p50/p99/max)
     */
    public record Server(int peakInFlight, long served, long clientDisconnects, ServerStats.Lateness latenessMicros) {}
}
