package dev.fanoutbench.bench.model;

import java.time.Duration;

/**
 * A fixed number of iterations of a hash loop, calibrated so that one run takes about the asked
 * duration on one idle core. Fixed work, not a timed spin: ten of them on two cores take five
 * times as long as one, as real CPU-bound code does.
 *
 * @param iterations     how much work one run does
 * @param measuredNanos  the fastest of a few runs right after calibration: the physical floor of one run
 */
public record CpuWork(long iterations, long measuredNanos) {

    public static final CpuWork NONE = new CpuWork(0, 0);
    private static final long WARM_UP_NANOS = 300_000_000L;
    private static volatile long sink;

    /**
     * Measures this machine and returns work of about {@code target} on one idle core. Runs the
     * loop hot first: calibrated cold, the JIT would make the "20 ms" of work take 6 ms later on.
     */
    public static CpuWork calibrated(Duration target) {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            run(1_000_000);
        }
        long iterations = 1_000_000;
        long took = fastestOf(3, iterations);
        while (took < 20_000_000L) {
            iterations *= 2;
            took = fastestOf(3, iterations);
        }
        long calibrated = Math.max(1, (long) ((double) iterations * target.toNanos() / took));
        return new CpuWork(calibrated, fastestOf(3, calibrated));
    }

    public void run() {
        run(iterations);
    }

    private static long fastestOf(int runs, long iterations) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(iterations);
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return fastest;
    }

    private static void run(long iterations) {
        long h = 1125899906842597L;
        for (long i = 0; i < iterations; i++) {
            h = 31 * h + (h >>> 7) + i;
        }
        sink = h;
    }
}
