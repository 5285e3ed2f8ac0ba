package dev.fanoutbench.reports;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.Environments;
import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import dev.fanoutbench.results.Summaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** A finished run folder, read: its summary, its environment and, on demand, its histograms. */
public record RunFolderReader(Path folder, RunSummary summary, Environment environment) {

    /** Relative, no scheme, no parent steps: "histograms/FanOutBenchmark.fanOut-vertx.fork-1.response.hlog". */
    private static final Pattern SAFE_FILE = Pattern.compile("(?!/)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/-]+");

    /** @throws BadInputException naming the folder and what is wrong with it */
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
            summary = Summaries.read(summaryFile);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + summaryFile + ": " + firstLine(e.getMessage()));
        }
        checkFiles(real, summary);
        Path environmentFile = real.resolve("environment.json");
        if (!Files.isRegularFile(environmentFile)) {
            throw new BadInputException(real + " is not a finished run: it has no environment.json");
        }
        try {
            return new RunFolderReader(real, summary, Environments.read(environmentFile));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + environmentFile + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * A summary names files the report reads and links to: each must be a plain relative path inside
     * the run folder, so a crafted summary can neither make the report read a file elsewhere nor put
     * a {@code javascript:} link in it.
     */
    private static void checkFiles(Path folder, RunSummary summary) {
        for (RunSummary.Trial trial : summary.trials()) {
            for (String file : trial.files().values()) {
                if (!SAFE_FILE.matcher(file).matches()
                        || !folder.resolve(file).normalize().startsWith(folder)) {
                    throw new BadInputException(folder.resolve("summary.json") + " names a file outside its run folder"
                            + " or not a plain path: '" + (file.length() > 80 ? file.substring(0, 80) + "..." : file)
                            + "'");
                }
            }
        }
    }

    public String id() {
        return folder.getFileName().toString();
    }

    /** Every fork's log of one series added up (nanoseconds). */
    public Histogram total(RunSummary.Trial trial, Series series) {
        List<Path> logs = trial.files().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + series.id() + ".hlog"))
                .map(e -> folder.resolve(e.getValue()))
                .toList();
        try {
            return HistogramLogs.total(logs);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
