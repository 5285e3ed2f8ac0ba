package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.bench.trial.TrialRecord;
import dev.fanoutbench.bench.trial.WindowLogs;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trial sent by three load generators, each a process of its own started as a pod of an Indexed Job is (its
 * index in {@code JOB_COMPLETION_INDEX}, the count in {@code FANOUT_GENERATORS}, generator 0's barrier in {@code
 * FANOUT_BARRIER}) and connecting from an address of its own (127.0.0.2, .3, .4): merged, they are one trial whose
 * counts are exactly the generators' sum, each window's histogram their windows' added; and a generator that dies
 * makes the merged run fail its self-checks instead of quietly holding less load.
 */
class GeneratorsSendOneTrialTogetherIT {

    static final Path BENCH_JAR = Path.of("target", "bench.jar");
    static final int GENERATORS = 3;
    static final Duration RUN_PATIENCE = Duration.ofMinutes(4);

    @TempDir
    static Path folder;

    static MockServer server;

    @BeforeAll
    static void stub() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void constantArrivalsStripedOverThreeGeneratorsAreTheWholeScheduleExactly() throws Exception {
        Path workload = write("striped", "constant: {rate: 150, duration: 2s}", "constant: {rate: 300, duration: 2s}");

        List<Path> parts = runGenerators(workload, "constant", List.of(0, 1, 2));
        Path merged = merge(parts, "constant-merged");

        assertThat(MergeMain.run(
                        "--out=" + folder.resolve("again"), parts.get(0).toString()))
                .as("a part alone is a trial short of its generators")
                .isEqualTo(1);
        RunSummary.Trial trial = onlyTrial(merged);
        // the schedule's own numbers: 150/s and 300/s for 2 s each, striped, so not one request more or less
        assertThat(trial.iterations()).extracting(RunSummary.Iteration::sent).containsExactly(300L, 600L);
        assertThat(trial.sent()).isEqualTo(900).isEqualTo(sumOfParts(parts, RunSummary.Trial::sent));
        assertThat(trial.server().received()).as("the stub saw them all").isEqualTo(900);
        assertTheWindowsAreTheGeneratorsAdded(parts, merged, trial);
    }

    @Test
    void poissonArrivalsFromThreeIndependentStreamsAddUpToTheirSum() throws Exception {
        Path workload = write("poisson", "constant: {rate: 300, duration: 3s, arrivals: poisson}");

        List<Path> parts = runGenerators(workload, "poisson", List.of(0, 1, 2));
        Path merged = merge(parts, "poisson-merged");

        RunSummary.Trial trial = onlyTrial(merged);
        List<Long> sent = new ArrayList<>();
        for (Path part : parts) {
            sent.add(onlyTrial(part).sent());
        }
        assertThat(sent)
                .as("three streams of their own, not one stream three times")
                .doesNotHaveDuplicates();
        assertThat(trial.sent())
                .isEqualTo(sent.stream().mapToLong(Long::longValue).sum());
        // a Poisson count of mean 900: 5 standard deviations either side
        assertThat(trial.sent()).isBetween(750L, 1050L);
        assertThat(trial.server().received()).isEqualTo(trial.sent());
        assertTheWindowsAreTheGeneratorsAdded(parts, merged, trial);
    }

    @Test
    void aModelBrokenOnTheMergedWindowsStopsEveryGeneratorAtTheSameWindow() throws Exception {
        // an SLO no window can meet (the stub alone takes 20 ms): broken after two windows, judged on all three
        // generators' windows added
        Path workload = Files.writeString(folder.resolve("broken.yaml"), """
                name: broken
                request:
                  path: /api/items/{id}
                  query: {delayMs: 20}
                  timeout: 2s
                load:
                  - steps: {from: 30, to: 120, step: 30, stepDuration: 1s}
                models: [vertx]
                slo: {p99: 1ms, errors: 1%}
                stopAfterBreaches: 2
                """);

        List<Path> parts = runGenerators(workload, "broken", List.of(0, 1, 2));
        for (Path part : parts) {
            RunSummary.Trial slice = onlyTrial(part);
            assertThat(slice.iterations())
                    .as("every generator ran the same two windows")
                    .hasSize(2);
            assertThat(slice.load().stopped()).contains("on the 3 generators' windows added");
        }
        RunSummary.Trial trial = onlyTrial(merge(parts, "broken-merged"));
        assertThat(trial.iterations()).extracting(RunSummary.Iteration::sent).containsExactly(30L, 60L);
        assertThat(trial.load().stopped())
                .startsWith("stopped after steps 60/s: 2 open windows in a row breached the SLO");
    }

