package dev.fanoutbench.bench.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * What a window must meet to count as served: its p99 latency at most {@code p99} and at most
 * {@code errorRatio} of its requests failed ({@code errors: 1%} is 0.01).
 */
public record Slo(Duration p99, double errorRatio) {

    public Slo {
        Objects.requireNonNull(p99, "p99");
        if (p99.isNegative() || p99.isZero()) {
            throw new IllegalArgumentException("slo p99 must be positive, got " + p99);
        }
        if (!(errorRatio >= 0 && errorRatio <= 1)) {
            throw new IllegalArgumentException("slo error ratio must be within 0..1, got " + errorRatio);
        }
    }
}
