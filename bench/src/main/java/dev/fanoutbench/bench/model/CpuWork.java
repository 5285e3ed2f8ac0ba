package dev.fanoutbench.bench.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A fixed number of iterations of a hash loop, calibrated so that one run takes about the asked
 * duration on one idle core. Fixed work, not a timed spin: ten of them on two cores take five
 * times as long as one, as real CPU-bound code does.
 *
 * @param iterations     how much work one run does
 * @param measuredNanos  one run's CPU time at the fastest rate calibration measured: this machine's
 *                       best, as far as its clock and the JIT's code for the loop stay the same
 */
public record CpuWork(long iterations, long measuredNanos) {

    public static final CpuWork NONE = new CpuWork(0, 0);
    private static final long WARM_UP_NANOS = 300_000_000L;
    /** A round is about 200 ms of work; its fastest run is the round's rate. */
    private static final int RUNS_PER_ROUND = 10;
    /** Two seconds of rounds at most, for a JIT that is slow to finish. */
    private static final int MAX_ROUNDS = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    /**
     * Measures this machine and returns work of about {@code target} on one idle core. Runs the
     * loop hot first: calibrated cold, the JIT would make the "20 ms" of work take 6 ms later on.
     * A fixed warm-up is not always enough (in a test JVM still compiling other code on a busy
     * machine, the loop later ran 3.5 times as fast), so rounds go on until one is no faster than
     * the last; a JIT that pauses at a slower tier can still fool them. Timed in the thread's CPU
     * time: the wall clock also counts the time a busy machine kept the thread off its core, and
     * timed that way later runs beat the "floor" by up to 27% (70% with both cores busy meanwhile).
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
        double nanosPerIteration = (double) took / iterations;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long n = iterationsFor(target, nanosPerIteration);
            double rate = (double) fastestOf(RUNS_PER_ROUND, n) / n;
            boolean settled = rate > 0.98 * nanosPerIteration;
            nanosPerIteration = Math.min(nanosPerIteration, rate);
            if (settled) {
                break;
            }
        }
        long calibrated = iterationsFor(target, nanosPerIteration);
        return new CpuWork(calibrated, Math.round(calibrated * nanosPerIteration));
    }

    public void run() {
        run(iterations);
    }

    /** The least CPU time of {@code runs} runs of this work, timed now. */
    public long fastestRunNanos(int runs) {
        return fastestOf(runs, iterations);
    }

    private static long iterationsFor(Duration target, double nanosPerIteration) {
        return Math.max(1, (long) (target.toNanos() / nanosPerIteration));
    }

    private static long fastestOf(int runs, long iterations) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            run(iterations);
            fastest = Math.min(fastest, THREADS.getCurrentThreadCpuTime() - start);
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
