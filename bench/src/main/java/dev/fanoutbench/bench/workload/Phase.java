package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/**
 * One item of a workload's {@code load}: a closed loop (a fixed number of requests in flight, each
 * sent when one ends) or an open one (requests sent on a schedule, whether earlier ones ended or
 * not), which is what exposes queueing. A file writes each as a map of one key, its kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Phase.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = Phase.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Phase.Ramp.class, name = "ramp"),
    @JsonSubTypes.Type(value = Phase.Steps.class, name = "steps")
})
public sealed interface Phase {

    /**
     * {@code concurrency} requests in flight until {@code count} are done, or for {@code duration}: exactly one is
     * set (count 0 is unset).
     */
    record Closed(int concurrency, long count, Duration duration) implements Phase {
        public Closed {
            InvalidKey.within("concurrency", concurrency, 1, MAX_CONCURRENCY);
            if (count < 0) {
                throw new InvalidKey("count", "must be at least 1, got " + count);
            }
            if ((count > 0) == (duration != null)) {
                throw new InvalidKey(
                        null, "must have exactly one of count and duration, got " + (count > 0 ? "both" : "neither"));
            }
            if (duration != null) {
                InvalidKey.positive("duration", duration);
            }
        }
    }

    /** {@code rate} requests a second for {@code duration}; arrivals null is constant. */
    record Constant(double rate, Duration duration, Arrivals arrivals) implements Phase {
        public Constant {
            requireRate("rate", rate);
            InvalidKey.positive("duration", duration);
            arrivals = arrivals == null ? Arrivals.CONSTANT : arrivals;
        }
    }

    /** A rate that changes linearly from {@code from} to {@code to} over {@code duration}; down is allowed. */
    record Ramp(double from, double to, Duration duration, Arrivals arrivals) implements Phase {
        public Ramp {
            requireRate("from", from);
            requireRate("to", to);
            InvalidKey.positive("duration", duration);
            arrivals = arrivals == null ? Arrivals.CONSTANT : arrivals;
        }
    }

    /** Rates {@code from, from + step, ...} up to and including {@code to}, each for {@code stepDuration}. */
    record Steps(double from, double to, double step, Duration stepDuration, Arrivals arrivals) implements Phase {
        public Steps {
            requireRate("from", from);
            requireRate("to", to);
            if (to < from) {
                throw new InvalidKey(
                        "to", "must be at least from (" + Window.rate(from) + "), got " + InvalidKey.number(to));
            }
            requireRate("step", step);
            if (count(from, to, step) > MAX_STEPS) {
                throw new InvalidKey(
                        "step",
                        "makes more than " + MAX_STEPS + " steps from " + Window.rate(from) + " to " + Window.rate(to)
                                + ", got " + InvalidKey.number(step));
            }
            InvalidKey.positive("stepDuration", stepDuration);
            arrivals = arrivals == null ? Arrivals.CONSTANT : arrivals;
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

    /** The most requests a closed phase keeps in flight. */
    int MAX_CONCURRENCY = 10_000;

    private static void requireRate(String key, double rate) {
        if (!(rate > 0)) {
            throw new InvalidKey(key, "must be positive, got " + InvalidKey.number(rate));
        }
        if (rate > MAX_RATE) {
            throw new InvalidKey(key, "must be at most " + (long) MAX_RATE + " req/s, got " + InvalidKey.number(rate));
        }
    }
}
