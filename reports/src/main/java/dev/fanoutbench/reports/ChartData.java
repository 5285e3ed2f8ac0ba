package dev.fanoutbench.reports;

import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The data of one section's charts, as the page's script reads it: the latency spectrum of each
 * series (HdrHistogram's "1/(1-percentile)" axis) and each trial's recording intervals on one
 * time axis.
 */
final class ChartData {

    /** The percentiles on the spectrum's x axis, as HdrHistogram's plots draw them: x = 1 / (1 - p). */
    static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999};
    /** Charts per section: the spectrum, latency, throughput and in-flight over time. */
    static final int CHARTS_PER_SECTION = 4;

    private ChartData() {}

    static Map<String, Object> of(List<ShownTrial> trials) {
        Map<String, Object> spectrum = new LinkedHashMap<>();
        List<Double> xs = new ArrayList<>();
        for (double p : PERCENTILES) {
            xs.add(1 / (1 - p / 100));
        }
        for (Series series : Series.values()) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (ShownTrial t : trials) {
                Histogram h = t.run().run().total(t.trial(), series);
                List<Double> ys = new ArrayList<>();
                for (double p : PERCENTILES) {
                    ys.add(h.getTotalCount() == 0 ? null : Math.max(0.001, h.getValueAtPercentile(p) / 1e6));
                }
                lines.add(Map.of("label", t.name(), "y", ys));
            }
            spectrum.put(series.id(), Map.of("x", xs, "lines", lines));
        }
        return Map.of("spectrum", spectrum, "overTime", overTime(trials));
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
                double end = Math.round((offset + interval.startSeconds() - first + interval.durationSeconds()) * 100) / 100.0;
                byEnd.put(end, interval);
                forkEnd = end;
            }
            axis.addAll(byEnd.keySet());
            perTrial.add(byEnd);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<Double, RunSummary.Interval> byEnd = perTrial.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", trials.get(i).name());
            line.put("p50", column(axis, byEnd, iv -> Math.max(0.001, iv.p50Micros() / 1000.0)));
            line.put("p99", column(axis, byEnd, iv -> Math.max(0.001, iv.p99Micros() / 1000.0)));
            line.put("max", column(axis, byEnd, iv -> Math.max(0.001, iv.maxMicros() / 1000.0)));
            line.put("throughput", column(axis, byEnd, RunSummary.Interval::throughputPerSecond));
            line.put("clientInFlight", column(axis, byEnd, iv -> (double) iv.clientInFlight()));
            line.put("serverInFlight", column(axis, byEnd, iv -> iv.serverInFlight() == null ? null : iv.serverInFlight().doubleValue()));
            lines.add(line);
        }
        return Map.of("x", new ArrayList<>(axis), "lines", lines);
    }

    private static List<Double> column(Set<Double> axis, Map<Double, RunSummary.Interval> byEnd,
                                       Function<RunSummary.Interval, Double> value) {
        List<Double> column = new ArrayList<>();
        for (Double x : axis) {
            RunSummary.Interval interval = byEnd.get(x);
            column.add(interval == null ? null : value.apply(interval));
        }
        return column;
    }
}
