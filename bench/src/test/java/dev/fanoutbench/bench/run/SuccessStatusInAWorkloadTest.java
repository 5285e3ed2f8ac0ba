package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload's {@code success.status} is the rule every model's accounting applies, in closed and
 * open phases alike: against the flaky endpoint (the last digit of the id picks 200 for 0-4, 500,
 * 503, then three faults), {@code status: 500-503} makes each ten ids two successes (500, 503),
 * five HTTP errors (the 200s, outside the range) and three connection errors.
 */
class SuccessStatusInAWorkloadTest {

    static final String WORKLOAD = """
            name: errors-expected
            request:
              path: /api/flaky/{id}
              success: {status: 500-503, echoId: false}
            load:
              - closed: {concurrency: 5, count: 100}
              - constant: {rate: 50, duration: 1s}
            models: [thread-pool, virtual-threads, vertx]
            """;

    @TempDir
    static Path runDir;

    static RunSummary summary;

    @BeforeAll
    static void runTheWorkload() throws Exception {
        summary = InProcessWorkload.run(
                runDir, "errors-expected", WORKLOAD, "thread-pool,virtual-threads,vertx", Duration.ofMillis(500));
    }

    @Test
    void statusesInTheRangeSucceedAndA200OutsideItIsAnHttpErrorInBothPhaseKinds() {
        assertThat(summary.trials()).hasSize(3).allSatisfy(trial -> {
            // the trial's own 20-request warm-up used ids 0-19: each window starts on a multiple of ten
            assertThat(trial.iterations())
                    .extracting(RunSummary.Iteration::sent)
                    .containsExactly(100L, 50L);
            assertThat(trial.iterations())
                    .extracting(RunSummary.Iteration::failed)
                    .as(trial.key())
                    .containsExactly(80L, 40L);
            assertThat(trial.count(OutcomeKind.SUCCESS)).as(trial.key()).isEqualTo(30);
            assertThat(trial.count(OutcomeKind.HTTP_ERROR)).as(trial.key()).isEqualTo(75);
            assertThat(trial.count(OutcomeKind.CONNECTION_ERROR))
                    .as(trial.key())
                    .isEqualTo(45);
            assertThat(trial.httpErrorStatuses()).as(trial.key()).containsExactly(Map.entry(200, 75L));
        });
    }
}
