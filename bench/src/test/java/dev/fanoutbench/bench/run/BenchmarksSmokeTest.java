package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.cost.HarnessCost;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import dev.fanoutbench.results.Summaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

/**
 * Every JMH benchmark, every model, once and tiny (in this JVM, no warm-up, one iteration), so
 * none can rot; then the summary it makes, read back strictly against its schema, with every
 * request accounted for by the client's counts and by the stub's.
 */
class BenchmarksSmokeTest {

    static final Map<String, Integer> TRIALS_PER_BENCHMARK = Map.of(
            "FanOutBenchmark.fanOut",
            4,
            "BoundedBatchBenchmark.boundedBatch",
            4,
            "HighConcurrencyBenchmark.highConcurrency",
            3,
            "OpenModelBenchmark.openModel",
            3,
            "CpuWorkBenchmark.cpuWork",
            6,
            "BlockingLoopBenchmark.blockingLoop",
            2);

    @TempDir
    static Path runDir;

    static RunSummary summary;

    @BeforeAll
    static void runEveryBenchmarkOnce() throws Exception {
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            RunSummary.Score harness = HarnessCost.measure(Preset.SMOKE, runDir);
            Collection<RunResult> results = JmhLaunch.of(
                            Preset.SMOKE, JmhLaunch.ALL, "", server.baseUri(), runDir, Duration.ofMillis(200))
                    .run()
                    .jmhResults();
            Summaries.write(
                    SummaryBuilder.build("smoke", "smoke", server.baseUri().toString(), harness, results, runDir),
                    runDir.resolve("summary.json"));
        }
        summary = Summaries.read(runDir.resolve("summary.json"));
    }

    @Test
    void everyBenchmarkRanOnEveryModelAndNoSelfCheckFailed() {
        assertThat(summary.schemaVersion()).isEqualTo(RunSummary.SCHEMA_VERSION);
        assertThat(summary.trials().stream()
                        .collect(Collectors.groupingBy(RunSummary.Trial::benchmark, Collectors.summingInt(t -> 1))))
                .isEqualTo(TRIALS_PER_BENCHMARK);
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.passed()).isTrue();
    }

    @Test
    void theHarnessOwnCostIsMeasuredBesideTheModels() {
        assertThat(summary.harnessMicrosPerRequest()).isNotNull();
        assertThat(summary.harnessMicrosPerRequest().unit()).isEqualTo("us/op");
        assertThat(summary.harnessMicrosPerRequest().value()).isPositive();
        assertThat(summary.harnessMicrosPerRequest().samples()).hasSize(1);
    }

    @Test
    void everyBatchRecordsItsSendPhaseAndTheStubItsArrivalSpread() {
        assertThat(summary.trials())
                .allSatisfy(trial -> assertThat(trial.iterations()).allSatisfy(i -> {
                    assertThat(i.arrivalSpreadMicros()).as(trial.key()).isNotNull();
                    // the stub cannot see the last request arrive before the client sent it, nor the first before the
                    // first
                    assertThat(i.arrivalSpreadMicros()).as(trial.key()).isLessThanOrEqualTo((long)
                            (i.durationMillis() * 1000));
                    assertThat(i.dispatchSpreadMicros()).as(trial.key()).isLessThanOrEqualTo((long)
                            (i.durationMillis() * 1000));
                }));
        RunSummary.Trial burst = summary.trials().stream()
                .filter(t -> t.benchmark().startsWith("HighConcurrency"))
                .filter(t -> t.model().equals("vertx"))
                .findFirst()
                .orElseThrow();
        assertThat(burst.iterations().get(0).dispatchSpreadMicros())
                .as("50 requests are not all dispatched in the same microsecond")
                .isPositive();
        assertThat(burst.server().arrivalSpreadMicros()).isPositive();
    }

    @Test
    void everyRequestIsAccountedForByTheClientAndTheStub() {
        assertThat(summary.trials()).allSatisfy(trial -> {
            assertThat(trial.sent()).as(trial.key()).isPositive();
            assertThat(trial.returned()).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.count(OutcomeKind.SUCCESS)).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.latencyMicros().get(Series.RESPONSE).count()).isEqualTo(trial.sent());
            assertThat(trial.server().received()).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.server().served()).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.server().latenessMicros().fromClientClock())
                    .as("the stub measured from the client's send time")
                    .isEqualTo(trial.sent());
        });
    }

    @Test
    void everyTrialHasItsIterationsItsTimelineAndItsFiles() {
        assertThat(summary.trials()).allSatisfy(trial -> {
            assertThat(trial.score().samples()).as(trial.key()).hasSize(1);
            assertThat(trial.iterations())
                    .as(trial.key())
                    .singleElement()
                    .satisfies(i -> assertThat(i.completed()).isEqualTo(trial.sent()));
            assertThat(trial.timeline()).as(trial.key()).isNotEmpty();
            assertThat(trial.timeline().stream()
                            .mapToLong(RunSummary.Interval::completed)
                            .sum())
                    .isEqualTo(trial.sent());
            assertThat(trial.timeline().stream()
                            .mapToLong(RunSummary.Interval::sent)
                            .sum())
                    .isEqualTo(trial.sent());
            assertThat(trial.files())
                    .containsKeys(
                            "fork-1/response.hlog",
                            "fork-1/service.hlog",
                            "fork-1/dispatch.hlog",
                            "response.hgrm",
                            "service.hgrm",
                            "dispatch.hgrm");
            trial.files()
                    .values()
                    .forEach(file -> assertThat(runDir.resolve(file)).isNotEmptyFile());
        });
    }

    @Test
    void hdrHistogramsOwnLogProcessorReadsTheLogsWithItsDefaultsAndAgreesWithTheSummary() throws Exception {
        RunSummary.Trial trial = summary.trials().stream()
                .filter(t -> t.key().equals("BoundedBatchBenchmark.boundedBatch-20-10-10-vertx"))
                .findFirst()
                .orElseThrow();
        String jar = Path.of(Histogram.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process processor = new ProcessBuilder(
                        java,
                        "-cp",
                        jar,
                        "org.HdrHistogram.HistogramLogProcessor",
                        "-i",
                        runDir.resolve(trial.files().get("fork-1/response.hlog"))
                                .toString())
                .redirectErrorStream(true)
                .start();
        String printed = new String(processor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(processor.waitFor()).isZero();

        RunSummary.Percentiles response = trial.response();
        assertThat(printed)
                .as("its percentile distribution, in milliseconds")
                .containsPattern("\\s" + Pattern.quote(millis(response.p50())) + "\\s+0\\.500000000000\\s")
                .containsPattern("Max\\s+=\\s+" + Pattern.quote(millis(response.max())))
                .containsPattern("Total count\\s+=\\s+" + response.count() + "\\]");
    }

    private static String millis(long micros) {
        return String.format(Locale.US, "%.3f", micros / 1000.0);
    }

    @Test
    void theOpenModelIsJudgedByItsLatencyNotItsScore() {
        assertThat(summary.trials())
                .allSatisfy(trial -> assertThat(trial.scoreIsBatchTime())
                        .as(trial.key())
                        .isEqualTo(!trial.benchmark().startsWith("OpenModel")));
    }
}
