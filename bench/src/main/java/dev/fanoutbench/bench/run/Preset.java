package dev.fanoutbench.bench.run;

import java.util.Locale;
import java.util.Map;

/**
 * How long the main job runs. Iterations are JMH single-shot invocations (one batch each);
 * parameter overrides shrink the long benchmarks where a preset must stay short.
 *
 * @param forks             JMH forks per trial
 * @param warmupIterations  unmeasured batches after the trial's own warm-up
 * @param iterations        measured batches
 * @param params            {@code @Param} overrides by name
 * @param warmUpRequests    the trial's own warm-up, before its warm-up batches: quick requests through
 *                          the model, 10 at a time, so its JIT has seen the same traffic whatever the
 *                          preset's batch sizes
 */
public record Preset(
        String name, int forks, int warmupIterations, int iterations, Map<String, String> params, int warmUpRequests) {

    /**
     * Measured (BoundedBatch, batches of 200 at 10 in flight): with 400 requests of warm-up the
     * models ran at 0.69-0.71 of their ideal, with 2,000 at the default's 0.84-0.88.
     */
    public static final int WARM_UP_REQUESTS = 2_000;

    /** A preset with the standard warm-up. */
    public Preset(String name, int forks, int warmupIterations, int iterations, Map<String, String> params) {
        this(name, forks, warmupIterations, iterations, params, WARM_UP_REQUESTS);
    }

    /**
     * Every benchmark and model in about 3 minutes: small batches, a short open-model run, and the
     * three samples a comparison needs at the least. Two warm-up batches, as the default: without
     * them the bounded batch measured 0.41-0.64 of its ideal (a cold JIT) where the default measures 0.88.
     */
    public static final Preset QUICK =
            new Preset("quick", 1, 2, 3, Map.of("batchSize", "200", "inFlight", "1000", "durationSeconds", "2"));

    /**
     * Under 10 minutes on 2 cores: the sizes docs/benchmarks.md's figures use, and five samples per trial,
     * enough for a comparison to flag a 10% slowdown (measured; see docs/verdicts.md). Two warm-up
     * batches: after one, the first measured batch was still up to 10% slower (the JIT).
     */
    public static final Preset DEFAULT = new Preset("default", 1, 2, 5, Map.of());

    /** Two forks and twice the default's measured batches, for numbers worth comparing across machines. */
    public static final Preset FULL = new Preset("full", 2, 2, 10, Map.of());

    /** Tests only: each benchmark once, tiny. */
    public static final Preset SMOKE = new Preset(
            "smoke",
            0,
            0,
            1,
            Map.of(
                    "calls",
                    "3",
                    "delayMs",
                    "10",
                    "batchSize",
                    "20",
                    "inFlight",
                    "50",
                    "poolSize",
                    "10",
                    "ratePerSecond",
                    "50",
                    "durationSeconds",
                    "1",
                    "requests",
                    "4",
                    "cpuMs",
                    "2"),
            20);

    /** @throws IllegalArgumentException naming the known presets */
    public static Preset named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "", "default" -> DEFAULT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; known: quick, default, full");
        };
    }
}
