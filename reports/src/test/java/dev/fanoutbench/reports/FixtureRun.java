package dev.fanoutbench.reports;

import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.Environments;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import dev.fanoutbench.results.Summaries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A small, real run folder for tests, shaped like a benchmark's: a summary.json and an
 * environment.json in the schema, one sample per measured iteration, and HdrHistogram logs
 * (nanoseconds) written from a few latencies. Each iteration's latencies scale with its score, as a
 * slower batch's requests do.
 */
final class FixtureRun {

    /** A two-core machine, the preset's name and the stub's settings: what the report shows of a run's environment. */
    static final Environment ENVIRONMENT = new Environment(
            RunSummary.SCHEMA_VERSION,
            new Environment.Jdk("25", "Oracle Corporation", "OpenJDK 64-Bit Server VM 25+36", "/opt/jdk-25"),
            new Environment.Machine(2, 8L << 30, "Linux", "6.1.0", "amd64", 1_048_576, "unknown", Map.of()),
            new Environment.Git("ed22260aa8f3d0b0d5a2c2c6f5e1c7c0b1a2b3c4", false),
            Map.of("preset", Map.of("name", "fixture")),
            Map.of("settings", Map.of("acceptQueueSize", 4096)));

    /** Two cores' worth of CPU workers, the policy's connections, one lane warmed. */
    static final RunSummary.Resources RESOURCES = new RunSummary.Resources(2, 20_000, 1, 1);

    private final Path folder;
    private final List<RunSummary.Trial> trials = new ArrayList<>();
    private final List<RunSummary.Failure> failures = new ArrayList<>();

    private FixtureRun(Path folder) {
        this.folder = folder;
    }

    static FixtureRun in(Path runs, String id) throws IOException {
        Path folder = runs.resolve(id);
        Files.createDirectories(folder.resolve("histograms"));
        return new FixtureRun(folder);
    }

    /** A batch benchmark's trial: one score per iteration, each request taking {@code latencyMillis} scaled to it. */
    FixtureRun trial(String benchmark, String model, double idealMillis, double[] scores, long... latencyMillis)
            throws IOException {
        return trial(benchmark, model, true, idealMillis, scores, 0, latencyMillis);
    }

    /**
     * @param scoreIsBatchTime false for an open schedule
     * @param failedPerIteration requests failing in each iteration
     */
    FixtureRun trial(
            String benchmark,
            String model,
            boolean scoreIsBatchTime,
            double idealMillis,
            double[] scores,
            long failedPerIteration,
            long... latencyMillis)
            throws IOException {
        return trial(
                benchmark, model, Map.of(), scoreIsBatchTime, idealMillis, scores, failedPerIteration, latencyMillis);
    }

