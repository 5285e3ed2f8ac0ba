package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.trial.TrialIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/** A JMH trial's identity: the one place that reads a benchmark's short name out of JMH's fully qualified one. */
public final class JmhTrials {

    private JmhTrials() {}

    public static TrialIdentity identity(BenchmarkParams params, String model) {
        return TrialIdentity.of(benchmarkName(params), model, paramsOf(params));
    }

    /** The key JMH's result of a trial maps to: the one its forks' records carry. */
    public static String keyOf(BenchmarkParams params) {
        return TrialIdentity.keyOf(benchmarkName(params), paramsOf(params));
    }

    /** "FanOutBenchmark.fanOut" from the fully qualified method name. */
    static String benchmarkName(BenchmarkParams params) {
        String full = params.getBenchmark();
        return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
    }

    private static Map<String, String> paramsOf(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return values;
    }
}
