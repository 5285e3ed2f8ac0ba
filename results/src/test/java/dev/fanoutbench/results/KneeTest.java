package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.RunSummary.LoadWindow;
import dev.fanoutbench.results.RunSummary.Slo;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {

    private static final Slo SLO = new Slo(250, 0.01);

    /** A step of 5 s at {@code rate}, measured: what it carried, its p99, how many failed. */
    private static Knee.Window step(double rate, double achieved, double p99Millis, long failed) {
        long sent = (long) (rate * 5);
        return new Knee.Window(
                new LoadWindow("steps " + (int) rate + "/s", rate, 5, 0),
                sent,
                failed,
                0,
                achieved,
                100,
                p99Millis,
                null);
    }

    @Test
    void aModelThatBreaksAtStepThreeHasItsKneeAtStepTwo() {
        Knee knee = Knee.find(
                List.of(
                        step(500, 500, 240, 0),
                        step(1000, 999, 245, 0),
                        step(1500, 1500, 900, 0),
                        step(2000, 2000, 200, 0)),
                SLO);

        assertThat(knee.sustainedPerSecond()).isEqualTo(1000);
        assertThat(knee.breach().window().offeredPerSecond()).isEqualTo(1500);
        assertThat(knee.breach().problem()).isEqualTo("p99 900 ms > 250 ms");
        // a later step that happens to pass does not move the knee past the first breach, but is said
        assertThat(knee.windows().get(3).met()).isTrue();
        assertThat(knee.highestMet()).isEqualTo(2000);
    }

    @Test
    void carryingLessThanNinetyEightPercentOfTheOfferedRateIsABreach() {
        Knee knee = Knee.find(List.of(step(1000, 1000, 100, 0), step(2000, 1900, 100, 0)), SLO);

        assertThat(knee.sustainedPerSecond()).isEqualTo(1000);
        assertThat(knee.breach().problem()).isEqualTo("carried 1,900 of 2,000/s");
    }

    @Test
    void failuresOverTheSloAreABreachEvenWhenFast() {
        Knee knee = Knee.find(List.of(step(1000, 1000, 100, 49), step(2000, 2000, 100, 101)), SLO);

        assertThat(knee.windows().get(0).met()).as("49 of 5,000 is under 1%").isTrue();
        assertThat(knee.breach().problem()).isEqualTo("1.01% failed > 1.00%");
    }

    @Test
    void aModelThatBreaksAtTheFirstStepHasNoKnee() {
        Knee knee = Knee.find(List.of(step(500, 300, 5_000, 0)), SLO);

        assertThat(knee.sustainedPerSecond()).isNull();
        assertThat(knee.breach().problem()).isEqualTo("carried 300 of 500/s, p99 5,000 ms > 250 ms");
    }

    @Test
    void windowsAreTakenInOrderOfOfferedRate() {
        Knee knee =
                Knee.find(List.of(step(2000, 2000, 100, 0), step(1000, 1000, 100, 0), step(3000, 2000, 100, 0)), SLO);

        assertThat(knee.sustainedPerSecond()).isEqualTo(2000);
        assertThat(knee.breach().window().offeredPerSecond()).isEqualTo(3000);
    }
}
