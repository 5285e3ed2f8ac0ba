package dev.fanoutbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.bench.run.RunSummary;
import dev.fanoutbench.bench.run.SummaryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** A finished run folder, read: its summary, its environment and, on demand, its histograms. */
public record RunFolderReader(Path folder, RunSummary summary, Map<String, Object> environment) {

    /** One measured interval of a histogram log: its start (seconds into the run) and its histogram. */
    public record Interval(double startSeconds, Histogram histogram) {}

    /** @throws BadInputException naming the folder and what is wrong with it */
    @SuppressWarnings("unchecked")
    public static RunFolderReader open(Path folder) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new BadInputException("no run folder at " + folder);
        }
        Path summaryFile = real.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw new BadInputException(real + " is not a finished run: it has no summary.json");
        }
        RunSummary summary;
        try {
            summary = SummaryBuilder.read(summaryFile);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + summaryFile + ": " + firstLine(e.getMessage()));
        }
        Map<String, Object> environment = Map.of();
        Path envFile = real.resolve("environment.json");
        if (Files.isRegularFile(envFile)) {
            try {
                environment = new ObjectMapper().readValue(envFile.toFile(), Map.class);
            } catch (IOException e) {
                throw new BadInputException("cannot read " + envFile + ": " + firstLine(e.getMessage()));
            }
        }
        return new RunFolderReader(real, summary, environment);
    }

    public String id() {
        return folder.getFileName().toString();
    }

    /** The intervals of one trial's histogram log ("response", "service" or "dispatch"); empty if it is missing. */
    public List<Interval> intervals(RunSummary.Trial trial, String series) {
        String file = trial.files().get(series + ".hlog");
        List<Interval> intervals = new ArrayList<>();
        if (file == null || !Files.isRegularFile(folder.resolve(file))) {
            return intervals;
        }
        try (HistogramLogReader reader = new HistogramLogReader(folder.resolve(file).toFile())) {
            double first = Double.NaN;
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                double start = h.getStartTimeStamp() / 1000.0;
                if (Double.isNaN(first)) {
                    first = start;
                }
                intervals.add(new Interval(start - first, (Histogram) h));
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read " + folder.resolve(file) + ": " + firstLine(e.getMessage()));
        }
        return intervals;
    }

    /** All intervals of a series added up. */
    public Histogram total(RunSummary.Trial trial, String series) {
        Histogram total = new Histogram(3);
        intervals(trial, series).forEach(i -> total.add(i.histogram()));
        return total;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
