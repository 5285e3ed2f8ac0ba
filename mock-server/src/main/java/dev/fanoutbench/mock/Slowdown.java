package dev.fanoutbench.mock;

/**
 * Makes every delayed answer slower by a fixed amount and a share of its delay: a slower
 * dependency, simulated without touching the benchmarks, e.g. to measure whether a comparison
 * flags a known 10% regression. Answers the stub gives at once (400, 429) are not slowed.
 *
 * @param extraMillis  added to every delay
 * @param extraPercent added to every delay as a percentage of it (10 makes 200 ms 220 ms)
 */
public record Slowdown(long extraMillis, double extraPercent) {

    public static final Slowdown NONE = new Slowdown(0, 0);

    public Slowdown {
        if (extraMillis < 0 || extraMillis > RequestedDelay.MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException(
                    "extra delay must be from 0 to " + RequestedDelay.MAX_DELAY_MILLIS + " ms, got " + extraMillis);
        }
        if (!(extraPercent >= 0 && extraPercent <= 1_000)) {
            throw new IllegalArgumentException("extra delay percent must be from 0 to 1000, got " + extraPercent);
        }
    }

    /** The delay a stub answer really gets, never above the longest configurable delay. */
    long apply(long delayMillis) {
        long slowed = delayMillis + extraMillis + Math.round(delayMillis * extraPercent / 100.0);
        return Math.min(RequestedDelay.MAX_DELAY_MILLIS, slowed);
    }
}
