package dev.fanoutbench.bench.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fanoutbench.bench.jmh.TrialRecord;
import dev.fanoutbench.bench.jmh.TrialRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Joins JMH's results with the trials' own records into {@code summary.json}. */
public final class SummaryBuilder {

    /** Strict: an unknown or a missing field is an error, not a guess (null stands for "not measured"). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private SummaryBuilder() {}

    public static RunSummary build(String runId, String preset, String target, Collection<RunResult> results, Path runDir)
            throws IOException {
        Map<String, TrialRecord> records = readRecords(runDir.resolve("records"));
        List<RunSummary.Trial> trials = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RunResult result : results) {
            String key = TrialRecorder.keyOf(result.getParams());
            TrialRecord record = records.remove(key);
            if (record == null) {
                warnings.add(key + ": no record was written (did the trial fail?)");
                continue;
            }
            trials.add(trial(record, result));
        }
        records.values().forEach(orphan -> warnings.add(orphan.key() + ": recorded, but JMH reported no result (the trial failed)"));
        trials.forEach(t -> t.warnings().forEach(w -> warnings.add(t.benchmark() + " " + t.model() + ": " + w)));
        return new RunSummary(RunSummary.SCHEMA_VERSION, runId, preset, target, trials, warnings);
    }

    public static void write(RunSummary summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    /** @throws IOException for an unreadable file, a corrupt one, or one of another schema version */
    public static RunSummary read(Path file) throws IOException {
        RunSummary summary = JSON.readValue(file.toFile(), RunSummary.class);
        if (summary.schemaVersion() != RunSummary.SCHEMA_VERSION) {
            throw new IOException(file + " has schema version " + summary.schemaVersion() + "; this build reads "
                    + RunSummary.SCHEMA_VERSION);
        }
        return summary;
    }

    private static RunSummary.Trial trial(TrialRecord record, RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double error = primary.getScoreError();
        RunSummary.Score score = new RunSummary.Score(primary.getScore(), Double.isFinite(error) ? error : null,
                primary.getScoreUnit(), primary.getSampleCount());
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        Double efficiency = primary.getScore() > 0 ? record.idealMillis() / primary.getScore() : null;
        return new RunSummary.Trial(record.key(), record.benchmark(), record.model(), record.params(), score,
                alloc == null ? null : alloc.getScore(), record.idealMillis(), efficiency, record.offeredConcurrency(),
                record.threadCap(), record.sent(), record.outcomes(), SelfChecks.addsUp(record), record.latencyMicros(),
                record.server(), record.peakThreads(), record.cpuMicrosPerRequest(), record.pinnedEvents(),
                record.pinnedAt(), record.blockedThreadWarnings(), record.files(), SelfChecks.of(record));
    }

    private static Map<String, TrialRecord> readRecords(Path folder) throws IOException {
        Map<String, TrialRecord> records = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                TrialRecord record = JSON.readValue(file.toFile(), TrialRecord.class);
                records.put(record.key(), record);
            }
        }
        return records;
    }
}
