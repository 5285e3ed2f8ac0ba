package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.KneeCause;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload whose top steps are far past every model's capacity finishes: the client never holds
 * more than its cap in flight, what was due beyond it is dropped and counted, and a model that
 * breached the SLO twice in a row is stopped, its last window reported as not run.
 */
class OverloadIsSurvivedTest {

    static final int CAP = 50;
    /**
     * Answers of 1 s: by Little's law 20/s holds 20 in flight (within the cap of 50), 120/s would
     * need 120 and 220/s 220, so both breach by dropping; 320/s is never run.
     */
    static final String WORKLOAD = """
            name: past-every-knee
            request:
              path: /api/items/{id}
              query: {delayMs: 1000}
              timeout: 5s
            load:
              - steps: {from: 20, to: 320, step: 100, stepDuration: 2s}
            models: [thread-pool, virtual-threads, vertx]
            threadPoolSize: 400
            slo: {p99: 2s, errors: 1%}
            maxInFlight: CAP
            stopAfterBreaches: 2
            """.replace("CAP", Integer.toString(CAP));

    @TempDir
    static Path runDir;

    static RunSummary summary;

    @BeforeAll
    static void runPastTheKnee() throws Exception {
        summary = InProcessWorkload.run(
                runDir, "past-every-knee", WORKLOAD, "thread-pool,virtual-threads,vertx", Duration.ofMillis(250));
    }

    @Test
    void theClientNeverHeldMoreThanItsCapInFlight() {
        // the recorder counts a request as handed over a moment before the driver finds the cap full and drops it:
        // a sample can catch that one request in between, never more
        assertThat(summary.trials())
                .hasSize(3)
                .allSatisfy(trial -> assertThat(trial.timeline())
                        .as(trial.key())
                        .allSatisfy(interval ->
                                assertThat(interval.clientInFlight()).isLessThanOrEqualTo(CAP + 1)));
        assertThat(summary.trials())
                .allSatisfy(trial -> assertThat(trial.server().peakInFlight()).isLessThanOrEqualTo(CAP));
    }

    @Test
    void whatWasDueBeyondTheCapIsDroppedAndEveryRequestIsAccountedFor() {
        assertThat(summary.failures()).as("self-checks").isEmpty();
        assertThat(summary.trials()).allSatisfy(trial -> {
            long ended = trial.outcomes().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(ended).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.returned()).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.count(OutcomeKind.LOST)).isZero();
            // 120/s for 2 s with 50 in flight at most and 1 s answers: at most ~100 of 240 can be sent
            assertThat(trial.iterations().get(1).dropped()).as(trial.key()).isGreaterThan(100);
            assertThat(trial.count(OutcomeKind.DROPPED))
                    .isEqualTo(trial.iterations().stream()
                            .mapToLong(RunSummary.Iteration::dropped)
                            .sum());
            assertThat(trial.server().received())
                    .as("the stub saw only what was sent")
                    .isEqualTo(trial.sent() - trial.count(OutcomeKind.DROPPED));
        });
    }

    @Test
    void aModelThatBreachedTwiceInARowIsStoppedAndItsLastWindowReportedAsNotRun() {
        assertThat(summary.trials()).allSatisfy(trial -> {
            assertThat(trial.iterations()).as(trial.key()).hasSize(3);
            assertThat(Knee.notRun(trial))
                    .extracting(RunSummary.LoadWindow::offeredPerSecond)
                    .containsExactly(320.0);
            assertThat(trial.load().stopped()).contains("2 open windows in a row breached the SLO");
        });
    }

    @Test
    void theKneeSaysTheClientCouldNotKeepUp() {
        assertThat(summary.trials()).allSatisfy(trial -> {
            Knee knee = Knee.of(trial);
            assertThat(knee.sustainedPerSecond()).as(trial.key()).isEqualTo(20);
            assertThat(KneeCause.of(trial, knee, 2))
                    .as(trial.key())
                    .startsWith("the client could not keep up")
                    .contains("dropped because it already held " + CAP + " in flight");
        });
    }
}
