package dev.fanoutbench.bench.trial;

import dev.fanoutbench.results.HistogramLogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Each measured window's response times as one interval of an HdrHistogram log, tagged {@code window-N}: the
 * recording intervals cut a window at a fixed period, so they cannot give back a window's own histogram, which is
 * what the windows of several load generators are added from.
 */
public final class WindowLogs {

    private WindowLogs() {}

    /** The windows' histograms by window number (from 1). */
    public static Map<Integer, Histogram> read(Path file) {
        Map<Integer, Histogram> windows = new TreeMap<>();
        for (Histogram h : HistogramLogs.intervals(file)) {
            String tag = h.getTag();
            if (tag == null || !tag.matches("window-\\d+")) {
                throw new IllegalArgumentException(file + " has an interval tagged '" + tag + "', not window-N");
            }
            windows.merge(Integer.parseInt(tag.substring("window-".length())), h, (a, b) -> {
                a.add(b);
                return a;
            });
        }
        return windows;
    }

    /** Writes the windows' histograms, each tagged with its number. */
    public static void write(Map<Integer, Histogram> windows, Path file) {
        List<Histogram> tagged = new ArrayList<>();
        windows.forEach((window, h) -> {
            Histogram copy = h.copy();
            copy.setTag("window-" + window);
            copy.setStartTimeStamp(h.getStartTimeStamp());
            copy.setEndTimeStamp(h.getEndTimeStamp());
            tagged.add(copy);
        });
        HistogramLogs.write(file, "each measured window's response time, nanoseconds, tagged window-N", tagged);
    }
}
