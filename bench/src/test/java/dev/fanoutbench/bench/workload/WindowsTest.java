package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each window is one measured unit, judged apart from the others: steps give one per rate, a ramp
 * one per second (so a knee is found to the second), constant and closed phases one each.
 */
class WindowsTest {

    static Workload of(Duration warmup, Phase... phases) {
        RequestSpec request =
                new RequestSpec("GET", "/api/items/{id}", Map.of(), Map.of(), 0, Duration.ofSeconds(1), 200, 299, true);
        return new Workload("w", "", request, List.of(phases), warmup, Workload.DEFAULT_MODELS, 200, null, null, 0, 2);
    }

    @Test
    void stepsGiveOneWindowPerRateUpToAndIncludingTo() {
        List<Window> windows = of(
                        Duration.ZERO, new Phase.Steps(500, 2000, 500, Duration.ofSeconds(5), Arrivals.CONSTANT))
                .windows();

        assertThat(windows).extracting(Window::fromRate).containsExactly(500.0, 1000.0, 1500.0, 2000.0);
        assertThat(windows).extracting(Window::toRate).containsExactly(500.0, 1000.0, 1500.0, 2000.0);
        assertThat(windows).extracting(Window::index).containsExactly(0, 1, 2, 3);
        assertThat(windows).extracting(Window::duration).containsOnly(Duration.ofSeconds(5));
        assertThat(windows).extracting(Window::count).containsExactly(2500L, 5000L, 7500L, 10000L);
        assertThat(windows.get(2).label()).isEqualTo("steps 1500/s");
        assertThat(windows).allMatch(Window::open);
    }

    @Test
    void stepsThatDoNotLandOnToStopBelowIt() {
        List<Window> windows = of(
                        Duration.ZERO, new Phase.Steps(0.1, 0.35, 0.1, Duration.ofSeconds(1), Arrivals.CONSTANT))
                .windows();
        assertThat(windows).extracting(Window::fromRate).containsExactly(0.1, 0.2, 0.30000000000000004);
    }

    @Test
    void aRampGivesOneWindowPerSecondEachRampingOverItsOwnSecond() {
        List<Window> windows = of(Duration.ZERO, new Phase.Ramp(100, 1000, Duration.ofSeconds(3), Arrivals.CONSTANT))
                .windows();

        assertThat(windows).hasSize(3);
        assertThat(windows).extracting(Window::fromRate).containsExactly(100.0, 400.0, 700.0);
        assertThat(windows).extracting(Window::toRate).containsExactly(400.0, 700.0, 1000.0);
        assertThat(windows).extracting(Window::offeredPerSecond).containsExactly(250.0, 550.0, 850.0);
        assertThat(windows)
                .extracting(Window::label)
                .containsExactly("ramp 100-400/s", "ramp 400-700/s", "ramp 700-1000/s");
        assertThat(windows.stream().mapToLong(Window::count).sum()).isEqualTo(1650);
    }

    @Test
    void aRampThatIsNotWholeSecondsEndsWithAShorterWindow() {
        List<Window> windows = of(Duration.ZERO, new Phase.Ramp(1000, 100, Duration.ofMillis(2500), Arrivals.POISSON))
                .windows();

        assertThat(windows)
                .extracting(Window::duration)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThat(windows.get(2).fromRate()).isCloseTo(280, within(1e-9));
        assertThat(windows.get(2).toRate()).isCloseTo(100, within(1e-9));
        assertThat(windows).extracting(Window::arrivals).containsOnly(Arrivals.POISSON);
    }

    @Test
    void constantAndClosedPhasesAreOneWindowEachAndIndexesRunOnAcrossPhases() {
        List<Window> windows = of(
                        Duration.ZERO,
                        new Phase.Closed(10, 1000, null),
                        new Phase.Constant(500, Duration.ofSeconds(10), Arrivals.POISSON),
                        new Phase.Closed(20, 0, Duration.ofSeconds(3)))
                .windows();

        assertThat(windows)
                .containsExactly(
                        new Window(0, "closed 10", 0, 0, null, 10, 1000, null),
                        new Window(
                                1,
                                "constant 500/s poisson",
                                500,
                                500,
                                Duration.ofSeconds(10),
                                0,
                                5000,
                                Arrivals.POISSON),
                        new Window(2, "closed 20", 0, 0, Duration.ofSeconds(3), 20, 0, null));
        assertThat(windows.get(0).open()).isFalse();
        assertThat(windows.get(0).offeredPerSecond()).isNaN();
        assertThat(windows.get(1).offeredPerSecond()).isEqualTo(500);
    }

    @Test
    void theWarmUpRunsTheFirstPhasesFirstRateUnrecorded() {
        Window warmup = of(Duration.ofSeconds(5), new Phase.Ramp(100, 1000, Duration.ofSeconds(3), Arrivals.CONSTANT))
                .warmupWindow()
                .orElseThrow();
        assertThat(warmup)
                .isEqualTo(new Window(-1, "warm-up 100/s", 100, 100, Duration.ofSeconds(5), 0, 500, Arrivals.CONSTANT));

        Window closed = of(Duration.ofSeconds(2), new Phase.Closed(50, 100, null))
                .warmupWindow()
                .orElseThrow();
        assertThat(closed).isEqualTo(new Window(-1, "warm-up closed 50", 0, 0, Duration.ofSeconds(2), 50, 0, null));

        Window steps = of(
                        Duration.ofSeconds(1), new Phase.Steps(500, 4000, 500, Duration.ofSeconds(5), Arrivals.POISSON))
                .warmupWindow()
                .orElseThrow();
        assertThat(steps.fromRate()).isEqualTo(500);
        assertThat(steps.arrivals()).isEqualTo(Arrivals.POISSON);
    }
}
