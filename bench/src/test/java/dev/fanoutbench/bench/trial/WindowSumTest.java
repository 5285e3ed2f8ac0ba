package dev.fanoutbench.bench.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.results.RunSummary;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Two generators' windows are one window: counts added, percentiles from the histograms added, never averaged. */
class WindowSumTest {

    static RunSummary.Iteration window(double millis, long sent, long completed, long failed) {
        return new RunSummary.Iteration(1, 3, millis, sent, completed, failed, 0, 0, 0, 0, 0, null, 0);
    }

    static Histogram millis(long value, int count) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(value * 1_000_000, count);
        return h;
    }

    @Test
    void percentilesComeFromTheAddedHistogramsNotFromAveragingThePercentiles() {
        // 99 fast answers from one generator and 99 + 3 slow ones from the other: averaging each one's p99 (10 ms and
        // 500 ms) would say 255 ms, and the added window's p99 is 500 ms
        Histogram fast = millis(10, 99);
        Histogram slow = millis(10, 96);
        slow.add(millis(500, 6));
        Histogram added = new Histogram(3);
        added.add(fast);
        added.add(slow);

        RunSummary.Iteration one = WindowSum.of(3, List.of(window(4000, 99, 99, 0), window(4100, 102, 102, 6)), added);

        assertThat(one.sent()).isEqualTo(201);
        assertThat(one.completed()).isEqualTo(201);
        assertThat(one.failed()).isEqualTo(6);
        assertThat(one.durationMillis()).isEqualTo(4100);
        assertThat(one.p99Micros()).isBetween(499_000L, 501_000L);
        assertThat(one.p50Micros()).isBetween(9_990L, 10_010L);
    }

    @Test
    void aReportReadBackIsTheWindowAndItsHistogram() {
        Histogram response = millis(42, 7);
        WindowSum.Reported back = WindowSum.read(WindowSum.report(window(2000, 8, 7, 1), response));

        assertThat(back.window().index()).isEqualTo(3);
        assertThat(back.window().sent()).isEqualTo(8);
        assertThat(back.window().failed()).isEqualTo(1);
        assertThat(back.response()).isEqualTo(response);
        assertThatThrownBy(() -> WindowSum.read("3 not a report"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a window report");
    }
}
