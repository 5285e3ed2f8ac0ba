package dev.fanoutbench.reports;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The data of one section's charts, as the page's script reads it: each series' full latency
 * distribution on HdrHistogram's "1/(1-percentile)" axis, and each trial's recording intervals on
 * one time axis. Every line carries a headline, which its legend shows while the cursor is away.
 */
final class ChartData {

    /** Charts per section: the spectrum, latency, throughput and in-flight over time. */
    static final int CHARTS_PER_SECTION = 4;
    /** HdrHistogram's percentile iteration, five steps per halving of what remains, down to 1 in a million. */
    static final int TICKS_PER_HALF = 5;

    static final int HALVINGS = 20;

    private ChartData() {}

    static Map<String, Object> of(List<ShownTrial> trials) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("spectrum", spectrum(trials));
        charts.put("overTime", overTime(trials));
        Map<String, Object> knee = knee(trials);
        if (knee != null) {
            charts.put("knee", knee);
        }
        return charts;
    }

    /**
     * A workload's open windows against their offered rate: each model's p50 and p99 (ms) and the
     * rate it carried (requests / s), so the knee is where its lines bend; null without open windows.
     */
    private static Map<String, Object> knee(List<ShownTrial> trials) {
        Map<ShownTrial, List<Knee.Window>> byTrial = new LinkedHashMap<>();
        TreeSet<Double> offered = new TreeSet<>();
        Double slo = null;
        for (ShownTrial t : trials) {
            if (t.trial().load() == null) {
                continue;
            }
            List<Knee.Window> open = Knee.windows(t.trial()).stream()
                    .filter(w -> w.window().offeredPerSecond() > 0)
                    .toList();
            open.forEach(w -> offered.add(w.window().offeredPerSecond()));
            byTrial.put(t, open);
            if (t.trial().load().slo() != null) {
                slo = t.trial().load().slo().p99Millis();
            }
        }
        if (offered.isEmpty()) {
            return null;
        }
        List<Double> x = new ArrayList<>(offered);
        List<Map<String, Object>> lines = new ArrayList<>();
        byTrial.forEach((t, windows) -> {
            Map<Double, Knee.Window> at = new HashMap<>();
            windows.forEach(w -> at.put(w.window().offeredPerSecond(), w));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", t.name());
            line.put("p50", column(x, at, w -> Math.max(0.001, w.p50Millis())));
            line.put("p99", column(x, at, w -> Math.max(0.001, w.p99Millis())));
            line.put("carried", column(x, at, Knee.Window::achievedPerSecond));
            lines.add(line);
        });
        Map<String, Object> knee = new LinkedHashMap<>();
        knee.put("x", x);
        knee.put("lines", lines);
        knee.put("sloP99", slo);
        return knee;
    }

    /** The percentile levels every line shares: 0, 12.9, 24.2 ... 50, 56.5 ... 99.9999. */
    static List<Double> levels() {
        List<Double> levels = new ArrayList<>();
        for (int k = 0; k <= TICKS_PER_HALF * HALVINGS; k++) {
            levels.add(100 - 100 * Math.pow(0.5, (double) k / TICKS_PER_HALF));
        }
        return levels;
    }

    private static Map<String, Object> spectrum(List<ShownTrial> trials) {
        List<Double> levels = levels();
        List<Double> xs = levels.stream().map(p -> 1 / (1 - p / 100)).toList();
        Map<String, Object> spectrum = new LinkedHashMap<>();
        for (Series series : Series.values()) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (ShownTrial t : trials) {
                Histogram h = t.run().run().total(t.trial(), series);
                List<Double> ys = new ArrayList<>();
                boolean reachedMax = false;
                for (double p : levels) {
                    // beyond the last level its count can resolve, a histogram only repeats its maximum
                    if (h.getTotalCount() == 0 || reachedMax) {
                        ys.add(null);
                        continue;
                    }
                    reachedMax = p >= 100.0 * (1 - 1.0 / h.getTotalCount());
                    ys.add(Math.max(0.001, h.getValueAtPercentile(p) / 1e6));
                }
                lines.add(Map.of(
                        "label",
                        t.name(),
                        "y",
                        ys,
                        "headline",
                        h.getTotalCount() == 0 ? "no requests" : "p99 " + ms(h.getValueAtPercentile(99) / 1e6)));
            }
            spectrum.put(series.id(), Map.of("x", xs, "lines", lines));
        }
        return spectrum;
    }

    /**
     * Each trial's recording intervals on one time axis (seconds into its measured part, forks one
     * after another), so every series of a chart shares the x values; a trial without a value at
     * some x gets null there.
     */
    private static Map<String, Object> overTime(List<ShownTrial> trials) {
        TreeSet<Double> axis = new TreeSet<>();
        List<Map<Double, RunSummary.Interval>> perTrial = new ArrayList<>();
        for (ShownTrial t : trials) {
            Map<Double, RunSummary.Interval> byEnd = new TreeMap<>();
            double offset = 0;
            double forkEnd = 0;
            int fork = -1;
            double first = 0;
            for (RunSummary.Interval interval : t.trial().timeline()) {
                if (interval.fork() != fork) {
                    offset = forkEnd;
                    fork = interval.fork();
                    first = interval.startSeconds();
                }
                double end = Math.round((offset + interval.startSeconds() - first + interval.durationSeconds()) * 100)
                        / 100.0;
                byEnd.put(end, interval);
                forkEnd = end;
            }
            axis.addAll(byEnd.keySet());
            perTrial.add(byEnd);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<Double, RunSummary.Interval> byEnd = perTrial.get(i);
            List<RunSummary.Interval> intervals = new ArrayList<>(byEnd.values());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", trials.get(i).name());
            // an interval in which nothing completed has no latency, not a latency of zero
            line.put(
                    "p50",
                    column(axis, byEnd, iv -> iv.completed() == 0 ? null : Math.max(0.001, iv.p50Micros() / 1000.0)));
            line.put(
                    "p99",
                    column(axis, byEnd, iv -> iv.completed() == 0 ? null : Math.max(0.001, iv.p99Micros() / 1000.0)));
            line.put(
                    "max",
                    column(axis, byEnd, iv -> iv.completed() == 0 ? null : Math.max(0.001, iv.maxMicros() / 1000.0)));
            line.put("throughput", column(axis, byEnd, RunSummary.Interval::throughputPerSecond));
            line.put("clientInFlight", column(axis, byEnd, iv -> (double) iv.clientInFlight()));
            line.put(
                    "serverInFlight",
                    column(
                            axis,
                            byEnd,
                            iv -> iv.serverInFlight() == null
                                    ? null
                                    : iv.serverInFlight().doubleValue()));
            line.put("headlines", headlines(intervals));
            lines.add(line);
        }
        return Map.of("x", new ArrayList<>(axis), "lines", lines);
    }

    /** What each time chart's legend says of a trial while the cursor is away. */
    private static Map<String, String> headlines(List<RunSummary.Interval> intervals) {
        long worstP99 = intervals.stream()
                .mapToLong(RunSummary.Interval::p99Micros)
                .max()
                .orElse(0);
        long worstMax = intervals.stream()
                .mapToLong(RunSummary.Interval::maxMicros)
                .max()
                .orElse(0);
        double seconds = intervals.stream()
                .mapToDouble(RunSummary.Interval::durationSeconds)
                .sum();
        long completed =
                intervals.stream().mapToLong(RunSummary.Interval::completed).sum();
        long peakClient = intervals.stream()
                .mapToLong(RunSummary.Interval::clientInFlight)
                .max()
                .orElse(0);
        int peakServer = intervals.stream()
                .filter(iv -> iv.serverInFlight() != null)
                .mapToInt(RunSummary.Interval::serverInFlight)
                .max()
                .orElse(0);
        Map<String, String> headlines = new LinkedHashMap<>();
        headlines.put("p99", "worst " + ms(worstP99 / 1000.0));
        long[] p50s = intervals.stream()
                .mapToLong(RunSummary.Interval::p50Micros)
                .sorted()
                .toArray();
        headlines.put("p50", p50s.length == 0 ? "-" : "median " + ms(p50s[p50s.length / 2] / 1000.0));
        headlines.put("max", "worst " + ms(worstMax / 1000.0));
        headlines.put("throughput", String.format(Locale.ROOT, "mean %,.0f/s", seconds <= 0 ? 0 : completed / seconds));
        headlines.put("clientInFlight", String.format(Locale.ROOT, "peak %,d", peakClient));
        headlines.put("serverInFlight", String.format(Locale.ROOT, "peak %,d", peakServer));
        return headlines;
    }

    /** One value per point of the axis, null where the line has nothing there. */
    private static <T> List<Double> column(Collection<Double> axis, Map<Double, T> at, Function<T, Double> value) {
        List<Double> column = new ArrayList<>();
        for (Double x : axis) {
            T point = at.get(x);
            column.add(point == null ? null : value.apply(point));
        }
        return column;
    }

    private static String ms(double millis) {
        return Format.duration(millis);
    }
}
