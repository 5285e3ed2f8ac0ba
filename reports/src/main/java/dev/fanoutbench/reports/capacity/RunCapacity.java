package dev.fanoutbench.reports.capacity;

import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A run's workload trials as capacities, with the cores and the stub's place the run had. */
public final class RunCapacity {

    private RunCapacity() {}

    /** One capacity per workload trial, in the run's order; empty for a run of benchmarks only. */
    public static List<Capacity> of(RunSummary summary, Environment environment) {
        int cores = clientCores(environment);
        boolean stubShares = stubSharesTheClientsCores(summary, environment);
        List<Capacity> capacities = new ArrayList<>();
        for (RunSummary.Trial trial : summary.trials()) {
            Capacity capacity = Capacity.of(trial, cores, stubShares);
            if (capacity != null) {
                capacities.add(capacity);
            }
        }
        return capacities;
    }

    /** The cores the client ran on: its pinned share ({@code -Dbench.cpus=STUB:CLIENT}), else the machine's. */
    public static int clientCores(Environment environment) {
        Object cpus = environment.settings().get("cpus");
        if (cpus instanceof String split && split.contains(":")) {
            return count(split.substring(split.indexOf(':') + 1));
        }
        return environment.machine().cores();
    }

    /** A stub on loopback with no CPUs of its own takes its CPU from the client's cores. */
    static boolean stubSharesTheClientsCores(RunSummary summary, Environment environment) {
        Object cpus = environment.settings().get("cpus");
        boolean pinnedApart = cpus instanceof String split && split.contains(":");
        String host = summary.target() == null
                ? ""
                : String.valueOf(URI.create(summary.target()).getHost());
        return !pinnedApart && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
    }

    /** The middle of the offered rates of the run's first workload, a rate its data covers; 0 for none. */
    public static double middleRate(RunSummary summary) {
        for (RunSummary.Trial trial : summary.trials()) {
            if (trial.load() != null) {
                List<Double> rates = trial.load().windows().stream()
                        .map(RunSummary.LoadWindow::offeredPerSecond)
                        .filter(r -> r > 0)
                        .sorted()
                        .toList();
                if (!rates.isEmpty()) {
                    return rates.get((rates.size() - 1) / 2);
                }
            }
        }
        return 0;
    }

    /** The SLO's p99 of the run's first workload with one, in milliseconds; null for none. */
    public static Double sloP99Millis(RunSummary summary) {
        return summary.trials().stream()
                .filter(t -> t.load() != null && t.load().slo() != null)
                .map(t -> t.load().slo().p99Millis())
                .findFirst()
                .orElse(null);
    }

    /** "0-1,3" is three CPUs, as taskset writes a list. */
    static int count(String list) {
        int n = 0;
        for (String part : list.split(",")) {
            String[] range = part.strip().split("-");
            n += range.length == 2 ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
        }
        return Math.max(1, n);
    }
}
