package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * What a window must meet to count as served: its p99 latency at most {@code p99} and at most
 * {@code errorRatio} of its requests failed ({@code errors: 1%} is 0.01).
 */
public record Slo(Duration p99, double errorRatio) {

    public Slo {
        InvalidKey.positive("p99", p99);
        InvalidKey.check("errors", () -> new Percent(errorRatio));
    }

    /** What a file writes: a p99 in ms or s (minutes are no latency target), the errors as a percentage. */
    @JsonCreator
    static Slo bind(
            @JsonProperty("p99") @JsonFormat(pattern = "ms, s") Duration p99, @JsonProperty("errors") Percent errors) {
        if (errors == null) {
            throw new InvalidKey("errors", "is required");
        }
        return new Slo(p99, errors.ratio());
    }
}
