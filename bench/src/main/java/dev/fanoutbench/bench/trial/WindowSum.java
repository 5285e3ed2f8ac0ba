package dev.fanoutbench.bench.trial;

import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.RunSummary;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One window sent by several generators, as one window: counts summed, the longest duration, the percentiles from
 * the generators' histograms added (never averaged). Also a generator's window as the text it reports to generator
 * 0 at the next barrier, so that the trial is judged on its merged windows, as its knee is.
 */
public final class WindowSum {

    private WindowSum() {}

    /** The window {@code index} (from 1) of all the generators: their windows, and their histograms added. */
    public static RunSummary.Iteration of(int index, List<RunSummary.Iteration> windows, Histogram response) {
        double millis = 0;
        long sent = 0;
        long completed = 0;
        long failed = 0;
        long dropped = 0;
        long dispatchSpread = 0;
        for (RunSummary.Iteration it : windows) {
            millis = Math.max(millis, it.durationMillis());
            sent += it.sent();
            completed += it.completed();
            failed += it.failed();
            dropped += it.dropped();
            dispatchSpread = Math.max(dispatchSpread, it.dispatchSpreadMicros());
        }
        return new RunSummary.Iteration(
                1,
                index,
                millis,
                sent,
                completed,
                failed,
                dropped,
                HistogramLogs.micros(response.getValueAtPercentile(50)),
                HistogramLogs.micros(response.getValueAtPercentile(99)),
                millis <= 0 ? 0 : completed / (millis / 1000),
                dispatchSpread,
                null,
                Math.round(response.getMean() / 1000));
    }

    /** A generator's window and its response histogram, as one line of text. */
    public static String report(RunSummary.Iteration window, Histogram response) {
        ByteBuffer buffer = ByteBuffer.allocate(response.getNeededByteBufferCapacity());
        int length = response.encodeIntoCompressedByteBuffer(buffer);
        return String.format(
                Locale.ROOT,
                "%d %f %d %d %d %d %d %s",
                window.index(),
                window.durationMillis(),
                window.sent(),
                window.completed(),
                window.failed(),
                window.dropped(),
                window.dispatchSpreadMicros(),
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
    }

    /** A report read back: the window (its percentiles left to the sum) and its histogram. */
    public record Reported(RunSummary.Iteration window, Histogram response) {}

    /** @throws IllegalArgumentException for text that is not a report */
    public static Reported read(String report) {
        String[] f = report.strip().split(" ");
        if (f.length != 8) {
            throw new IllegalArgumentException("not a window report: '" + report + "'");
        }
        try {
            Histogram response = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(f[7])), 0);
            return new Reported(
                    new RunSummary.Iteration(
                            1,
                            Integer.parseInt(f[0]),
                            Double.parseDouble(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]),
                            0,
                            0,
                            0,
                            Long.parseLong(f[6]),
                            null,
                            0),
                    response);
        } catch (RuntimeException | java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not a window report: " + e.getMessage(), e);
        }
    }
}
