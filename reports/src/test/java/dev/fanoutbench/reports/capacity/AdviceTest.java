package dev.fanoutbench.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceTest {

    /** Virtual threads: met up to 2,750/s at 100 ms, 200 us of CPU per request, no pool. */
    static Capacity virtualThreads() {
        return Capacity.of(
                Steps.of()
                        .carried(250, 2750, 250, 100, 250)
                        .step(3000, 2500, 900, 4000)
                        .cpuMicros(200)
                        .trial("virtual-threads"),
                2,
                false);
    }

    static Capacity poolOf200() {
        return Capacity.of(CapacityTest.poolOf200().trial("thread-pool"), 2, true);
    }

    @Test
    void aRateBothCarryRanksThemByTheCoresTheyNeedWithTheirSettings() {
        Advice advice = Advice.of(List.of(poolOf200(), virtualThreads()), 1000, 2, 500, 0.25);

        assertThat(advice.misfits()).isEmpty();
        assertThat(advice.fits()).extracting(Advice.Fit::model).containsExactly("virtual-threads", "thread-pool");
        // 1,250/s (25% headroom) x 0.100 s = 125: the pool's threads, the virtual threads' limit in flight
        assertThat(advice.fits().get(1).setting()).startsWith("a pool of 125 threads");
        assertThat(advice.fits().get(0).setting()).startsWith("at most 125 in flight");
        // 1,000/s x 200 us / 0.75 busy
        assertThat(advice.fits().get(0).coresNeeded()).isEqualTo(1000 * 200e-6 / 0.75);
        assertThat(advice.fits().get(0).evidence()).startsWith("measured: it sustained 2,750/s");
    }

    @Test
    void aRateAboveAKneeMeasuredOnTheseCoresIsRefusedUnlessAPoolWasWhatLimitedIt() {
        // 2,400/s with 25% headroom is 3,000/s: above virtual threads' measured 2,750/s on these cores; the pool's
        // knee (1,750/s) was its 200 threads, and 300 threads are predicted to pass it, its cores allowing 3,750/s
        Advice advice = Advice.of(List.of(poolOf200(), virtualThreads()), 2400, 2, 500, 0.25);

        assertThat(advice.misfits())
                .singleElement()
                .satisfies(misfit -> assertThat(misfit.why())
                        .isEqualTo("measured: its knee on 2 core(s) was 2,750/s, below 3,000/s (the rate and 25%"
                                + " headroom)"));
        assertThat(advice.fits()).singleElement().satisfies(fit -> {
            assertThat(fit.setting()).startsWith("a pool of 300 threads");
            assertThat(fit.evidence()).isEqualTo("predicted: its smallest ceiling on 2 core(s) is 3,750/s (cores)");
        });
    }

    @Test
    void moreCoresTurnAMeasuredLimitIntoAPredictionThatSaysWhichResourceDecides() {
        // 8 cores: virtual threads' CPU ceiling is 8 x 0.75 / 200 us = 30,000/s; nothing measured there
        Advice advice = Advice.of(List.of(virtualThreads()), 4000, 8, 500, 0.25);

        assertThat(advice.fits())
                .singleElement()
                .satisfies(fit -> assertThat(fit.evidence())
                        .startsWith("predicted: its smallest ceiling on 8 core(s) is 30,000/s (cores)"));
    }

    @Test
    void aSloTighterThanTheUnloadedP99RulesAClientOut() {
        Advice advice = Advice.of(List.of(virtualThreads()), 500, 2, 200, 0.25);

        assertThat(advice.misfits())
                .singleElement()
                .extracting(Advice.Misfit::why)
                .isEqualTo("even at its lightest load its p99 was 250 ms, above the SLO's 200 ms");
    }

    @Test
    void aRateOfZeroAndNoCoresAreRefused() {
        assertThatThrownBy(() -> Advice.of(List.of(virtualThreads()), 0, 2, 500, 0.25))
                .hasMessage("the rate must be above 0, got 0.0");
        assertThatThrownBy(() -> Advice.of(List.of(virtualThreads()), 100, 0, 500, 0.25))
                .hasMessage("cores must be at least 1, got 0");
    }

    @Test
    void aKneeMeasuredOnTheseCoresOutweighsACeilingPredictedBelowIt() {
        // 1,000 us of CPU per request: 2 cores at 75% predict 1,500/s, yet it sustained 2,750/s here
        Capacity dearer = Capacity.of(
                Steps.of()
                        .carried(250, 2750, 250, 100, 250)
                        .step(3000, 2500, 900, 4000)
                        .cpuMicros(1000)
                        .trial("virtual-threads"),
                2,
                false);

        Advice advice = Advice.of(List.of(dearer), 2000, 2, 500, 0.25);

        assertThat(advice.misfits()).isEmpty();
        assertThat(advice.fits())
                .singleElement()
                .satisfies(fit -> assertThat(fit.evidence()).isEqualTo("measured: it sustained 2,750/s on 2 core(s)"));
    }
}