    @Test
    void aGeneratorThatDiesIsAFailedSelfCheckOfTheMergedRunNotASmallerSample() throws Exception {
        List<Path> parts = killMidRun("dies", 2);

        RunSummary.Trial survivor = onlyTrial(parts.get(0));
        assertThat(survivor.load().stopped()).contains("generator(s) 2 of 3 did not reach");
        RunSummary summary = mergeFails(parts, "dies-merged");
        assertThat(summary.passed()).isFalse();
        assertThat(summary.failures()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.TRIAL_RECORDED);
            assertThat(f.text()).contains("generator(s) 2 of 3 recorded nothing");
        });
    }

    @Test
    void whenGeneratorZeroDiesTheOthersKeepWhatTheyRanAndTheMergeNamesIt() throws Exception {
        List<Path> parts = killMidRun("leader-dies", 0); // and its trial's JVM, which serves the barrier, with it

        for (Path part : parts) {
            RunSummary.Trial slice = onlyTrial(part);
            assertThat(slice.iterations()).as("what it ran is kept").isNotEmpty();
            assertThat(slice.load().stopped()).contains("is generator 0 running?");
        }
        assertThat(mergeFails(parts, "leader-dies-merged").failures())
                .anySatisfy(f -> assertThat(f.text()).contains("generator(s) 0 of 3 recorded nothing"));
    }

    /**
     * Three generators of three windows, {@code victim} killed once its first window is done (its trial's JVM ends
     * with it: the parent watch); the others' run folders once they have ended, without waiting forever.
     */
    static List<Path> killMidRun(String name, int victim) throws Exception {
        Path workload = write(
                name,
                "constant: {rate: 60, duration: 2s}",
                "constant: {rate: 60, duration: 2s}",
                "constant: {rate: 60, duration: 2s}");
        Path log = folder.resolve(name + "-" + victim + ".log");
        List<Process> generators = startGenerators(workload, name, List.of(0, 1, 2), "3s");
        Awaitility.await()
                .atMost(RUN_PATIENCE)
                .until(() -> Files.exists(log) && Files.readString(log).contains("window 1/3"));
        generators.get(victim).destroyForcibly();

        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < GENERATORS; i++) {
            if (i == victim) {
                continue;
            }
            assertThat(generators.get(i).waitFor(RUN_PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("generator %d ends: it does not wait forever for the dead one", i)
                    .isTrue();
            parts.add(latest(name, i));
        }
        return parts;
    }

    /** The survivors merged, which must fail (exit 1); the merged run's summary. */
    static RunSummary mergeFails(List<Path> parts, String name) throws IOException {
        Path out = folder.resolve(name);
        List<String> args = new ArrayList<>(List.of("--out=" + out, "--expect=1"));
        parts.forEach(p -> args.add(p.toString()));
        assertThat(MergeMain.run(args.toArray(String[]::new))).isEqualTo(1);
        return Summaries.read(out.resolve("latest/summary.json"));
    }

    /** Each merged window holds every generator's window: its count and its p50 and p99 from their sum. */
    static void assertTheWindowsAreTheGeneratorsAdded(List<Path> parts, Path merged, RunSummary.Trial trial)
            throws IOException {
        List<Map<Integer, Histogram>> windows = new ArrayList<>();
        for (Path part : parts) {
            windows.add(WindowLogs.read(part.resolve(record(part).windowLog())));
        }
        for (RunSummary.Iteration window : trial.iterations()) {
            Histogram sum = new Histogram(3);
            long sent = 0;
            for (int g = 0; g < parts.size(); g++) {
                sum.add(windows.get(g).get(window.index()));
                sent += onlyTrial(parts.get(g))
                        .iterations()
                        .get(window.index() - 1)
                        .sent();
            }
            assertThat(window.sent()).isEqualTo(sent);
            assertThat(sum.getTotalCount()).isEqualTo(window.completed());
            assertThat(window.p50Micros()).isEqualTo(HistogramLogs.micros(sum.getValueAtPercentile(50)));
            assertThat(window.p99Micros()).isEqualTo(HistogramLogs.micros(sum.getValueAtPercentile(99)));
        }
        assertThat(trial.latencyMicros()
                        .get(dev.fanoutbench.results.Series.RESPONSE)
                        .count())
                .isEqualTo(trial.sent());
        assertThat(Summaries.read(merged.resolve("summary.json")).passed()).isTrue();
    }

    static Path write(String name, String... phases) throws IOException {
        StringBuilder load = new StringBuilder();
        for (String phase : phases) {
            load.append("  - ").append(phase).append('\n');
        }
        return Files.writeString(folder.resolve(name + ".yaml"), """
                name: %s
                request:
                  path: /api/items/{id}
                  query: {delayMs: 20}
                  timeout: 2s
                load:
                %smodels: [vertx]
                """.formatted(name, load));
    }

    static List<Path> runGenerators(Path workload, String name, List<Integer> indexes) throws Exception {
        List<Process> generators = startGenerators(workload, name, indexes, null);
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            Process generator = generators.get(i);
            assertThat(generator.waitFor(RUN_PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("generator %d ends", i)
                    .isTrue();
            assertThat(generator.exitValue())
                    .as("generator %d: %s", i, Files.readString(folder.resolve(name + "-" + i + ".log")))
                    .isZero();
            parts.add(latest(name, i));
        }
        return parts;
    }

    static List<Process> startGenerators(Path workload, String name, List<Integer> indexes, String patience)
            throws IOException {
        int barrier;
        try (ServerSocket free = new ServerSocket(0)) {
            barrier = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> started = new ArrayList<>();
        for (int index : indexes) {
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-jar",
                    BENCH_JAR.toString(),
                    "run",
                    workload.toString(),
                    "--target=" + server.baseUri(),
                    "--source-address=127.0.0." + (2 + index),
                    "--out=" + folder.resolve(name + "-part-" + index)));
            if (patience != null) {
                command.add("--meeting-patience=" + patience);
            }
            ProcessBuilder pod = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve(name + "-" + index + ".log").toFile());
            pod.environment().put("JOB_COMPLETION_INDEX", Integer.toString(index));
            pod.environment().put("FANOUT_GENERATORS", Integer.toString(GENERATORS));
            pod.environment().put("FANOUT_BARRIER", "127.0.0.1:" + barrier);
            started.add(pod.start());
        }
        return started;
    }

    static Path merge(List<Path> parts, String name) throws IOException {
        Path out = folder.resolve(name);
        List<String> args = new ArrayList<>(List.of("--out=" + out, "--expect=1"));
        parts.forEach(p -> args.add(p.toString()));
        assertThat(MergeMain.run(args.toArray(String[]::new))).isZero();
        return out.resolve("latest").toRealPath();
    }

    static Path latest(String name, int index) throws IOException {
        return folder.resolve(name + "-part-" + index).resolve("latest").toRealPath();
    }

    static RunSummary.Trial onlyTrial(Path run) throws IOException {
        List<RunSummary.Trial> trials =
                Summaries.read(run.resolve("summary.json")).trials();
        assertThat(trials).hasSize(1);
        return trials.get(0);
    }

    static long sumOfParts(List<Path> parts, java.util.function.ToLongFunction<RunSummary.Trial> count)
            throws IOException {
        long sum = 0;
        for (Path part : parts) {
            sum += count.applyAsLong(onlyTrial(part));
        }
        return sum;
    }

    static TrialRecord record(Path run) throws IOException {
        try (Stream<Path> records = Files.list(run.resolve("records"))) {
            Path file = records.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            return new ObjectMapper().readValue(file.toFile(), TrialRecord.class);
        }
    }
}
