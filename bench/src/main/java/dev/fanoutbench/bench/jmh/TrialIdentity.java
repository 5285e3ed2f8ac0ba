package dev.fanoutbench.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Which trial a fork records: the benchmark, the model, the parameter values, and the key that
 * names its files ({@code FanOutBenchmark.fanOut-vertx-3-200}).
 */
public record TrialIdentity(String key, String benchmark, String model, Map<String, String> params) {

    public static TrialIdentity of(BenchmarkParams params, String model) {
        return new TrialIdentity(keyOf(params), benchmarkName(params), model, paramsOf(params));
    }

    /** "FanOutBenchmark.fanOut" from the fully qualified method name. */
    static String benchmarkName(BenchmarkParams params) {
        String full = params.getBenchmark();
        return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
    }

    static Map<String, String> paramsOf(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return values;
    }

    /** The trial's file name: benchmark and parameter values. JMH's result for the trial maps to the same key. */
    public static String keyOf(BenchmarkParams params) {
        return (benchmarkName(params) + "-" + String.join("-", paramsOf(params).values())).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
