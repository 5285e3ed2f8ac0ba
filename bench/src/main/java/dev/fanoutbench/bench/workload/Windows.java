package dev.fanoutbench.bench.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phases compiled into windows: one per step of {@code steps}, one per whole second of a
 * {@code ramp} (each ramping over its own second, the last possibly shorter, so that a knee is
 * located to the second), one per {@code constant} or {@code closed} phase.
 */
final class Windows {

    private static final long SECOND = 1_000_000_000L;

    private Windows() {}

    static List<Window> of(List<Phase> phases) {
        List<Window> windows = new ArrayList<>();
        for (Phase phase : phases) {
            switch (phase) {
                case Phase.Closed c -> windows.add(closed(windows.size(), "closed " + c.concurrency(), c));
                case Phase.Constant c ->
                    windows.add(open(windows.size(), "constant", c.rate(), c.rate(), c.duration(), c.arrivals()));
                case Phase.Steps s -> {
                    for (double rate : s.rates()) {
                        windows.add(open(windows.size(), "steps", rate, rate, s.stepDuration(), s.arrivals()));
                    }
                }
                case Phase.Ramp r -> {
                    long total = r.duration().toNanos();
                    for (long start = 0; start < total; start += SECOND) {
                        long end = Math.min(start + SECOND, total);
                        windows.add(open(
                                windows.size(),
                                "ramp",
                                rateAt(r, start),
                                rateAt(r, end),
                                Duration.ofNanos(end - start),
                                r.arrivals()));
                    }
                }
            }
        }
        return List.copyOf(windows);
    }

    static Optional<Window> warmup(Phase first, Duration warmup) {
        if (warmup.isZero() || warmup.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (first) {
                    case Phase.Closed c ->
                        closed(-1, "warm-up closed " + c.concurrency(), new Phase.Closed(c.concurrency(), 0, warmup));
                    case Phase.Constant c -> open(-1, "warm-up", c.rate(), c.rate(), warmup, c.arrivals());
                    case Phase.Ramp r -> open(-1, "warm-up", r.from(), r.from(), warmup, r.arrivals());
                    case Phase.Steps s -> open(-1, "warm-up", s.from(), s.from(), warmup, s.arrivals());
                });
    }

    private static Window closed(int index, String label, Phase.Closed c) {
        return new Window(index, label, 0, 0, c.duration(), c.concurrency(), c.count(), null);
    }

    private static Window open(int index, String kind, double from, double to, Duration duration, Arrivals arrivals) {
        String rates = from == to ? Window.rate(from) : Window.rate(from) + "-" + Window.rate(to);
        String label = kind + " " + rates + "/s" + (arrivals == Arrivals.POISSON ? " poisson" : "");
        long expected = Math.round((from + to) / 2 * duration.toNanos() / 1e9);
        return new Window(index, label, from, to, duration, 0, expected, arrivals);
    }

    private static double rateAt(Phase.Ramp r, long nanos) {
        return r.from() + (r.to() - r.from()) * ((double) nanos / r.duration().toNanos());
    }
}
