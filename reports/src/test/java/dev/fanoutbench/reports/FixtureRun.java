package dev.fanoutbench.reports;

import dev.fanoutbench.bench.jmh.TrialRecord;
import dev.fanoutbench.bench.run.RunSummary;
import dev.fanoutbench.bench.run.SummaryBuilder;
import dev.fanoutbench.mock.ServerStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A small, real run folder for tests: a summary.json in the schema, and histogram logs written by
 * HdrHistogram from a few latencies, as the benchmarks write them.
 */
final class FixtureRun {

    private final Path folder;
    private final List<RunSummary.Trial> trials = new ArrayList<>();

    private FixtureRun(Path folder) {
        this.folder = folder;
    }

    static FixtureRun in(Path runs, String id) throws IOException {
        Path folder = runs.resolve(id);
        Files.createDirectories(folder.resolve("histograms"));
        return new FixtureRun(folder);
    }

    /**
     * A trial whose batches took {@code scoreMillis} (± {@code errorMillis}, null for none) against
     * {@code idealMillis}, and whose requests each took {@code latencyMillis}, over two iterations.
     */
    FixtureRun trial(String benchmark, String model, double scoreMillis, Double errorMillis, double idealMillis,
                     long... latencyMillis) throws IOException {
        String key = benchmark + "-" + model;
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, TrialRecord.Percentiles> percentiles = new LinkedHashMap<>();
        for (String series : new String[] {"response", "service", "dispatch"}) {
            String file = "histograms/" + key + "." + series + ".hlog";
            Histogram total = new Histogram(3);
            try (PrintStream out = new PrintStream(Files.newOutputStream(folder.resolve(file)))) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputStartTime(1_000_000L);
                writer.setBaseTime(1_000_000L);
                writer.outputLegend();
                for (int iteration = 0; iteration < 2; iteration++) {
                    Histogram interval = new Histogram(3);
                    for (long millis : latencyMillis) {
                        interval.recordValue((series.equals("dispatch") ? 1 : millis) * 1000 /* micros */);
                    }
                    interval.setStartTimeStamp(1_000_000L + iteration * 1000L);
                    interval.setEndTimeStamp(1_000_000L + iteration * 1000L + 900);
                    writer.outputIntervalHistogram(interval);
                    total.add(interval);
                }
            }
            files.put(series + ".hlog", file);
            percentiles.put(series, new TrialRecord.Percentiles(total.getTotalCount(), total.getValueAtPercentile(50),
                    total.getValueAtPercentile(90), total.getValueAtPercentile(99), total.getValueAtPercentile(99.9), total.getMaxValue()));
        }
        long sent = 2L * latencyMillis.length;
        trials.add(new RunSummary.Trial(key, benchmark + "." + benchmark.substring(0, 1).toLowerCase() + "x",
                model, Map.of("model", model), new RunSummary.Score(scoreMillis, errorMillis, "ms/op", 2), 1024.0 * latencyMillis.length,
                idealMillis, idealMillis / scoreMillis, latencyMillis.length, 0, sent, Map.of("SUCCESS", sent), true, percentiles,
                new TrialRecord.Server(latencyMillis.length, sent, 0, new ServerStats.Lateness(sent, 200, 300, 400, 500)),
                20, 100, 0, Map.of(), 0, files, List.of()));
        return this;
    }

    Path write() throws IOException {
        SummaryBuilder.write(new RunSummary(RunSummary.SCHEMA_VERSION, folder.getFileName().toString(), "fixture",
                "http://127.0.0.1:1/", trials, List.of()), folder.resolve("summary.json"));
        Files.writeString(folder.resolve("environment.json"), "{\"jdk\":{\"version\":\"25\"},\"machine\":{\"cores\":2}}");
        return folder;
    }
}
