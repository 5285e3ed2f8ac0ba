package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.CpuWork;
import dev.fanoutbench.bench.model.ModelKind;
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
    /**
     * The work's floor is CPU time, so a busy machine cannot inflate it, but a core's speed still
     * moves with its clock (boost while the other cores idle), a busy hyperthread sibling and the
     * JIT's layout of the loop: here later runs took 0.98 to 1.01 of it, loaded or not. Three
     * quarters leaves room for a machine whose clock moves ten times as much, and still tells one
     * event loop (10 runs of work) from two cores (5).
     */
    static final double FLOOR_MARGIN = 0.75;

    static CpuWork work;

    @BeforeAll
    static void calibrate() {
        work = CpuWork.calibrated(CpuBoundWork.CPU_PER_RESPONSE);
    }

    /**
     * The least one run of the work can have taken in the scenario just run, margin included. Once
     * the JIT has compiled this loop to its fastest code it keeps it, so the faster of calibration
     * and a run timed now holds even if calibration finished before the JIT did (held back, the
     * JIT made the loop 1.46 times faster after calibration, and the old bound failed).
     */
    static long workFloorNanos() {
        return (long) (FLOOR_MARGIN * Math.min(work.measuredNanos(), work.fastestRunNanos(3)));
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void noModelFinishesTheWorkFasterThanTheCoresAllow(ModelKind kind) {
        for (Placement placement : Placement.values()) {
            try (ClientModel model = kind.create()) {
                ScenarioResult result = CpuBoundWork.run(model, SharedServer.base(), work, placement);

                assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(CpuBoundWork.REQUESTS);
                assertThat(result.wallNanos())
                        .as("%s, %s", kind, placement)
                        .isGreaterThanOrEqualTo(DELAY_NANOS + CpuBoundWork.REQUESTS * workFloorNanos() / CORES);
            }
        }
    }

    @Test
    void workOnTheEventLoopRunsOneResponseAtATime() {
        try (ClientModel vertx = ModelKind.VERTX.create()) {
            ScenarioResult result = CpuBoundWork.run(vertx, SharedServer.base(), work, Placement.IN_PLACE);

            assertThat(result.wallNanos())
                    .isGreaterThanOrEqualTo(DELAY_NANOS + CpuBoundWork.REQUESTS * workFloorNanos());
        }
    }
}
