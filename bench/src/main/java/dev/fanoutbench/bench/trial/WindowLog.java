package dev.fanoutbench.bench.trial;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Each measured window's response times as one interval of an HdrHistogram log (tagged {@code window-N}): the
 * recording intervals cut a window at a fixed period, so they cannot give back a window's own histogram, which is
 * what the windows of several load generators are added from.
 */
final class WindowLog implements AutoCloseable {

    private final Path runDir;
    private final String file;
    private final PrintStream out;
    private final HistogramLogWriter writer;

    /** @param file relative to {@code runDir} */
    WindowLog(Path runDir, String file, long startMillis) {
        this.runDir = runDir;
        this.file = file;
        try {
            Files.createDirectories(runDir.resolve(file).getParent());
            out = new PrintStream(Files.newOutputStream(runDir.resolve(file)), false, "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(file), e);
        }
        writer = new HistogramLogWriter(out);
        writer.outputComment("each measured window's response time, nanoseconds, tagged window-N");
        writer.outputLogFormatVersion();
        writer.setBaseTime(startMillis);
        writer.outputStartTime(startMillis);
        writer.outputBaseTime(startMillis);
        writer.outputLegend();
    }

    /** @param window from 1, as the iterations count */
    void write(Histogram response, int window) {
        Histogram tagged = response.copy();
        tagged.setTag("window-" + window);
        tagged.setStartTimeStamp(response.getStartTimeStamp());
        tagged.setEndTimeStamp(response.getEndTimeStamp());
        writer.outputIntervalHistogram(tagged);
        check();
    }

    String file() {
        return file;
    }

    private void check() {
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write " + runDir.resolve(file) + " (disk full?)"));
        }
    }

    @Override
    public void close() {
        out.flush();
        check();
        out.close();
    }
}
