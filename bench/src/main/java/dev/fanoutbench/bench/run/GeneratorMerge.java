package dev.fanoutbench.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.trial.TrialRecord;
import dev.fanoutbench.bench.trial.TrialRecorder;
import dev.fanoutbench.bench.trial.WindowLogs;
import dev.fanoutbench.bench.trial.WindowSum;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The records of one trial's load generators made into the record of one trial, as if one generator had sent it
 * all: counts summed, each window's histograms added (percentiles are never averaged), the recording intervals that
 * ran at the same time (on generator 0's clock) added into one, and every generator's intervals kept, tagged
 * {@code gen-I}, in the trial's interval logs. The summary, knee and self-checks then read it as a single run's.
 */
public final class GeneratorMerge {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One generator's record, and the run folder its files are relative to. */
    public record Part(Path runDir, TrialRecord record) {}

    /**
     * What the merge found.
     *
     * @param missing why the merged trial is short (a generator recorded nothing), or null
     * @param clocks  the generators' clocks and starts, in a sentence
     */
    public record Merged(String model, String missing, String clocks) {}

    private GeneratorMerge() {}

    /**
     * Refuses what cannot be merged, before anything is written.
     *
     * @throws BadInputException when two records are the same generator, the generators disagree on their count, or
     *                           a record has no window log
     */
    public static void check(List<Part> parts) {
        TrialRecord first = parts.get(0).record();
        String key = first.trial().key();
        int count = first.generator().count();
        List<Integer> present = new ArrayList<>();
        for (Part part : parts) {
            TrialRecord.Generator g = part.record().generator();
            if (g.count() != count) {
                throw new BadInputException(key + ": one part is generator " + g.index() + " of " + g.count()
                        + ", another of " + count + ": parts of different runs");
            }
            if (present.contains(g.index())) {
                throw new BadInputException(key + ": two parts are both generator " + g.index() + " of " + count + " ("
                        + part.runDir() + "): one slice run twice");
            }
            if (part.record().windowLog() == null) {
                throw new BadInputException(
                        part.runDir() + " has no window log for " + key + ": its generator ran on an older bench.jar");
            }
            present.add(g.index());
        }
    }

    /** Writes the merged record (fork 1) and its logs into {@code runDir}; {@link #check} them first. */
    public static Merged merge(List<Part> parts, Path runDir) {
        check(parts);
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(p -> p.record().generator().index()));
        TrialRecord first = sorted.get(0).record();
        String key = first.trial().key();
        int count = first.generator().count();
        List<Integer> present =
                sorted.stream().map(p -> p.record().generator().index()).toList();
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!present.contains(i)) {
                absent.add(i);
            }
        }
        try {
            Files.createDirectories(runDir.resolve("records"));
            Files.createDirectories(runDir.resolve("histograms"));
            TrialRecord merged = record(sorted, runDir);
            Path file = TrialRecorder.recordFile(runDir, key, 1);
            JSON.writeValue(file.toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged record of " + key + " into " + runDir, e);
        }
        String missing = absent.isEmpty()
                ? null
                : String.format(
                        Locale.ROOT,
                        "generator(s) %s of %d recorded nothing: the merged trial holds %d of its %d slices, a smaller"
                                + " load than the workload's",
                        String.join(", ", absent.stream().map(String::valueOf).toList()),
                        count,
                        present.size(),
                        count);
        return new Merged(first.trial().model(), missing, clocks(sorted));
    }

    private static String clocks(List<Part> parts) {
        double offset = 0;
        double bound = 0;
        double earliest = Double.MAX_VALUE;
        double latest = -Double.MAX_VALUE;
        for (Part part : parts) {
            TrialRecord.Generator g = part.record().generator();
            offset = Math.max(offset, Math.abs(g.clockOffsetMillis()));
            bound = Math.max(bound, g.clockBoundMillis());
            earliest = Math.min(earliest, g.startedAtMillis());
            latest = Math.max(latest, g.startedAtMillis());
        }
        return String.format(
                Locale.ROOT,
                "%d of %d generators; clocks at most %.1f ms from generator 0's (each measured to within %.2f ms); the first"
                        + " window started within %.1f ms on generator 0's clock",
                parts.size(),
                parts.get(0).record().generator().count(),
                offset,
                bound,
                latest - earliest);
    }

    private static TrialRecord record(List<Part> parts, Path runDir) throws IOException {
        TrialRecord first = parts.get(0).record();
        String key = first.trial().key();
        long sent = 0;
        long returned = 0;
        long cpuNanos = 0;
        long wallNanos = 0;
        double backgroundCores = 0;
        long pinned = 0;
        long blocked = 0;
        int peakThreads = 0;
        long peakHeap = 0;
        long allocated = 0;
        String stopped = null;
        RunSummary.Server server = null;
        Map<OutcomeKind, Long> outcomes = new EnumMap<>(OutcomeKind.class);
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> pinnedAt = new TreeMap<>();
        for (Part part : parts) {
            TrialRecord r = part.record();
            sent += r.sent();
            returned += r.returned();
            cpuNanos += r.cpuNanos();
            wallNanos = Math.max(wallNanos, r.wallNanos());
            backgroundCores += r.backgroundCores();
            pinned += r.pinnedEvents();
            blocked += r.blockedThreadWarnings();
            peakThreads = Math.max(peakThreads, r.peakThreads());
            peakHeap = Math.max(peakHeap, r.peakHeapBytes());
            allocated = allocated < 0 || r.allocatedBytes() < 0 ? -1 : allocated + r.allocatedBytes();
            server = dev.fanoutbench.bench.trial.ServerWatch.merge(server, r.server());
            r.outcomes().forEach((kind, n) -> outcomes.merge(kind, n, Long::sum));
            r.httpErrorStatuses().forEach((status, n) -> statuses.merge(status, n, Long::sum));
            r.pinnedAt().forEach((where, n) -> pinnedAt.merge(where, n, Long::sum));
            String why = r.facts().load() == null ? null : r.facts().load().stopped();
            stopped = stopped == null ? why : stopped;
        }
        TrialFacts facts = first.facts();
        if (facts.load() != null) {
            RunSummary.Load load = facts.load();
            facts = new TrialFacts(
                    facts.lesson(),
                    facts.idealMillis(),
                    facts.offeredConcurrency(),
                    facts.threadCap(),
                    facts.scoreIsBatchTime(),
                    facts.failuresExpected(),
                    new RunSummary.Load(load.workload(), load.windows(), load.slo(), load.maxInFlight(), stopped));
        }
        Map<Series, String> logs = new EnumMap<>(Series.class);
        Map<Series, List<List<Histogram>>> intervals = new EnumMap<>(Series.class);
        for (Series series : Series.values()) {
            List<List<Histogram>> perGenerator = new ArrayList<>();
            for (Part part : parts) {
                List<Histogram> read = HistogramLogs.intervals(
                        part.runDir().resolve(part.record().hlogFiles().get(series)));
                // every generator's intervals on generator 0's clock
                long shift = Math.round(part.record().generator().clockOffsetMillis());
                read.forEach(h -> {
                    h.setStartTimeStamp(h.getStartTimeStamp() + shift);
                    h.setEndTimeStamp(h.getEndTimeStamp() + shift);
                });
                perGenerator.add(read);
            }
            if (series == Series.RESPONSE) {
                intervals.put(series, perGenerator); // the only series the timeline needs: the others go out now
            }
            String file = "histograms/" + key + ".fork-1." + series.id() + ".hlog";
            writeTagged(perGenerator, parts, runDir.resolve(file), first.trial().model() + " " + series.id());
            logs.put(series, file);
        }
        List<RunSummary.Iteration> iterations = windows(parts, runDir, key);
        List<RunSummary.Interval> timeline = TimelineMerge.of(parts, intervals.get(Series.RESPONSE));
        return new TrialRecord(
                first.trial(),
                1,
                facts,
                sent,
                returned,
                Map.copyOf(outcomes),
                Map.copyOf(statuses),
                server,
                peakThreads,
                cpuNanos,
                wallNanos,
                backgroundCores,
                pinned,
                pinnedAt,
                blocked,
                iterations,
                timeline,
                logs,
                peakHeap,
                allocated,
                first.resources(),
                null,
                "histograms/" + key + ".fork-1.windows.hlog");
    }

    /** Window n of the merged trial: the generators' window n, counts summed and histograms added. */
    private static List<RunSummary.Iteration> windows(List<Part> parts, Path runDir, String key) {
        Map<Integer, List<RunSummary.Iteration>> byWindow = new TreeMap<>();
        Map<Integer, Histogram> histograms = new TreeMap<>();
        for (Part part : parts) {
            part.record()
                    .iterations()
                    .forEach(it -> byWindow.computeIfAbsent(it.index(), i -> new ArrayList<>())
                            .add(it));
            long shift = Math.round(part.record().generator().clockOffsetMillis());
            WindowLogs.read(part.runDir().resolve(part.record().windowLog())).forEach((window, h) -> {
                // on generator 0's clock, as the intervals are
                h.setStartTimeStamp(h.getStartTimeStamp() + shift);
                h.setEndTimeStamp(h.getEndTimeStamp() + shift);
                histograms.computeIfAbsent(window, w -> new Histogram(3)).add(h);
            });
        }
        List<RunSummary.Iteration> merged = new ArrayList<>();
        for (Map.Entry<Integer, List<RunSummary.Iteration>> window : byWindow.entrySet()) {
            merged.add(WindowSum.of(
                    window.getKey(), window.getValue(), histograms.getOrDefault(window.getKey(), new Histogram(3))));
        }
        WindowLogs.write(histograms, runDir.resolve("histograms/" + key + ".fork-1.windows.hlog"));
        return merged;
    }

    /** One log holding every generator's intervals, each tagged with its generator: nothing is lost in the merge. */
    private static void writeTagged(List<List<Histogram>> perGenerator, List<Part> parts, Path file, String title) {
        List<Histogram> tagged = new ArrayList<>();
        for (int g = 0; g < parts.size(); g++) {
            for (Histogram h : perGenerator.get(g)) {
                h.setTag("gen-" + parts.get(g).record().generator().index());
                tagged.add(h);
            }
        }
        HistogramLogs.write(
                file,
                title + ", nanoseconds: every generator's intervals, tagged gen-I, on generator 0's clock",
                tagged);
    }
}
