package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;

/**
 * Every JMH benchmark, every model, once and tiny (in this JVM, no warm-up, one iteration), so
 * none can rot; then the summary it makes, read back strictly against its schema.
 */
class BenchmarksSmokeTest {

    static final Map<String, Integer> TRIALS_PER_BENCHMARK = Map.of(
            "FanOutBenchmark.fanOut", 4, "BoundedBatchBenchmark.boundedBatch", 4,
            "HighConcurrencyBenchmark.highConcurrency", 3, "OpenModelBenchmark.openModel", 3,
            "CpuWorkBenchmark.cpuWork", 6, "BlockingLoopBenchmark.blockingLoop", 2);

    @TempDir
    Path runDir;

    @Test
    void everyBenchmarkRunsOnEveryModelAndItsSummaryAddsUp() throws Exception {
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            Collection<RunResult> results = new Runner(
                    JmhLaunch.options(Preset.SMOKE, JmhLaunch.ALL, "", server.baseUri(), runDir)).run();

            RunSummary built = SummaryBuilder.build("smoke", "smoke", server.baseUri().toString(), results, runDir);
            SummaryBuilder.write(built, runDir.resolve("summary.json"));
            RunSummary summary = SummaryBuilder.read(runDir.resolve("summary.json"));

            assertThat(summary.schemaVersion()).isEqualTo(RunSummary.SCHEMA_VERSION);
            assertThat(summary.trials().stream().collect(Collectors.groupingBy(RunSummary.Trial::benchmark,
                    Collectors.summingInt(t -> 1)))).isEqualTo(TRIALS_PER_BENCHMARK);
            assertThat(summary.trials()).allSatisfy(trial -> {
                assertThat(trial.sent()).as(trial.key()).isPositive();
                assertThat(trial.outcomesAddUp()).as(trial.key()).isTrue();
                assertThat(trial.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(trial.sent());
                assertThat(trial.outcomes()).as(trial.key()).containsEntry("SUCCESS", trial.sent());
                assertThat(trial.latencyMicros().get("response").count()).isEqualTo(trial.sent());
                assertThat(trial.score().value()).isPositive();
                assertThat(trial.idealMillis()).isPositive();
                trial.files().values().forEach(file -> assertThat(runDir.resolve(file)).isNotEmptyFile());
            });
            assertThat(summary.warnings()).noneMatch(w -> w.contains("no record") || w.contains("do not add up"));
            assertThat(Files.readString(runDir.resolve(summary.trials().get(0).files().get("response.hlog"))))
                    .contains("#[StartTime:").contains("\"StartTimestamp\"");
        }
    }
}
