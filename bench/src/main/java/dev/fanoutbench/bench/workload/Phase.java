package dev.fanoutbench.bench.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * One item of a workload's {@code load}: a closed loop (a fixed number of requests in flight, each
 * sent when one ends) or an open one (requests sent on a schedule, whether earlier ones ended or
 * not), which is what exposes queueing.
 */
public sealed interface Phase {

    /** {@code concurrency} requests in flight until {@code count} are done, or for {@code duration}: exactly one is set. */
    record Closed(int concurrency, long count, Duration duration) implements Phase {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("closed concurrency must be at least 1, got " + concurrency);
            }
            if ((count > 0) == (duration != null)) {
                throw new IllegalArgumentException("a closed phase needs exactly one of count > 0 and duration");
            }
            if (duration != null) {
                requirePositive(duration, "closed duration");
            }
        }
    }

    /** {@code rate} requests a second for {@code duration}. */
    record Constant(double rate, Duration duration, Arrivals arrivals) implements Phase {
        public Constant {
            requireRate(rate, "constant rate");
            requirePositive(duration, "constant duration");
            Objects.requireNonNull(arrivals, "arrivals");
        }
    }

    /** A rate that changes linearly from {@code from} to {@code to} over {@code duration}; down is allowed. */
    record Ramp(double from, double to, Duration duration, Arrivals arrivals) implements Phase {
        public Ramp {
            requireRate(from, "ramp from");
            requireRate(to, "ramp to");
            requirePositive(duration, "ramp duration");
            Objects.requireNonNull(arrivals, "arrivals");
        }
    }

    /** Rates {@code from, from + step, ...} up to and including {@code to}, each for {@code stepDuration}. */
    record Steps(double from, double to, double step, Duration stepDuration, Arrivals arrivals) implements Phase {
        public Steps {
            requireRate(from, "steps from");
            requireRate(to, "steps to");
            requireRate(step, "steps step");
            if (to < from) {
                throw new IllegalArgumentException("steps to (" + to + ") must be at least from (" + from + ")");
            }
            requirePositive(stepDuration, "steps stepDuration");
            Objects.requireNonNull(arrivals, "arrivals");
            if (count(from, to, step) > MAX_STEPS) {
                throw new IllegalArgumentException("steps from " + from + " to " + to + " by " + step + " make more than " + MAX_STEPS + " steps");
            }
        }

        /** A bound on the windows one phase compiles into, so that a typo cannot exhaust the heap. */
        public static final int MAX_STEPS = 10_000;

        /** How many rates {@code from, from + step, ... <= to} there are. */
        public static double count(double from, double to, double step) {
            // the tolerance keeps "to" when (to - from) / step is a whole number but rounds below it
            return Math.floor((to - from) / step + 1e-9) + 1;
        }

        /** The rates, each computed from {@code from} so that many steps do not drift. */
        public double[] rates() {
            int n = (int) count(from, to, step);
            double[] rates = new double[n];
            for (int i = 0; i < n; i++) {
                rates[i] = from + i * step;
            }
            return rates;
        }
    }

    /** The highest rate a workload may ask for, in requests a second. */
    double MAX_RATE = 100_000;

    private static void requireRate(double rate, String what) {
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException(what + " must be within (0, " + (long) MAX_RATE + "] req/s, got " + rate);
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
