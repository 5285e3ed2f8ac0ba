package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.CpuWork;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.ResponseWork.Placement;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lower bounds only: CPU work can be slowed by a busy machine, never sped up past the cores. */
class CpuBoundWorkTest {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final long DELAY_NANOS = CpuBoundWork.DELAY_MS * 1_000_000;
    static CpuWork work;
    static long fastestWorkNanos;

    @BeforeAll
    static void calibrate() {
        work = CpuWork.calibrated(CpuBoundWork.CPU_PER_RESPONSE);
        fastestWorkNanos = work.measuredNanos();
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void noModelFinishesTheWorkFasterThanTheCoresAllow(ModelKind kind) {
        for (Placement placement : Placement.values()) {
            try (ClientModel model = kind.create()) {
                ScenarioResult result = CpuBoundWork.run(model, SharedServer.base(), work, placement);

                assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(CpuBoundWork.REQUESTS);
                assertThat(result.wallNanos()).as("%s, %s", kind, placement)
                        .isGreaterThanOrEqualTo(DELAY_NANOS + CpuBoundWork.REQUESTS * fastestWorkNanos / CORES);
            }
        }
    }

    @Test
    void workOnTheEventLoopRunsOneResponseAtATime() {
        try (ClientModel vertx = ModelKind.VERTX.create()) {
            ScenarioResult result = CpuBoundWork.run(vertx, SharedServer.base(), work, Placement.IN_PLACE);

            assertThat(result.wallNanos()).isGreaterThanOrEqualTo(DELAY_NANOS + CpuBoundWork.REQUESTS * fastestWorkNanos);
        }
    }
}
