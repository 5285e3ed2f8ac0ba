package dev.fanoutbench.bench.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.bench.jmh.JmhTrials;
import dev.fanoutbench.bench.trial.ServerWatch;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.trial.TrialIdentity;
import dev.fanoutbench.bench.trial.TrialRecord;
import dev.fanoutbench.bench.trial.WorkloadTrial;
import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Joins JMH's results with the forks' own records into {@code summary.json}: each trial's forks
 * merged (counts summed, histograms added, iterations and timelines kept side by side), then
 * judged by {@link SelfChecks}. Also writes each trial's merged percentile distribution
 * ({@code histograms/<key>.<series>.hgrm}, milliseconds).
 */
public final class SummaryBuilder {

    private static final ObjectMapper RECORDS =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SummaryBuilder() {}

    /** @param harness the harness's own cost per request (HarnessCost, in cost), null if not measured */
    public static RunSummary build(
            String runId,
            String preset,
            String target,
            RunSummary.Score harness,
            Collection<RunResult> results,
            Path runDir)
            throws IOException {
        return build(runId, preset, target, harness, new Ran(results, List.of()), runDir);
    }

    /** As above, with the trials that stopped on an error (a dead fork) as failures naming why. */
    public static RunSummary build(
            String runId, String preset, String target, RunSummary.Score harness, Ran ran, Path runDir)
            throws IOException {
        Collection<RunResult> results = ran.jmhResults();
        Map<String, List<TrialRecord>> records = new LinkedHashMap<>();
        List<SelfChecks.Finding> findings = new ArrayList<>();
        ran.stopped()
                .forEach(stopped -> findings.add(new SelfChecks.Finding(
                        Check.TRIAL_RECORDED, stopped.model(), "the trial stopped: " + stopped.why())));
        readRecords(runDir.resolve("records"), records, findings);
        List<RunSummary.Trial> trials = new ArrayList<>();
        for (RunResult result : results) {
            String key = JmhTrials.keyOf(result.getParams());
            List<TrialRecord> forks = records.remove(key);
            if (forks == null) {
                findings.add(new SelfChecks.Finding(
                        Check.TRIAL_RECORDED, key, "JMH has a result but no fork wrote a record"));
                continue;
            }
            RunSummary.Trial trial = merge(forks, JmhScore.of(result), runDir);
            trials.add(trial);
            findings.addAll(SelfChecks.of(trial));
        }
        for (Map.Entry<String, List<TrialRecord>> left : records.entrySet()) {
            if (!left.getValue().get(0).trial().benchmark().equals(WorkloadTrial.BENCHMARK)) {
                findings.add(new SelfChecks.Finding(
                        Check.TRIAL_RECORDED, left.getKey(), "recorded, but JMH reported no result: the trial failed"));
                continue;
            }
            // a workload's trial ran on the load drivers, without JMH: its windows are its samples
            RunSummary.Trial trial = merge(left.getValue(), JmhScore.ofWindows(left.getValue()), runDir);
            trials.add(trial);
            boolean slice = left.getValue().stream().anyMatch(f -> f.generator() != null);
            findings.addAll(SelfChecks.of(trial, !slice));
        }
        List<RunSummary.Failure> failures = SelfChecks.failures(findings);
        return new RunSummary(
                RunSummary.SCHEMA_VERSION,
                runId,
                preset,
                target,
                failures.isEmpty(),
                harness,
                trials,
                failures,
                SelfChecks.notes(findings),
                null);
    }

    /** JMH's side of a trial: its score with every iteration's sample, and the gc profiler's allocation. */
    record JmhScore(RunSummary.Score score, Double allocBytesPerOp) {

        /** A trial without JMH: each measured window is a sample (its length), and an operation (its allocation). */
        static JmhScore ofWindows(List<TrialRecord> forks) {
            List<Double> samples = forks.stream()
                    .flatMap(f -> f.iterations().stream())
                    .map(RunSummary.Iteration::durationMillis)
                    .toList();
            double mean =
                    samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            boolean measured = !samples.isEmpty() && forks.stream().allMatch(f -> f.allocatedBytes() >= 0);
            double allocated =
                    forks.stream().mapToLong(TrialRecord::allocatedBytes).sum();
            return new JmhScore(
                    new RunSummary.Score(mean, null, "ms/op", samples), measured ? allocated / samples.size() : null);
        }

        static JmhScore of(RunResult result) {
            Result<?> primary = result.getPrimaryResult();
            double error = primary.getScoreError();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            return new JmhScore(
                    new RunSummary.Score(
                            primary.getScore(),
                            Double.isFinite(error) ? error : null,
                            primary.getScoreUnit(),
                            samples(result)),
                    alloc == null ? null : alloc.getScore());
        }
    }

