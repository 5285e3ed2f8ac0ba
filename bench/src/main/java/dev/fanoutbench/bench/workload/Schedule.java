package dev.fanoutbench.bench.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When an open window's requests are meant to start, fixed before the window runs: a sender that
 * falls behind must still be measured from these intended times, or its own lateness would hide
 * the server's queueing (coordinated omission).
 *
 * <p>The window's rate goes linearly from a to b over d seconds, so the requests due by t are
 * N(t) = a t + (b - a) t^2 / (2 d). Constant arrivals start request i at N(t) = i (i from 0, so
 * the first starts at once); Poisson arrivals at N(t) = E_i, E_i the running sum of unit-rate
 * exponential gaps (the time change that turns a unit-rate Poisson process into one at rate(t)).
 */
public final class Schedule {

    private Schedule() {}

    /**
     * The start offsets, in nanoseconds from the window's start, ascending and below its duration.
     * Constant arrivals give round(mean rate x seconds) requests; Poisson ones a Poisson number
     * with that mean, the same for the same seed (give each window its own).
     *
     * @throws IllegalArgumentException for a closed window, which has no schedule
     */
    public static long[] offsets(Window w, long seed) {
        return offsets(w, seed, Slice.WHOLE);
    }

    /**
     * Generator i of N's part of the window's schedule, for a rate one machine cannot send alone: constant arrivals
     * are striped (requests i, i + N, i + 2N... of the whole schedule), so the N slices together are exactly it,
     * each at rate / N with its own phase; Poisson arrivals are N independent Poisson streams of rate / N (each
     * its own seed), whose superposition is a Poisson stream at the whole rate.
     */
    public static long[] offsets(Window w, long seed, Slice slice) {
        if (!w.open()) {
            throw new IllegalArgumentException("window " + w.index() + " (" + w.label()
                    + ") is closed: its requests start as earlier ones end, not on a schedule");
        }
        long nanos = w.duration().toNanos();
        double seconds = nanos / 1e9;
        double a = w.fromRate();
        double b = w.toRate();
        double total = (a + b) / 2 * seconds;
        if (total > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("window " + w.index() + " (" + w.label()
                    + ") has too many requests for one schedule: " + Math.round(total));
        }
        return switch (w.arrivals()) {
            case CONSTANT -> slice.stripe(evenly(a, b, seconds, nanos, Math.round(total)));
            case POISSON ->
                slice.count() == 1
                        ? poisson(a, b, seconds, nanos, total, new SplittableRandom(seed))
                        : poisson(
                                a / slice.count(),
                                b / slice.count(),
                                seconds,
                                nanos,
                                total / slice.count(),
                                // a stream of its own per generator, the same for the same seed
                                new SplittableRandom(seed * 1_000_003L + slice.index() + 1));
        };
    }

    /**
     * Generator {@code index} of {@code count} sending one schedule together.
     *
     * @param index from 0
     */
    public record Slice(int index, int count) {
        public static final Slice WHOLE = new Slice(0, 1);

        public Slice {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("a generator is i/N with 0 <= i < N, got " + index + "/" + count);
            }
        }

        long[] stripe(long[] whole) {
            if (count == 1) {
                return whole;
            }
            long[] mine = new long[Math.max(0, (whole.length - index + count - 1) / count)];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = whole[index + i * count];
            }
            return mine;
        }
    }

    private static long[] evenly(double a, double b, double seconds, long nanos, long count) {
        long[] offsets = new long[(int) count];
        for (int i = 0; i < offsets.length; i++) {
            // i * 1e9 / a keeps a constant rate's offsets exact (1000/s: 0, 1 ms, 2 ms...)
            double at = a == b ? i * 1e9 / a : timeOf(i, a, b, seconds) * 1e9;
            offsets[i] = clamp(at, nanos);
        }
        return offsets;
    }

    private static long[] poisson(
            double a, double b, double seconds, long nanos, double total, SplittableRandom random) {
        long[] offsets = new long[(int) Math.min(Integer.MAX_VALUE - 8, total + 6 * Math.sqrt(total) + 16)];
        int count = 0;
        double due = -Math.log(1 - random.nextDouble());
        while (due < total) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, (int) Math.min(Integer.MAX_VALUE - 8, offsets.length * 2L));
            }
            offsets[count++] = clamp(timeOf(due, a, b, seconds) * 1e9, nanos);
            due += -Math.log(1 - random.nextDouble());
        }
        return Arrays.copyOf(offsets, count);
    }

    /** The t (seconds) where N(t) = n: the root of (b - a)/(2d) t^2 + a t - n = 0. */
    static double timeOf(double n, double a, double b, double d) {
        double k = (b - a) / (2 * d);
        // 2n / (a + sqrt(...)) rather than the textbook form: no cancellation when k is near 0
        return 2 * n / (a + Math.sqrt(Math.max(0, a * a + 4 * k * n)));
    }

    private static long clamp(double nanosAt, long nanos) {
        return Math.max(0, Math.min(nanos - 1, Math.round(nanosAt)));
    }
}
