package dev.fanoutbench.results;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** Reads the HdrHistogram interval logs a run writes (values in nanoseconds). */
public final class HistogramLogs {

    private HistogramLogs() {}

    /** Every interval of the log, in order. @throws IllegalArgumentException naming the file if it is unreadable */
    public static List<Histogram> intervals(Path file) {
        List<Histogram> intervals = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                intervals.add((Histogram) h);
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("cannot read " + file + ": it does not exist", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + ": not an HdrHistogram log (" + e.getMessage() + ")", e);
        }
        return intervals;
    }

    /** All intervals of the logs added up. */
    public static Histogram total(List<Path> files) {
        Histogram total = new Histogram(3);
        for (Path file : files) {
            intervals(file).forEach(total::add);
        }
        return total;
    }

    /** The percentiles a summary keeps, in microseconds, from a histogram in nanoseconds. */
    public static RunSummary.Percentiles percentilesMicros(Histogram nanos) {
        return new RunSummary.Percentiles(
                nanos.getTotalCount(),
                micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(90)),
                micros(nanos.getValueAtPercentile(99)),
                micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    /** Rounded, as HdrHistogram's own tools print a value in a coarser unit. */
    public static long micros(long nanos) {
        return Math.round(nanos / 1_000.0);
    }
}
