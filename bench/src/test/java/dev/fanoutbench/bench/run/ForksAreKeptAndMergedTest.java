package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JMH forks of one trial each keep their own records and logs, and the summary adds them up:
 * a second fork must not overwrite the first.
 */
class ForksAreKeptAndMergedTest {

    static final int CALLS = 3;
    static final int ITERATIONS = 2;
    static final Preset TWO_FORKS = new Preset(
            "two-forks", 2, 0, ITERATIONS, Map.of("model", "vertx", "calls", Integer.toString(CALLS), "delayMs", "5"));

    @TempDir
    Path runDir;

    @Test
    void eachForkIsKeptAndTheSummaryAddsThemUp() throws Exception {
        RunSummary.Trial trial;
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            var results = JmhLaunch.of(
                            TWO_FORKS, "FanOutBenchmark", "", server.baseUri(), runDir, Duration.ofSeconds(1))
                    .run()
                    .jmhResults();
            trial = SummaryBuilder.build("forks", "two-forks", server.baseUri().toString(), null, results, runDir)
                    .trials()
                    .get(0);
        }
        int perFork = CALLS * ITERATIONS;

        assertThat(trial.forks()).isEqualTo(2);
        assertThat(trial.sent()).isEqualTo(2L * perFork);
        assertThat(trial.latencyMicros().get(Series.RESPONSE).count()).isEqualTo(2L * perFork);
        assertThat(trial.server().received()).isEqualTo(2L * perFork);
        assertThat(trial.score().samples()).hasSize(2 * ITERATIONS);
        assertThat(trial.iterations()).extracting(RunSummary.Iteration::fork).containsExactly(1, 1, 2, 2);
        assertThat(trial.timeline()).extracting(RunSummary.Interval::fork).contains(1, 2);
        assertThat(trial.files()).containsKeys("fork-1/response.hlog", "fork-2/response.hlog");
        assertThat(runDir.resolve("records"))
                .isDirectoryContaining("glob:**.fork-1.json")
                .isDirectoryContaining("glob:**.fork-2.json");
    }
}
