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
 * A tiny steps workload run end to end on every model against the embedded stub: one measured
 * iteration per step, every request accounted for, sent on its schedule, seen by the stub at the
 * rate it was sent, and a knee where Little's law puts it for a pool of one thread.
 */
class WorkloadRunTest {

    /** 50 ms calls: a pool of one thread carries at most 20/s, so it breaks at 30/s and the others do not. */
    static final String WORKLOAD = """
            name: tiny-steps
            request:
              path: /api/items/{id}
              query: {delayMs: 50}
              timeout: 5s
            warmup: 1s
            load:
              - steps: {from: 10, to: 30, step: 20, stepDuration: 2s}
            models: [thread-pool, virtual-threads, vertx]
            threadPoolSize: 1
            slo: {p99: 1s, errors: 1%}
            """;

    @TempDir
    static Path runDir;

    static RunSummary summary;

    @BeforeAll
    static void runTheWorkload() throws Exception {
        summary = InProcessWorkload.run(
                runDir, "tiny-steps", WORKLOAD, "thread-pool,virtual-threads,vertx", Duration.ofMillis(500));
    }

    @Test
    void everyModelRanEveryStepAndEveryRequestIsAccountedFor() {
        assertThat(summary.trials())
                .extracting(RunSummary.Trial::model)
                .containsExactlyInAnyOrder("thread-pool", "virtual-threads", "vertx");
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.trials()).allSatisfy(trial -> {
            assertThat(trial.iterations())
                    .as(trial.key())
                    .extracting(RunSummary.Iteration::sent)
                    .containsExactly(20L, 60L);
            assertThat(trial.returned()).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.count(OutcomeKind.SUCCESS)).as(trial.key()).isEqualTo(trial.sent());
            assertThat(trial.server().received()).as(trial.key()).isEqualTo(trial.sent());
        });
    }

    @Test
    void requestsAreSentOnTheirScheduleAndTheStubSeesThatRate() {
        assertThat(summary.trials())
                .filteredOn(t -> !t.model().equals("thread-pool"))
                .allSatisfy(trial -> {
                    for (RunSummary.Iteration step : trial.iterations()) {
                        double rate = step.sent() / 2.0;
                        long scheduled = (long) ((step.sent() - 1) / rate * 1e6);
                        // nothing is sent before it is due; a client that keeps up sends the last one about when it is
                        // due
                        assertThat(step.dispatchSpreadMicros())
                                .as(trial.key())
                                .isBetween((long) (0.98 * scheduled), (long) (1.2 * scheduled));
                        assertThat(step.arrivalSpreadMicros())
                                .as(trial.key())
                                .isBetween((long) (0.95 * scheduled), (long) (1.25 * scheduled));
                    }
                });
    }

    @Test
    void theKneeIsWhereLittlesLawPutsIt() {
        for (RunSummary.Trial trial : summary.trials()) {
            Knee knee = Knee.of(trial);
            assertThat(knee.windows()).as(trial.key()).hasSize(2);
            if (trial.model().equals("thread-pool")) {
                assertThat(knee.sustainedPerSecond())
                        .as("one thread on 50 ms calls carries at most 20/s")
                        .isEqualTo(10);
                assertThat(knee.breach().achievedPerSecond()).isLessThan(21);
                assertThat(KneeCause.of(trial, knee, 2)).startsWith("its pool: 1 thread(s) on calls of");
            } else {
                assertThat(knee.sustainedPerSecond())
                        .as(trial.key() + ": " + knee.windows())
                        .isEqualTo(30);
                assertThat(knee.breach()).isNull();
            }
        }
    }
}
