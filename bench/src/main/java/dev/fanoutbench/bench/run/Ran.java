package dev.fanoutbench.bench.run;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;

/**
 * What a run's trials left besides their records: JMH's results for the benchmarks it ran (none
 * for a workload, which runs on the load drivers), and the trials that stopped on an error.
 *
 * @param stopped the trials that stopped, each with why; the run's other trials still ran
 */
public record Ran(Collection<RunResult> jmhResults, List<Stopped> stopped) {

    /** A trial that stopped on an error, and the words it stopped with. */
    public record Stopped(String model, String why) {}
}
