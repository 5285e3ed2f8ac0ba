package dev.fanoutbench.bench.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fanoutbench.bench.load.LoadListener;
import dev.fanoutbench.bench.model.LatencyRecorder;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Records one fork of one trial over its measured iterations: every request's three timings as
 * HdrHistogram interval logs cut at a fixed period (1 s by default) and per iteration, how many
 * requests were handed over, ended (by kind) and returned, what the stub saw, this JVM's CPU and
 * threads, and virtual-thread pinning. Writes it all as {@code records/<key>.fork-<n>.json}.
 *
 * <p>Threading: the iteration and trial methods are called by the benchmark thread; {@link #handedOver}
 * and {@link #returned} from any thread; a ticker thread cuts the intervals.
 */
public final class TrialRecorder implements LoadListener {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrialIdentity trial;
    private final Path runDir;
    private final int fork;
    private final ServerWatch server;
    private final long periodNanos;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final SeriesLogs logs;
    private final PinningWatch pinning;
    private final ProcessMeter process = new ProcessMeter();
    private final ScheduledExecutorService ticker;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    // guarded by this
    private boolean measuring;
    private ScheduledFuture<?> ticking;
    private final Map<Series, Histogram> totals = new EnumMap<>(Series.class);
    private final List<RunSummary.Iteration> iterations = new ArrayList<>();
    private final List<RunSummary.Interval> timeline = new ArrayList<>();
    private final Map<OutcomeKind, Long> outcomes = new EnumMap<>(OutcomeKind.class);
    private final Map<Integer, Long> errorStatuses = new java.util.TreeMap<>();
    private Map<Integer, Long> errorStatusesMark = Map.of();
    private long peakHeapBytes;
    private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    private long sent;
    private long returnedMeasured;
    private Map<OutcomeKind, Long> endedMark;
    private long handedOverMark;
    private long returnedMark;
    private Histogram iterationResponse;
    private long iterationStartNanos;
    private long lastProgressNanos;
    private long firstDispatchNanos;
    private long lastDispatchNanos;
    private long iterationSentMark;
    private Map<OutcomeKind, Long> iterationEndedMark;
    private RunSummary.Server serverSeen;
    private final boolean serverPerIteration;
    private final String windowLog;
    /** Each measured iteration's response times, by number: written as the window log when the trial ends. */
    private final Map<Integer, Histogram> windows = new java.util.TreeMap<>(); // guarded by this

    private TrialRecord.Generator generator;

    /**
     * @param server where to ask the stub what it saw, or null when the target is not our stub
     * @param period how often to cut an interval while measuring
     */
    public TrialRecorder(TrialIdentity trial, Path runDir, ServerWatch server, Duration period) {
        this(trial, runDir, server, true, period);
    }

    /**
     * @param serverPerIteration the stub is reset and read around each iteration; false when the trial does it once
     *                           ({@link #resetServer}, {@link #readServer}), as a trial sent by several generators must
     */
    public TrialRecorder(
            TrialIdentity trial, Path runDir, ServerWatch server, boolean serverPerIteration, Duration period) {
        this.serverPerIteration = serverPerIteration;
        this.trial = trial;
        this.runDir = runDir;
        this.server = server;
        this.periodNanos = period.toNanos();
        this.fork = claimFork(runDir, trial.key());
        // only a virtual thread can pin; a JFR stream in every other model's fork is CPU spent on nothing
        this.pinning =
                trial.model().startsWith(ModelKind.VIRTUAL_THREADS.id()) ? PinningWatch.start() : PinningWatch.NONE;
        this.logs = new SeriesLogs(
                runDir,
                "histograms/" + trial.key() + ".fork-" + fork,
                trial.benchmark() + " " + trial.model() + " " + trial.params() + ", fork " + fork,
                startMillis);
        this.windowLog = "histograms/" + trial.key() + ".fork-" + fork + ".windows.hlog";
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("trial-ticker").factory());
        for (Series series : Series.values()) {
            totals.put(series, new Histogram(3));
        }
    }

    /**
     * Measures this JVM's CPU with nothing in flight: call it once, after the measured iterations, with the model
     * idle.
     */
    public void measureBackground(Duration idle) {
        process.measureBackground(idle);
    }

    /** What {@link #measureBackground} found, in cores. */
    public double backgroundCores() {
        return process.backgroundCores();
    }

    /** The measured iterations so far, in order: a workload reads its last windows to tell a broken model. */
    public synchronized List<RunSummary.Iteration> iterations() {
        return List.copyOf(iterations);
    }

    public LatencyRecorder latencies() {
        return latencies;
    }

    /** Requests given to the model: counted here, independently of the outcomes it returns. */
    @Override
    public void handedOver(int requests) {
        handedOver.addAndGet(requests);
    }

    /** The outcomes a model returned for requests handed over before. */
    @Override
    public void returned(List<Outcome> outcomesReturned) {
        returned.addAndGet(outcomesReturned.size());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Outcome outcome : outcomesReturned) {
            if (outcome.timings().wasDispatched()) {
                first = Math.min(first, outcome.timings().dispatchedNanos());
                last = Math.max(last, outcome.timings().dispatchedNanos());
            }
        }
        synchronized (this) {
            firstDispatchNanos = Math.min(firstDispatchNanos, first);
            lastDispatchNanos = Math.max(lastDispatchNanos, last);
        }
    }

    /** The last measured iteration's response times, or null before the first has ended. */
    public synchronized Histogram lastWindowResponse() {
        return windows.isEmpty() ? null : windows.get(windows.size());
    }

    /** The stub's counts from now on, for a trial that reads them once. */
    public void resetServer() {
        if (server != null) {
            server.reset();
        }
    }

    /** What the stub saw since {@link #resetServer}, for a trial that reads it once, at its end. */
    public void readServer() {
        if (server != null) {
            serverSeen = server.settled();
        }
    }

    /** Which of the trial's generators this is, for its record. */
    public synchronized void generator(TrialRecord.Generator generator) {
        this.generator = generator;
    }

    public void iterationStarted(boolean measured) {
        if (measured && server != null && serverPerIteration) {
            server.reset();
        }
        if (measured) {
            process.iterationStarted();
        }
        synchronized (this) {
            latencies.intervalSnapshot(); // drops what an earlier, unmeasured iteration left behind
            endedMark = latencies.endedSoFar();
            errorStatusesMark = latencies.errorStatusesSoFar();
            handedOverMark = handedOver.get();
            returnedMark = returned.get();
            measuring = measured;
            if (!measured) {
                return;
            }
            iterationResponse = new Histogram(3);
            iterationSentMark = handedOverMark;
            iterationEndedMark = endedMark;
            iterationStartNanos = System.nanoTime();
            iterationResponse.setStartTimeStamp(System.currentTimeMillis());
            lastProgressNanos = iterationStartNanos;
            firstDispatchNanos = Long.MAX_VALUE;
            lastDispatchNanos = Long.MIN_VALUE;
            ticking = ticker.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }
        pinning.measuring(true);
    }

    public void iterationEnded() {
        long endNanos = System.nanoTime();
        synchronized (this) {
            if (!measuring) {
                return;
            }
            ticking.cancel(false);
        }
        process.iterationEnded(); // before the stub is asked what it saw: waiting for it is not the model's CPU
        Integer serverInFlight = serverInFlight();
        RunSummary.Server seen = server == null || !serverPerIteration ? null : server.settled();
        synchronized (this) {
            cut(serverInFlight);
            iterationResponse.setEndTimeStamp(System.currentTimeMillis());
            windows.put(iterations.size() + 1, iterationResponse);
            Map<OutcomeKind, Long> ended = latencies.endedSoFar();
            long iterationSent = handedOver.get() - iterationSentMark;
            long completed = total(ended) - total(iterationEndedMark);
            long failed = completed - (ended.get(OutcomeKind.SUCCESS) - iterationEndedMark.get(OutcomeKind.SUCCESS));
            long dropped = ended.get(OutcomeKind.DROPPED) - iterationEndedMark.get(OutcomeKind.DROPPED);
            double seconds = (endNanos - iterationStartNanos) / 1e9;
            iterations.add(new RunSummary.Iteration(
                    fork,
                    iterations.size() + 1,
                    seconds * 1000,
                    iterationSent,
                    completed,
                    failed,
                    dropped,
                    micros(iterationResponse.getValueAtPercentile(50)),
                    micros(iterationResponse.getValueAtPercentile(99)),
                    seconds <= 0 ? 0 : completed / seconds,
                    lastDispatchNanos < firstDispatchNanos ? 0 : micros(lastDispatchNanos - firstDispatchNanos),
                    seen == null ? null : seen.arrivalSpreadMicros(),
                    Math.round(iterationResponse.getMean() / 1000)));
            sent += iterationSent;
            returnedMeasured += returned.get() - returnedMark;
            measuring = false;
        }
        pinning.measuring(false);
        if (serverPerIteration) {
            serverSeen = ServerWatch.merge(serverSeen, seen);
        }
    }

    private void tick() {
        Integer serverInFlight = serverInFlight();
        synchronized (this) {
            if (measuring) {
                cut(serverInFlight);
                progress();
            }
        }
    }

    /** A line every few seconds of a long iteration, so a 50 s batch does not look like a hang. */
    private void progress() {
        long now = System.nanoTime();
        if (now - lastProgressNanos < PROGRESS_EVERY_NANOS || now - iterationStartNanos < PROGRESS_EVERY_NANOS) {
            return;
        }
        lastProgressNanos = now;
        Map<OutcomeKind, Long> ended = latencies.endedSoFar();
        long done = total(ended) - total(iterationEndedMark);
        RunSummary.Interval last = timeline.get(timeline.size() - 1);
        System.out.printf(
                java.util.Locale.ROOT,
                "  ... %s: %,d requests done, %,d in flight, %,.0f/s (%.0f s in)%n",
                trial.model(),
                done,
                handedOver.get() - total(ended),
                last.throughputPerSecond(),
                (now - iterationStartNanos) / 1e9);
    }

    private Integer serverInFlight() {
        try {
            return server == null ? null : server.inFlightNow();
        } catch (RuntimeException unreachable) {
            return null; // a missed sample: the per-iteration read after the batch says whether the stub is gone
        }
    }

    /** Closes the current interval: its histograms go to the logs and totals, its counts to the timeline. */
    private void cut(Integer serverInFlight) {
        peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
        Map<Integer, Long> statuses = latencies.errorStatusesSoFar();
        statuses.forEach((status, n) -> {
            long since = n - errorStatusesMark.getOrDefault(status, 0L);
            if (since > 0) {
                errorStatuses.merge(status, since, Long::sum);
            }
        });
        errorStatusesMark = statuses;
        LatencyRecorder.Snapshot interval = latencies.intervalSnapshot();
        logs.write(interval);
        for (Series series : Series.values()) {
            totals.get(series).add(interval.of(series));
        }
        Histogram response = interval.responseNanos();
        iterationResponse.add(response);
        Map<OutcomeKind, Long> ended = latencies.endedSoFar();
        Map<OutcomeKind, Long> failed = new EnumMap<>(OutcomeKind.class);
        long completed = 0;
        for (OutcomeKind kind : OutcomeKind.values()) {
            long n = ended.get(kind) - endedMark.get(kind);
            completed += n;
            outcomes.merge(kind, n, Long::sum);
            if (kind.isFailure() && n > 0) {
                failed.put(kind, n);
            }
        }
        long handed = handedOver.get();
        timeline.add(new RunSummary.Interval(
                fork,
                (response.getStartTimeStamp() - startMillis) / 1000.0,
                (response.getEndTimeStamp() - response.getStartTimeStamp()) / 1000.0,
                handed - handedOverMark,
                completed,
                failed,
                handed - total(ended),
                serverInFlight,
                micros(response.getValueAtPercentile(50)),
                micros(response.getValueAtPercentile(99)),
                micros(response.getMaxValue())));
        endedMark = ended;
        handedOverMark = handed;
    }

    /**
     * Releases everything and writes no record: the trial stopped on an error, which the harness
     * reports in its words (an empty record would be a second finding for the same failure).
     */
    public void abandon() {
        ticker.shutdownNow();
        pinning.close();
        if (server != null) {
            server.close();
        }
        logs.close();
        try {
            Files.deleteIfExists(recordFile(runDir, trial.key(), fork));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished record of " + trial.key(), e);
        }
    }

    /** Writes {@code records/<key>.fork-<n>.json} and releases everything. */
    public void finish(TrialFacts facts, long blockedThreadWarnings, RunSummary.Resources resources) {
        ticker.shutdownNow();
        pinning.close();
        if (server != null) {
            server.close();
        }
        logs.close();
        TrialRecord record;
        synchronized (this) {
            WindowLogs.write(windows, runDir.resolve(windowLog));
            record = new TrialRecord(
                    trial,
                    fork,
                    facts,
                    sent,
                    returnedMeasured,
                    Map.copyOf(outcomes),
                    Map.copyOf(errorStatuses),
                    serverSeen,
                    process.peakThreads(),
                    process.cpuNanos(),
                    process.wallNanos(),
                    process.backgroundCores(),
                    pinning.events(),
                    pinning.topPlaces(),
                    blockedThreadWarnings,
                    List.copyOf(iterations),
                    List.copyOf(timeline),
                    logs.files(),
                    peakHeapBytes,
                    process.allocatedBytes(),
                    resources,
                    generator,
                    windowLog);
        }
        Path file = recordFile(runDir, trial.key(), fork);
        try {
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(written.toFile(), record);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record of " + trial.key() + " into " + runDir, e);
        }
    }

    public static Path recordFile(Path runDir, String key, int fork) {
        return runDir.resolve("records").resolve(key + ".fork-" + fork + ".json");
    }

    /** Forks of one trial run one after another: each takes the next free number by creating its record's file. */
    private static int claimFork(Path runDir, String key) {
        try {
            Files.createDirectories(runDir.resolve("records"));
            for (int n = 1; ; n++) {
                try {
                    Files.createFile(recordFile(runDir, key, n));
                    return n;
                } catch (FileAlreadyExistsException taken) {
                    // an earlier fork of this trial
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into the run folder " + runDir, e);
        }
    }

    private static long total(Map<OutcomeKind, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long micros(long nanos) {
        return HistogramLogs.micros(nanos);
    }
}
