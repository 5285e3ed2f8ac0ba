package dev.fanoutbench.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UslTest {

    /**
     * SPEC SDM91 on a Sun SPARCcenter 2000 (load, throughput): the data set of Gunther's Guerrilla
     * Capacity Planning and of the R package usl, whose fit reports alpha (sigma) 0.0277285, beta
     * (kappa) 0.0001044 and gamma 89.9952330.
     */
    static final double[][] SPEC_SDM91 = {
        {1, 64.9}, {18, 995.9}, {36, 1652.4}, {72, 1853.2}, {108, 1828.9}, {144, 1775.0}, {216, 1702.2}
    };

    @Test
    void theFitReproducesThePublishedCoefficientsOfSpecSdm91() {
        List<Usl.Point> points = new ArrayList<>();
        for (double[] row : SPEC_SDM91) {
            points.add(new Usl.Point(row[0], row[1]));
        }

        Usl usl = Usl.fit(points);

        assertThat(usl.sigma()).isCloseTo(0.0277285, within(0.0000010));
        assertThat(usl.kappa()).isCloseTo(0.0001044, within(0.0000001));
        assertThat(usl.gamma()).isCloseTo(89.9952330, within(0.001));
        // the R package's peak.scalability: sqrt((1 - alpha) / beta) = 96.5, floored
        assertThat(usl.peakConcurrency()).isEqualTo(96);
    }

    @Test
    void aStraightLineIsNeitherContentionNorCoherency() {
        List<Usl.Point> linear = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            linear.add(new Usl.Point(n, 10.0 * n));
        }

        Usl usl = Usl.fit(linear);

        assertThat(usl.sigma()).isCloseTo(0, within(1e-6));
        assertThat(usl.kappa()).isCloseTo(0, within(1e-9));
        assertThat(usl.gamma()).isCloseTo(10, within(1e-4));
    }

    @Test
    void fewerThanSixPointsAreRefused() {
        List<Usl.Point> five = List.of(
                new Usl.Point(1, 1),
                new Usl.Point(2, 2),
                new Usl.Point(3, 3),
                new Usl.Point(4, 4),
                new Usl.Point(5, 5));

        assertThatThrownBy(() -> Usl.fit(five)).hasMessageContaining("at least 6");
    }
}
