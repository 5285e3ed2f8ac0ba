package dev.fanoutbench.bench.trial;

import java.util.Map;

/**
 * Which trial a fork records: the benchmark, the model, the parameter values, and the key that
 * names its files ({@code FanOutBenchmark.fanOut-vertx-3-200}).
 */
public record TrialIdentity(String key, String benchmark, String model, Map<String, String> params) {

    /** @param params in the order they name the trial's files */
    public static TrialIdentity of(String benchmark, String model, Map<String, String> params) {
        return new TrialIdentity(keyOf(benchmark, params), benchmark, model, params);
    }

    /** The trial's file name: benchmark and parameter values. A JMH result for the trial maps to the same key. */
    public static String keyOf(String benchmark, Map<String, String> params) {
        return (benchmark + "-" + String.join("-", params.values())).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