    /** One trial from its forks' records and JMH's score; writes its merged {@code .hgrm} files. */
    static RunSummary.Trial merge(List<TrialRecord> forks, JmhScore jmh, Path runDir) {
        TrialRecord first = forks.get(0);
        TrialIdentity id = first.trial();
        TrialFacts facts = first.facts();
        RunSummary.Score score = jmh.score();
        Double efficiency = score.value() > 0 ? facts.idealMillis() / score.value() : null;

        long sent = 0;
        long returned = 0;
        long cpuNanos = 0;
        double backgroundCpuNanos = 0;
        double backgroundCores = 0;
        long pinned = 0;
        long blocked = 0;
        int peakThreads = 0;
        RunSummary.Server server = null;
        Map<OutcomeKind, Long> outcomes = new EnumMap<>(OutcomeKind.class);
        Map<Integer, Long> statuses = new TreeMap<>();
        long peakHeap = 0;
        Map<String, Long> pinnedAt = new TreeMap<>();
        List<RunSummary.Iteration> iterations = new ArrayList<>();
        List<RunSummary.Interval> timeline = new ArrayList<>();
        Map<String, String> files = new TreeMap<>();
        RunSummary.Resources resources = null;
        for (TrialRecord fork : forks) {
            if (fork.resources() != null
                    && (resources == null || fork.resources().lanesWarmed() < resources.lanesWarmed())) {
                resources = fork.resources(); // the coldest fork speaks for the trial
            }
            sent += fork.sent();
            returned += fork.returned();
            cpuNanos += fork.cpuNanos();
            backgroundCpuNanos += fork.backgroundCores() * fork.wallNanos();
            backgroundCores = Math.max(backgroundCores, fork.backgroundCores());
            pinned += fork.pinnedEvents();
            blocked += fork.blockedThreadWarnings();
            peakThreads = Math.max(peakThreads, fork.peakThreads());
            server = ServerWatch.merge(server, fork.server());
            fork.outcomes().forEach((kind, n) -> outcomes.merge(kind, n, Long::sum));
            fork.httpErrorStatuses().forEach((status, n) -> statuses.merge(status, n, Long::sum));
            peakHeap = Math.max(peakHeap, fork.peakHeapBytes());
            fork.pinnedAt().forEach((where, n) -> pinnedAt.merge(where, n, Long::sum));
            iterations.addAll(fork.iterations());
            timeline.addAll(fork.timeline());
            fork.hlogFiles()
                    .forEach((series, file) -> files.put("fork-" + fork.fork() + "/" + series.id() + ".hlog", file));
        }
        Map<Series, RunSummary.Percentiles> latency = new EnumMap<>(Series.class);
        for (Series series : Series.values()) {
            Histogram total = HistogramLogs.total(forks.stream()
                    .map(f -> runDir.resolve(f.hlogFiles().get(series)))
                    .toList());
            latency.put(series, HistogramLogs.percentilesMicros(total));
            String hgrm = "histograms/" + id.key() + "." + series.id() + ".hgrm";
            writePercentiles(total, runDir.resolve(hgrm));
            files.put(series.id() + ".hgrm", hgrm);
        }
        return new RunSummary.Trial(
                id.key(),
                id.benchmark(),
                facts.lesson(),
                id.model(),
                id.params(),
                forks.size(),
                facts.scoreIsBatchTime(),
                score,
                jmh.allocBytesPerOp(),
                facts.idealMillis(),
                efficiency,
                facts.offeredConcurrency(),
                facts.threadCap(),
                facts.failuresExpected(),
                sent,
                returned,
                outcomes,
                statuses,
                latency,
                server,
                peakThreads,
                requestCpuMicros(cpuNanos, backgroundCpuNanos, sent),
                backgroundCores,
                pinned,
                top(pinnedAt),
                blocked,
                iterations,
                timeline,
                files,
                facts.load(),
                peakHeap,
                resources);
    }

    /**
     * The requests' own CPU per request, or null where the data cannot decide it: too few requests,
     * or less CPU above the idle JVM's than the idle JVM's own over the same time.
     */
    static Long requestCpuMicros(long cpuNanos, double backgroundCpuNanos, long requests) {
        double own = cpuNanos - backgroundCpuNanos;
        if (requests < RunSummary.CPU_MIN_REQUESTS || own < backgroundCpuNanos) {
            return null;
        }
        return Math.round(own / 1_000 / requests);
    }

    /** Every measured iteration's score, fork after fork: the samples a comparison tests. */
    private static List<Double> samples(RunResult result) {
        List<Double> samples = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                samples.add(iteration.getPrimaryResult().getScore());
            }
        }
        return samples;
    }

    /** HdrHistogram's percentile distribution, values in milliseconds (the histogram holds nanoseconds). */
    private static void writePercentiles(Histogram nanos, Path file) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            nanos.outputPercentileDistribution(out, 1_000_000.0);
            if (out.checkError()) {
                throw new IOException("write failed (disk full?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    public static TrialRecord readRecord(Path file) throws IOException {
        return RECORDS.readValue(file.toFile(), TrialRecord.class);
    }

    /** Records by trial key, forks in order; a fork that claimed its number and never wrote its record is a finding. */
    private static void readRecords(
            Path folder, Map<String, List<TrialRecord>> records, List<SelfChecks.Finding> findings) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (Files.size(file) == 0) {
                    findings.add(new SelfChecks.Finding(
                            Check.TRIAL_RECORDED,
                            file.getFileName().toString(),
                            "a fork started recording and never finished (it crashed or was killed)"));
                    continue;
                }
                TrialRecord record = readRecord(file);
                records.computeIfAbsent(record.trial().key(), k -> new ArrayList<>())
                        .add(record);
            }
        }
        records.values().forEach(forks -> forks.sort(Comparator.comparingInt(TrialRecord::fork)));
    }
}
