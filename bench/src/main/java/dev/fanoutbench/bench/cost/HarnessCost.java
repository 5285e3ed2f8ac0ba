package dev.fanoutbench.bench.cost;

import dev.fanoutbench.bench.run.JvmFlags;
import dev.fanoutbench.bench.run.Preset;
import dev.fanoutbench.results.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HarnessCostBenchmark} before a run's trials, in its own JMH run (its mode and
 * iteration times are not the batch benchmarks'), so every summary carries what the harness
 * itself costs per request beside what each model costs.
 */
public final class HarnessCost {

    private HarnessCost() {}

    /** Microseconds per request; {@code harness-cost.json} (JMH's own result) in the run folder. */
    public static RunSummary.Score measure(Preset preset, Path runDir) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(HarnessCostBenchmark.class.getName().replace(".", "\\.") + ".*")
                .resultFormat(ResultFormatType.JSON)
                .result(runDir.resolve("harness-cost.json").toString())
                .shouldFailOnError(true)
                .jvmArgsAppend(JvmFlags.forThisJdk().toArray(String[]::new));
        if (preset.forks() == 0) {
            // the tests: in this JVM, long enough to run the path, too short to be a figure
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        RunResult result = results.iterator().next();
        Result<?> primary = result.getPrimaryResult();
        List<Double> samples = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                samples.add(iteration.getPrimaryResult().getScore());
            }
        }
        double error = primary.getScoreError();
        return new RunSummary.Score(
                primary.getScore(), Double.isFinite(error) ? error : null, primary.getScoreUnit(), samples);
    }
}
