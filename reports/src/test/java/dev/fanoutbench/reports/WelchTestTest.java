package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The test statistics against textbook values of Student's t distribution. */
class WelchTestTest {

    @Test
    void theCriticalValuesOfStudentsTGiveTheirTailProbabilities() {
        assertThat(WelchTest.twoSidedP(2.776, 4)).isCloseTo(0.05, within(0.0005));
        assertThat(WelchTest.twoSidedP(3.355, 8)).isCloseTo(0.01, within(0.0002));
        assertThat(WelchTest.twoSidedP(12.706, 1)).isCloseTo(0.05, within(0.0005));
        assertThat(WelchTest.twoSidedP(1.960, 100_000)).isCloseTo(0.05, within(0.0005));
        assertThat(WelchTest.twoSidedP(0, 5)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void clearlySeparatedSamplesAreSignificantAndOverlappingOnesAreNot() {
        double[] a = {200.1, 200.4, 199.8, 200.2, 200.0};
        double[] tenPercentSlower = {220.3, 219.9, 220.6, 220.1, 220.2};
        double[] same = {200.3, 199.9, 200.5, 199.7, 200.1};

        assertThat(WelchTest.of(a, tenPercentSlower).pValue()).isLessThan(1e-6);
        assertThat(WelchTest.of(a, tenPercentSlower).t()).isPositive();
        assertThat(WelchTest.of(a, same).pValue()).isGreaterThan(0.5);
    }

    @Test
    void samplesThatDoNotVaryAreEqualOrCertainlyDifferent() {
        assertThat(WelchTest.of(new double[] {5, 5, 5}, new double[] {5, 5, 5}).pValue())
                .isEqualTo(1.0);
        assertThat(WelchTest.of(new double[] {5, 5, 5}, new double[] {6, 6, 6}).pValue())
                .isZero();
    }
}
