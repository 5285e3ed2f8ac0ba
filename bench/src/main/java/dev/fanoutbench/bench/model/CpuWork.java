package dev.fanoutbench.bench.model;

import java.time.Duration;

/**
 * A fixed number of iterations of a hash loop, calibrated once so that it takes about the asked
 * duration on one idle core. Fixed work, not a timed spin: ten of them on two cores take five
 * times as long as one, as real CPU-bound code does.
 */
public record CpuWork(long iterations) {

    public static final CpuWork NONE = new CpuWork(0);
    private static volatile long sink;

    /** Measures this machine and returns work of about {@code target} on one idle core. */
    public static CpuWork calibrated(Duration target) {
        long iterations = 100_000;
        long took = 0;
        for (int round = 0; round < 20 && took < 50_000_000L; round++) {
            long start = System.nanoTime();
            new CpuWork(iterations).run();
            took = System.nanoTime() - start;
            if (took < 50_000_000L) {
                iterations *= 2;
            }
        }
        return new CpuWork(Math.max(1, (long) ((double) iterations * target.toNanos() / Math.max(1, took))));
    }

    public void run() {
        long h = 1125899906842597L;
        for (long i = 0; i < iterations; i++) {
            h = 31 * h + (h >>> 7) + i;
        }
        sink = h;
    }
}