    /** @param extraParams parameters besides the model ({@code placement}...), part of the trial's key */
    FixtureRun trial(
            String benchmark,
            String model,
            Map<String, String> extraParams,
            boolean scoreIsBatchTime,
            double idealMillis,
            double[] scores,
            long failedPerIteration,
            long... latencyMillis)
            throws IOException {
        Map<String, String> params = new TreeMap<>(extraParams);
        params.put("model", model);
        String key = benchmark + "-" + String.join("-", params.values());
        double meanScore = Arrays.stream(scores).average().orElse(0);
        Map<String, String> files = new TreeMap<>();
        Map<Series, RunSummary.Percentiles> percentiles = new EnumMap<>(Series.class);
        List<RunSummary.Iteration> iterations = new ArrayList<>();
        List<RunSummary.Interval> timeline = new ArrayList<>();
        long requests = latencyMillis.length;
        for (Series series : Series.values()) {
            String file = "histograms/" + key + ".fork-1." + series.id() + ".hlog";
            Histogram total = new Histogram(3);
            try (PrintStream out = new PrintStream(Files.newOutputStream(folder.resolve(file)))) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputStartTime(1_000_000L);
                writer.setBaseTime(1_000_000L);
                writer.outputLegend();
                for (int i = 0; i < scores.length; i++) {
                    double scale = scores[i] / meanScore;
                    Histogram interval = new Histogram(3);
                    for (long millis : latencyMillis) {
                        interval.recordValue(
                                Math.round((series == Series.DISPATCH ? 0.1 : millis) * scale * 1e6) /* nanos */);
                    }
                    interval.setStartTimeStamp(1_000_000L + i * 1000L);
                    interval.setEndTimeStamp(1_000_000L + i * 1000L + 900);
                    writer.outputIntervalHistogram(interval);
                    total.add(interval);
                    if (series == Series.RESPONSE) {
                        long p50 = micros(interval.getValueAtPercentile(50));
                        long p99 = micros(interval.getValueAtPercentile(99));
                        iterations.add(new RunSummary.Iteration(
                                1,
                                i + 1,
                                scores[i],
                                requests,
                                requests,
                                failedPerIteration,
                                0,
                                p50,
                                p99,
                                requests / (scores[i] / 1000),
                                2_000,
                                2_500L,
                                Math.round(interval.getMean() / 1000)));
                        timeline.add(new RunSummary.Interval(
                                1,
                                i,
                                0.9,
                                requests,
                                requests,
                                failedPerIteration == 0 ? Map.of() : Map.of(OutcomeKind.HTTP_ERROR, failedPerIteration),
                                0,
                                0,
                                p50,
                                p99,
                                micros(interval.getMaxValue())));
                    }
                }
            }
            files.put("fork-1/" + series.id() + ".hlog", file);
            percentiles.put(
                    series,
                    new RunSummary.Percentiles(
                            total.getTotalCount(),
                            micros(total.getValueAtPercentile(50)),
                            micros(total.getValueAtPercentile(90)),
                            micros(total.getValueAtPercentile(99)),
                            micros(total.getValueAtPercentile(99.9)),
                            micros(total.getMaxValue())));
        }
        long sent = scores.length * requests;
        long failed = scores.length * failedPerIteration;
        Map<OutcomeKind, Long> outcomes = new EnumMap<>(OutcomeKind.class);
        outcomes.put(OutcomeKind.SUCCESS, sent - failed);
        outcomes.put(OutcomeKind.HTTP_ERROR, failed);
        trials.add(new RunSummary.Trial(
                key,
                benchmark + "." + benchmark.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + "x",
                dev.fanoutbench.results.Lesson.labelled(benchmark.replace("Benchmark", "")),
                model,
                params,
                1,
                scoreIsBatchTime,
                new RunSummary.Score(
                        meanScore,
                        scores.length > 2 ? meanScore * 0.02 : null,
                        "ms/op",
                        Arrays.stream(scores).boxed().toList()),
                1024.0 * requests,
                idealMillis,
                idealMillis / meanScore,
                (int) requests,
                0,
                false,
                sent,
                sent,
                outcomes,
                failedPerIteration == 0 ? Map.of() : Map.of(503, failed),
                percentiles,
                new RunSummary.Server(
                        sent,
                        sent,
                        0,
                        (int) requests,
                        new RunSummary.Lateness(sent, sent, 200, 300, 400, 500),
                        2_500,
                        sent * 50_000L),
                20,
                100L,
                0.01,
                0,
                Map.of(),
                0,
                iterations,
                timeline,
                files,
                null,
                64L << 20,
                RESOURCES));
        return this;
    }

    /** Makes the last trial a workload's: its iterations are these windows, judged against this SLO. */
    FixtureRun load(String workload, RunSummary.Slo slo, RunSummary.LoadWindow... windows) {
        return load(workload, slo, null, windows);
    }

    /** As above, the model stopped for {@code stopped} after its iterations: the windows past them were not run. */
    FixtureRun load(String workload, RunSummary.Slo slo, String stopped, RunSummary.LoadWindow... windows) {
        RunSummary.Trial t = trials.remove(trials.size() - 1);
        trials.add(copy(t, new RunSummary.Load(workload, List.of(windows), slo, 10_000, stopped), t.resources()));
        return this;
    }

    /** What the last trial's model ran on. */
    FixtureRun resources(RunSummary.Resources resources) {
        RunSummary.Trial t = trials.remove(trials.size() - 1);
        trials.add(copy(t, t.load(), resources));
        return this;
    }

    private static RunSummary.Trial copy(RunSummary.Trial t, RunSummary.Load load, RunSummary.Resources resources) {
        return new RunSummary.Trial(
                t.key(),
                t.benchmark(),
                t.lesson(),
                t.model(),
                t.params(),
                t.forks(),
                t.scoreIsBatchTime(),
                t.score(),
                t.allocBytesPerOp(),
                t.idealMillis(),
                t.efficiency(),
                t.offeredConcurrency(),
                t.threadCap(),
                t.failuresExpected(),
                t.sent(),
                t.returned(),
                t.outcomes(),
                t.httpErrorStatuses(),
                t.latencyMicros(),
                t.server(),
                t.peakThreads(),
                t.cpuMicrosPerRequest(),
                t.backgroundCpuCores(),
                t.pinnedEvents(),
                t.pinnedAt(),
                t.blockedThreadWarnings(),
                t.iterations(),
                t.timeline(),
                t.files(),
                load,
                t.peakHeapBytes(),
                resources);
    }

    /** Makes the run's target a server that is not our stub: it has no /stats, so nothing says what it saw. */
    FixtureRun notOurStub() {
        trials.replaceAll(t -> new RunSummary.Trial(
                t.key(),
                t.benchmark(),
                t.lesson(),
                t.model(),
                t.params(),
                t.forks(),
                t.scoreIsBatchTime(),
                t.score(),
                t.allocBytesPerOp(),
                t.idealMillis(),
                t.efficiency(),
                t.offeredConcurrency(),
                t.threadCap(),
                t.failuresExpected(),
                t.sent(),
                t.returned(),
                t.outcomes(),
                t.httpErrorStatuses(),
                t.latencyMicros(),
                null,
                t.peakThreads(),
                t.cpuMicrosPerRequest(),
                t.backgroundCpuCores(),
                t.pinnedEvents(),
                t.pinnedAt(),
                t.blockedThreadWarnings(),
                t.iterations().stream()
                        .map(i -> new RunSummary.Iteration(
                                i.fork(),
                                i.index(),
                                i.durationMillis(),
                                i.sent(),
                                i.completed(),
                                i.failed(),
                                i.dropped(),
                                i.p50Micros(),
                                i.p99Micros(),
                                i.throughputPerSecond(),
                                i.dispatchSpreadMicros(),
                                null,
                                i.meanMicros()))
                        .toList(),
                t.timeline().stream()
                        .map(i -> new RunSummary.Interval(
                                i.fork(),
                                i.startSeconds(),
                                i.durationSeconds(),
                                i.sent(),
                                i.completed(),
                                i.failed(),
                                i.clientInFlight(),
                                null,
                                i.p50Micros(),
                                i.p99Micros(),
                                i.maxMicros()))
                        .toList(),
                t.files(),
                t.load(),
                t.peakHeapBytes(),
                t.resources()));
        return this;
    }

    /** Marks the run as having failed a self-check. */
    FixtureRun failing(String trial, String text) {
        failures.add(new RunSummary.Failure(Check.NOTHING_LOST, trial, text));
        return this;
    }

    private String preset = "fixture";

    /** The preset the run says it ran. */
    FixtureRun preset(String name) {
        this.preset = name;
        return this;
    }

    Path write() throws IOException {
        Summaries.write(
                new RunSummary(
                        RunSummary.SCHEMA_VERSION,
                        folder.getFileName().toString(),
                        preset,
                        "http://127.0.0.1:1/",
                        failures.isEmpty(),
                        new RunSummary.Score(2.0, 0.1, "us/op", List.of(1.9, 2.0, 2.1)),
                        trials,
                        failures,
                        List.of(),
                        "warmed with 10,000 requests (50 in flight) in 2.0 s before the trials"),
                folder.resolve("summary.json"));
        Environments.write(ENVIRONMENT, folder.resolve("environment.json"));
        return folder;
    }

    /** Five samples around {@code mean} with a relative spread like the default preset's. */
    static double[] samples(double mean, double relativeSpread) {
        double[] shape = {-1.2, 0.4, 1.1, -0.3, 0.0};
        double[] samples = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            samples[i] = mean * (1 + shape[i] * relativeSpread);
        }
        return samples;
    }

    private static long micros(long nanos) {
        return Math.round(nanos / 1000.0);
    }
}
