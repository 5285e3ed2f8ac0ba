package dev.fanoutbench.bench.workload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * One measured unit of a workload: its latencies, errors and throughput are recorded and judged
 * apart from the others'. Open windows send on a schedule whose rate goes linearly from
 * {@code fromRate} to {@code toRate} (see {@link Schedule}); closed ones keep {@code concurrency}
 * requests in flight.
 *
 * @param index       the measured windows count from 0; the warm-up window is -1, never recorded
 * @param duration    null only for a closed window bounded by {@code count}
 * @param concurrency a closed window's in-flight requests; 0 for an open window (no limit)
 * @param count       a closed window's requests (0 when bounded by duration); an open window's
 *                    expected requests, round(mean rate x seconds): exact for constant arrivals,
 *                    the mean for Poisson ones
 * @param arrivals    null for a closed window
 */
public record Window(
        int index,
        String label,
        double fromRate,
        double toRate,
        Duration duration,
        int concurrency,
        long count,
        Arrivals arrivals) {

    public boolean open() {
        return fromRate > 0;
    }

    /**
     * The mean rate the window offers, in requests a second; NaN for a closed window, whose
     * throughput is an outcome of the latency, not something it offers (0 would read as "idle").
     */
    public double offeredPerSecond() {
        return open() ? (fromRate + toRate) / 2 : Double.NaN;
    }

    /** A rate as a label writes it, to 6 significant digits: 1500, 0.3 (not 0.30000000000000004), 333.333. */
    static String rate(double rate) {
        return BigDecimal.valueOf(rate)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
