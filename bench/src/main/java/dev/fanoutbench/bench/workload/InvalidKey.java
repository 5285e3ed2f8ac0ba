package dev.fanoutbench.bench.workload;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A value a workload's record refuses, naming the key it was given as (null: the record as a
 * whole); the file's reader puts the key's path and line around {@code problem}.
 */
final class InvalidKey extends IllegalArgumentException {

    final String key;
    final String problem;

    InvalidKey(String key, String problem) {
        super(key == null ? problem : key + " " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** {@code value} unless it lies outside {@code min..max}. */
    static long within(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidKey(
                    key, "must be at " + (value < min ? "least " + min : "most " + max) + ", got " + value);
        }
        return value;
    }

    static Duration positive(String key, Duration duration) {
        if (duration == null) {
            throw new InvalidKey(key, "is required");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidKey(key, "must be positive, got " + (duration.isZero() ? "0s" : duration));
        }
        return duration;
    }

    /** A value type's own rule, applied to a record's component: its problem, named by key. */
    static void check(String key, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidKey e) {
            throw new InvalidKey(key, e.problem);
        }
    }

    /** A number as a message quotes it: -5, 250000, 0.4, not -5.0 or 2.5E+5. */
    static String number(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
