package dev.fanoutbench.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CapacityTest {

    /** A pool of 200 on calls of 100 ms: met in steps of 250/s up to 1,750/s, broken at 2,000/s. */
    static Steps poolOf200() {
        return Steps.of()
                .carried(250, 1750, 250, 100, 250)
                .step(2000, 1800, 400, 1900)
                .pool(200)
                .cpuMicros(300)
                .stubCpuMicros(100);
    }

    @Test
    void aPoolsCeilingIsItsThreadsOverTheServiceTimeAndItIsTheSmallest() {
        Capacity capacity = Capacity.of(poolOf200().trial("thread-pool"), 2, true);

        assertThat(capacity.kneePerSecond()).isEqualTo(1750);
        assertThat(capacity.serviceMillis()).isEqualTo(100);
        assertThat(capacity.limit().resource()).isEqualTo("pool");
        assertThat(capacity.limit().perSecond()).isCloseTo(2000, within(0.001));
        assertThat(capacity.limit().why()).contains("200 threads on calls of 100 ms");
    }

    @Test
    void theCoresCeilingCountsTheStubsCpuWhenItSharesTheCores() {
        Capacity shared = Capacity.of(poolOf200().trial("thread-pool"), 2, true);
        Capacity apart = Capacity.of(poolOf200().trial("thread-pool"), 2, false);

        // 2 cores x 0.75 / (300 + 100 us) = 3,750/s; without the stub's 100 us, 5,000/s
        assertThat(ceiling(shared, "cores")).isCloseTo(3750, within(0.5));
        assertThat(ceiling(apart, "cores")).isCloseTo(5000, within(0.5));
    }

    @Test
    void aPredictionMovesTheCeilingsWithThePoolTheCoresAndTheApi() {
        Capacity measured = Capacity.of(poolOf200().trial("thread-pool"), 2, true);

        assertThat(measured.predict(new Capacity.Change(50, null, null)).limit().perSecond())
                .as("50 threads on 100 ms")
                .isCloseTo(500, within(0.001));
        assertThat(ceiling(measured.predict(new Capacity.Change(null, 1, null)), "cores"))
                .as("one core instead of two")
                .isCloseTo(1875, within(0.5));
        assertThat(measured.predict(new Capacity.Change(null, null, 200.0))
                        .limit()
                        .perSecond())
                .as("an API twice as slow halves what the pool passes")
                .isCloseTo(1000, within(0.001));
    }

    @Test
    void theScalabilityLawIsFittedToTheSevenStepsBelowTheKnee() {
        Capacity capacity = Capacity.of(poolOf200().trial("thread-pool"), 2, true);

        assertThat(capacity.points()).hasSize(7);
        // N = X W: 1,750/s on 100 ms calls is 175 in flight
        assertThat(capacity.points().get(6).concurrency()).isCloseTo(175, within(0.01));
        assertThat(capacity.usl()).isNotNull();
        assertThat(capacity.usl().gamma()).as("each in flight carries 10/s").isCloseTo(10, within(0.01));
    }

    @Test
    void withFewerThanSixPointsThereIsNoLawButStillCeilings() {
        Capacity capacity = Capacity.of(
                Steps.of()
                        .carried(500, 1500, 500, 100, 250)
                        .step(2000, 1700, 400, 1900)
                        .pool(200)
                        .trial("thread-pool"),
                2,
                true);

        assertThat(capacity.points()).hasSize(3);
        assertThat(capacity.usl()).isNull();
        assertThat(capacity.limit().resource()).isEqualTo("pool");
    }

    private static double ceiling(Capacity capacity, String resource) {
        return capacity.ceilings().stream()
                .filter(c -> c.resource().equals(resource))
                .findFirst()
                .orElseThrow()
                .perSecond();
    }
}
