package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.api.Test;

/** Thread counts are behaviour, not timing: a pool of N blocked requests is N threads. */
class CostPerModelTest {

    static final int IN_FLIGHT = 1_000;

    static int peakThreads(ScenarioResult result) {
        return Integer.parseInt(result.notes().get(0).replaceAll(".*\\(peak (\\d+)\\).*", "$1"));
    }

    static int extraThreads(ScenarioResult result) {
        String note = result.notes().get(0);
        return Integer.parseInt(note.replaceAll("peak extra platform threads: (\\d+).*", "$1"));
    }

    @Test
    void aThreadPoolHoldsAThreadPerWaitingRequest() {
        try (ClientModel pool = ModelKind.THREAD_POOL.create()) {
            ScenarioResult result = CostPerModel.run(pool, SharedServer.base(), IN_FLIGHT);

            assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(IN_FLIGHT);
            assertThat(peakThreads(result)).isGreaterThanOrEqualTo(IN_FLIGHT);
        }
    }

    @Test
    void virtualThreadsAndTheEventLoopWaitOnAHandfulOfPlatformThreads() {
        for (ModelKind kind : new ModelKind[] {ModelKind.VIRTUAL_THREADS, ModelKind.VERTX}) {
            try (ClientModel model = kind.create()) {
                ScenarioResult result = CostPerModel.run(model, SharedServer.base(), IN_FLIGHT);

                assertThat(result.count(OutcomeKind.SUCCESS)).as(kind.id()).isEqualTo(IN_FLIGHT);
                assertThat(extraThreads(result)).as(kind.id()).isLessThan(IN_FLIGHT / 10);
            }
        }
    }
}
