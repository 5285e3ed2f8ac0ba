package dev.fanoutbench.bench.trial;

import dev.fanoutbench.results.HistogramLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** Reads and writes the logs {@link WindowLog} keeps: one interval per measured window, tagged {@code window-N}. */
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
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("each measured window's response time, nanoseconds, tagged window-N");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            windows.forEach((window, h) -> {
                Histogram tagged = h.copy();
                tagged.setTag("window-" + window);
                tagged.setStartTimeStamp(h.getStartTimeStamp());
                tagged.setEndTimeStamp(h.getEndTimeStamp());
                writer.outputIntervalHistogram(tagged);
            });
            if (out.checkError()) {
                throw new IOException("write failed (disk full?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
