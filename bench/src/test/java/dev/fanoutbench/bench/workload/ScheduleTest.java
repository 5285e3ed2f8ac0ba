package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An open window's requests have intended start times fixed in advance, at the rate it offers:
 * latency is measured from them, so a sender that falls behind cannot hide the queue.
 */
class ScheduleTest {

    static final long SECOND = 1_000_000_000L;

    static Window open(double from, double to, Duration duration, Arrivals arrivals) {
        return new Window(0, "test", from, to, duration, 0, 0, arrivals);
    }

    @Test
    void aConstantRateIsEvenlySpaced() {
        long[] offsets = Schedule.offsets(open(1000, 1000, Duration.ofSeconds(1), Arrivals.CONSTANT), 1);

        assertThat(offsets).hasSize(1000);
        for (int i = 0; i < offsets.length; i++) {
            assertThat(offsets[i]).isEqualTo(i * 1_000_000L);
        }
        assertThat(offsets[999]).isLessThan(SECOND);
    }

    @Test
    void aConstantWindowSendsRateTimesSecondsRounded() {
        assertThat(Schedule.offsets(open(333.3, 333.3, Duration.ofMillis(1500), Arrivals.CONSTANT), 1))
                .hasSize(500);
        assertThat(Schedule.offsets(open(0.5, 0.5, Duration.ofSeconds(1), Arrivals.CONSTANT), 1))
                .hasSize(1);
    }

    @Test
    void aRampSendsItsIntegralAndGetsDenserAsTheRateRises() {
        long[] offsets = Schedule.offsets(open(100, 400, Duration.ofSeconds(1), Arrivals.CONSTANT), 1);

        assertThat(offsets).hasSize(250);
        assertThat(offsets).isSorted();
        assertThat(offsets[offsets.length - 1]).isLessThan(SECOND);
        // N(0.5 s) = 100 x 0.5 + 300 x 0.25 / 2 = 87.5: requests 0..87 start in the first half
        assertThat(Arrays.stream(offsets).filter(o -> o < SECOND / 2).count()).isEqualTo(88);
        long firstGap = offsets[1] - offsets[0];
        long lastGap = offsets[249] - offsets[248];
        assertThat(firstGap).isCloseTo(SECOND / 100, within(SECOND / 1000));
        assertThat(lastGap).isCloseTo(SECOND / 400, within(SECOND / 10_000));
    }

    @Test
    void aRampDownIsScheduledToo() {
        long[] offsets = Schedule.offsets(open(1000, 100, Duration.ofSeconds(2), Arrivals.CONSTANT), 1);
        assertThat(offsets).hasSize(1100).isSorted();
        assertThat(offsets[1099]).isLessThan(2 * SECOND);
        assertThat(offsets[1] - offsets[0]).isLessThan(offsets[1099] - offsets[1098]);
    }

    @Test
    void everyRampWindowOfAWorkloadSendsItsShareOfTheIntegral() {
        Workload workload =
                WindowsTest.of(Duration.ZERO, new Phase.Ramp(100, 1000, Duration.ofSeconds(3), Arrivals.CONSTANT));
        long sent = workload.windows().stream()
                .mapToLong(w -> Schedule.offsets(w, w.index()).length)
                .sum();
        assertThat(sent).isEqualTo(1650); // (100 + 1000) / 2 x 3 s
    }

    @Test
    void poissonArrivalsCountWithinAFewStandardDeviationsOfTheMean() {
        long[] offsets = Schedule.offsets(open(1000, 1000, Duration.ofSeconds(10), Arrivals.POISSON), 42);

        assertThat(offsets.length).isBetween(10_000 - 500, 10_000 + 500); // sd = 100
        assertThat(offsets).isSorted();
        assertThat(offsets[offsets.length - 1]).isLessThan(10 * SECOND);
        assertThat(offsets[0]).isPositive();
        // gaps are exponential: about as many as 1/e of them exceed the mean gap
        long longGaps = 0;
        for (int i = 1; i < offsets.length; i++) {
            longGaps += offsets[i] - offsets[i - 1] > SECOND / 1000 ? 1 : 0;
        }
        assertThat((double) longGaps / offsets.length).isCloseTo(Math.exp(-1), within(0.03));
    }

    @Test
    void poissonArrivalsOnARampFollowTheRate() {
        long[] offsets = Schedule.offsets(open(100, 1900, Duration.ofSeconds(10), Arrivals.POISSON), 7);

        assertThat(offsets.length).isBetween(10_000 - 500, 10_000 + 500);
        // N(5 s) = 100 x 5 + 1800 x 25 / 20 = 2750 of the 10000 fall in the first half
        long firstHalf = Arrays.stream(offsets).filter(o -> o < 5 * SECOND).count();
        assertThat(firstHalf).isBetween(2750L - 300, 2750L + 300);
    }

    @Test
    void poissonArrivalsAreTheSameForTheSameSeed() {
        Window window = open(500, 500, Duration.ofSeconds(2), Arrivals.POISSON);
        assertThat(Schedule.offsets(window, 3)).isEqualTo(Schedule.offsets(window, 3));
        assertThat(Schedule.offsets(window, 3)).isNotEqualTo(Schedule.offsets(window, 4));
    }

    @Test
    void aClosedWindowHasNoSchedule() {
        Window closed = new Window(2, "closed 10", 0, 0, null, 10, 100, null);
        assertThatThrownBy(() -> Schedule.offsets(closed, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closed 10")
                .hasMessageContaining("not on a schedule");
    }

    @Test
    void threeGeneratorsStripeAConstantScheduleIntoExactlyTheWhole() {
        Window window = open(1000, 1000, Duration.ofSeconds(2), Arrivals.CONSTANT);
        long[] whole = Schedule.offsets(window, 1);

        long[][] slices = new long[3][];
        for (int g = 0; g < 3; g++) {
            slices[g] = Schedule.offsets(window, 1, new Schedule.Slice(g, 3));
            // each at a third of the rate, a millisecond after the one before it
            assertThat(slices[g][0]).isEqualTo(g * 1_000_000L);
            assertThat(slices[g][1] - slices[g][0]).isEqualTo(3_000_000L);
        }
        long[] together =
                Arrays.stream(slices).flatMapToLong(Arrays::stream).sorted().toArray();
        assertThat(together).isEqualTo(whole);
    }

    @Test
    void threeGeneratorsOfAPoissonScheduleAreIndependentStreamsAtAThirdOfTheRateEach() {
        Window window = open(3000, 3000, Duration.ofSeconds(10), Arrivals.POISSON);

        long[][] slices = new long[3][];
        for (int g = 0; g < 3; g++) {
            slices[g] = Schedule.offsets(window, 5, new Schedule.Slice(g, 3));
            assertThat(slices[g].length).isBetween(10_000 - 500, 10_000 + 500); // sd = 100
            assertThat(slices[g]).isSorted();
        }
        assertThat(slices[0]).isNotEqualTo(slices[1]);
        assertThat(Schedule.offsets(window, 5, new Schedule.Slice(1, 3))).isEqualTo(slices[1]);
        long sum = slices[0].length + slices[1].length + slices[2].length;
        assertThat(sum).isBetween(30_000L - 900, 30_000L + 900); // sd = 173
    }

    @Test
    void aGeneratorOutsideItsCountIsRefused() {
        assertThatThrownBy(() -> new Schedule.Slice(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= i < N, got 3/3");
    }
}
