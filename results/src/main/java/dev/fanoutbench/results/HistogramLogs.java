package dev.fanoutbench.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

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

    /**
     * Writes {@code intervals} as one log, in order, each with its own start, end and tag; the log's base time is the
     * earliest start. A write that fails (a full disk) is an error, not a short log.
     */
    public static void write(Path file, String comment, List<Histogram> intervals) {
        long base =
                intervals.stream().mapToLong(Histogram::getStartTimeStamp).min().orElse(0);
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment(comment);
            writer.outputLogFormatVersion();
            writer.setBaseTime(base);
            writer.outputStartTime(base);
            writer.outputBaseTime(base);
            writer.outputLegend();
            intervals.forEach(writer::outputIntervalHistogram);
            if (out.checkError()) {
                throw new IOException("write failed (disk full?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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
