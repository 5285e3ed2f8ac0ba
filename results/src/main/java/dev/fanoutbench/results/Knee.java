package dev.fanoutbench.results;

import dev.fanoutbench.results.RunSummary.LoadWindow;
import dev.fanoutbench.results.RunSummary.Slo;
import dev.fanoutbench.results.RunSummary.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The highest offered rate a model sustained under a workload's SLO: every open window up to it
 * delivered at least {@value #ACHIEVED_SHARE} of its offered rate in successes, with its p99 and
 * its failed share within the SLO. Windows are taken in order of offered rate, so the knee is the
 * last one met before the first breach: a model that breaks at step 3 has its knee at step 2,
 * whatever a later step happens to do.
 *
 * @param sustainedPerSecond the knee's offered rate, null if the first window already breached
 * @param breach             the first breached window, null if none did
 */
public record Knee(Double sustainedPerSecond, Window breach, List<Window> windows) {

    public static final double ACHIEVED_SHARE = 0.98;

    /**
     * One window as measured, merged over forks.
     *
     * @param achievedPerSecond successes per second of the window; when the client could not send
     *                          on schedule, per second of its actual send phase (so a pool that
     *                          falls behind shows the rate it really carried)
     * @param failed            requests that did not succeed, {@code dropped} included
     * @param dropped           requests due while the client held its cap in flight, never sent
     * @param problem           why it missed the SLO, null if it met it (or was not judged yet)
     */
    public record Window(
            LoadWindow window,
            long sent,
            long failed,
            long dropped,
            double achievedPerSecond,
            double p50Millis,
            double p99Millis,
            String problem) {

        /** This window judged against {@code slo}: {@link #met()} then says whether it met it. */
        public Window judged(Slo slo) {
            return new Window(window, sent, failed, dropped, achievedPerSecond, p50Millis, p99Millis, problem(slo));
        }

        private String problem(Slo slo) {
            List<String> problems = new ArrayList<>();
            if (window.offeredPerSecond() > 0 && achievedPerSecond < ACHIEVED_SHARE * window.offeredPerSecond()) {
                problems.add(String.format(
                        Locale.ROOT, "carried %,.0f of %,.0f/s", achievedPerSecond, window.offeredPerSecond()));
            }
            if (p99Millis > slo.p99Millis()) {
                problems.add(String.format(Locale.ROOT, "p99 %,.0f ms > %,.0f ms", p99Millis, slo.p99Millis()));
            }
            if (errorRatio() > slo.errorRatio()) {
                problems.add(String.format(
                                Locale.ROOT, "%.2f%% failed > %.2f%%", 100 * errorRatio(), 100 * slo.errorRatio())
                        + (dropped > 0
                                ? String.format(
                                        Locale.ROOT, " (%,d dropped: the client held its cap in flight)", dropped)
                                : ""));
            }
            return problems.isEmpty() ? null : String.join(", ", problems);
        }

        public boolean met() {
            return problem == null;
        }

        public double errorRatio() {
            return sent == 0 ? 0 : (double) failed / sent;
        }
    }

    /**
     * The highest offered rate of any window that met the SLO, even after the first breach: above
     * the knee, it tells a stall (the model recovers at higher rates) from a ceiling.
     */
    public Double highestMet() {
        return windows.stream()
                .filter(w -> w.met() && w.window().offeredPerSecond() > 0)
                .map(w -> w.window().offeredPerSecond())
                .max(Double::compare)
                .orElse(null);
    }

    /** The knee of a workload trial, or null when the trial has no load or no SLO. */
    public static Knee of(Trial trial) {
        if (trial.load() == null || trial.load().slo() == null) {
            return null;
        }
        return find(windows(trial), trial.load().slo());
    }

    /** Every window of a workload trial as measured, not yet judged (forks merged: counts added, the worst p99). */
    public static List<Window> windows(Trial trial) {
        List<LoadWindow> planned = trial.load().windows();
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            int index = i + 1;
            List<RunSummary.Iteration> runs = trial.iterations().stream()
                    .filter(it -> it.index() == index)
                    .toList();
            if (!runs.isEmpty()) {
                windows.add(measured(planned.get(i), runs));
            }
        }
        return windows;
    }

    /** One window as measured by every fork that ran it, not yet judged: counts added, the worst p50 and p99. */
    public static Window measured(LoadWindow window, List<RunSummary.Iteration> runs) {
        long sent = runs.stream().mapToLong(RunSummary.Iteration::sent).sum();
        long failed = runs.stream().mapToLong(RunSummary.Iteration::failed).sum();
        long dropped = runs.stream().mapToLong(RunSummary.Iteration::dropped).sum();
        long p50 =
                runs.stream().mapToLong(RunSummary.Iteration::p50Micros).max().orElse(0);
        long p99 =
                runs.stream().mapToLong(RunSummary.Iteration::p99Micros).max().orElse(0);
        double seconds =
                runs.stream().mapToDouble(it -> achievedSeconds(window, it)).sum();
        double achieved = seconds <= 0 ? 0 : (sent - failed) / seconds;
        return new Window(window, sent, failed, dropped, achieved, p50 / 1000.0, p99 / 1000.0, null);
    }

    /** The planned windows a trial did not run because it had broken: after its last measured one. */
    public static List<LoadWindow> notRun(Trial trial) {
        if (trial.load() == null) {
            return List.of();
        }
        int ran = trial.iterations().stream()
                .mapToInt(RunSummary.Iteration::index)
                .max()
                .orElse(0);
        List<LoadWindow> planned = trial.load().windows();
        return planned.subList(Math.min(ran, planned.size()), planned.size());
    }

    /** The window's length as scheduled, or as long as the client took to send it if that was longer. */
    private static double achievedSeconds(LoadWindow window, RunSummary.Iteration iteration) {
        if (window.offeredPerSecond() <= 0) {
            return iteration.durationMillis() / 1000;
        }
        // n requests sent on schedule span (n - 1) gaps: scale the send phase to n gaps
        double sendPhase = iteration.sent() <= 1
                ? 0
                : iteration.dispatchSpreadMicros() / 1e6 * iteration.sent() / (iteration.sent() - 1);
        return Math.max(window.seconds(), sendPhase);
    }

    /** The knee over measured windows: open windows by offered rate, the last met before the first breach. */
    public static Knee find(List<Window> measured, Slo slo) {
        List<Window> windows = measured.stream().map(w -> w.judged(slo)).toList();
        List<Window> open = windows.stream()
                .filter(w -> w.window().offeredPerSecond() > 0)
                .sorted(Comparator.comparingDouble(w -> w.window().offeredPerSecond()))
                .toList();
        Double sustained = null;
        Window breach = null;
        for (Window window : open) {
            if (!window.met()) {
                breach = window;
                break;
            }
            sustained = window.window().offeredPerSecond();
        }
        return new Knee(sustained, breach, windows);
    }
}
