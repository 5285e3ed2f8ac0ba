package dev.fanoutbench.bench.trial;

import dev.fanoutbench.bench.model.LatencyRecorder;
import dev.fanoutbench.results.Series;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One HdrHistogram interval log per series, in HdrHistogram's own conventions: values in
 * nanoseconds and {@code Interval_Max} in milliseconds, so {@code HistogramLogProcessor} and
 * HistogramLogAnalyzer read them with their default options. A write that fails (a full disk)
 * is an error at once, not a log that silently stops.
 */
final class SeriesLogs implements AutoCloseable {

    /** HdrHistogram's default: values are nanoseconds, and a log's Interval_Max is in milliseconds. */
    static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Map<Series, PrintStream> streams = new EnumMap<>(Series.class);
    private final Map<Series, HistogramLogWriter> writers = new EnumMap<>(Series.class);
    private final Map<Series, String> files = new EnumMap<>(Series.class);

    /** @param prefix the files' path relative to {@code runDir}, without the series and extension */
    SeriesLogs(Path runDir, String prefix, String title, long startMillis) {
        for (Series series : Series.values()) {
            String file = prefix + "." + series.id() + ".hlog";
            try {
                Files.createDirectories(runDir.resolve(file).getParent());
                PrintStream out = new PrintStream(Files.newOutputStream(runDir.resolve(file)), false, "UTF-8");
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment(title + ": " + series.id() + " time, nanoseconds");
                writer.outputLogFormatVersion();
                writer.setBaseTime(startMillis);
                writer.outputStartTime(startMillis);
                writer.outputBaseTime(startMillis);
                writer.outputLegend();
                streams.put(series, out);
                writers.put(series, writer);
                files.put(series, file);
                check(series);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + runDir.resolve(file), e);
            }
        }
    }

    /** Appends one interval to every series; each histogram carries its own start and end time. */
    void write(LatencyRecorder.Snapshot interval) {
        for (Series series : Series.values()) {
            writers.get(series).outputIntervalHistogram(interval.of(series));
            check(series);
        }
    }

    Map<Series, String> files() {
        return files;
    }

    private void check(Series series) {
        if (streams.get(series).checkError()) {
            throw new UncheckedIOException(new IOException("cannot write " + files.get(series) + " (disk full?)"));
        }
    }

    @Override
    public void close() {
        for (Series series : Series.values()) {
            PrintStream out = streams.get(series);
            out.flush();
            check(series);
            out.close();
        }
    }
}
