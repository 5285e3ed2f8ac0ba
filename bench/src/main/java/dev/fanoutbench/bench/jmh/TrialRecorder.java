package dev.fanoutbench.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fanoutbench.bench.model.LatencyRecorder;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.mock.ServerStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Records one trial: every request's three timings (HdrHistogram interval logs per measurement
 * iteration, and their totals), outcome counts, the server's view, threads, CPU, JFR's
 * virtual-thread pinning events. Called from the benchmark's setup and teardown methods on the
 * benchmark thread; {@link #count} may be called from any thread.
 */
public final class TrialRecorder {

    static final String[] SERIES = {"response", "service", "dispatch"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String key;
    private final String benchmark;
    private final String model;
    private final Map<String, String> params;
    private final Path runDir;
    private final ServerClient server;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final Histogram[] totals = {new Histogram(3), new Histogram(3), new Histogram(3)};
    private final HistogramLogWriter[] logs = new HistogramLogWriter[3];
    private final PrintStream[] logStreams = new PrintStream[3];
    private final Map<Outcome.Kind, AtomicLong> iterationCounts = new EnumMap<>(Outcome.Kind.class);
    private final Map<Outcome.Kind, Long> counts = new EnumMap<>(Outcome.Kind.class);
    private final AtomicLong iterationSent = new AtomicLong();
    private final AtomicLong pinned = new AtomicLong();
    private final long baseTimeMillis = System.currentTimeMillis();
    private final Map<String, Long> pinnedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final RecordingStream pinning;
    private long sent;
    private long cpuNanos;
    private long cpuAtIterationStart;
    private int peakThreads;
    private int serverPeak;
    private long served;
    private long disconnects;
    private ServerStats.Lateness worstLateness = new ServerStats.Lateness(0, 0, 0, 0, 0);

    TrialRecorder(BenchmarkParams params, String model) {
        this.benchmark = benchmarkName(params);
        this.model = model;
        this.params = paramsOf(params);
        this.key = keyOf(params);
        this.runDir = BenchTarget.runDir();
        this.server = new ServerClient(BenchTarget.uri());
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            iterationCounts.put(kind, new AtomicLong());
        }
        try {
            Files.createDirectories(runDir.resolve("histograms"));
            Files.createDirectories(runDir.resolve("records"));
            long now = baseTimeMillis;
            for (int i = 0; i < SERIES.length; i++) {
                logStreams[i] = new PrintStream(Files.newOutputStream(runDir.resolve(file(SERIES[i], "hlog"))), true);
                logs[i] = new HistogramLogWriter(logStreams[i]);
                logs[i].outputComment(benchmark + " " + this.params + ": " + SERIES[i] + " time, microseconds");
                logs[i].outputLogFormatVersion();
                logs[i].setBaseTime(now);
                logs[i].outputStartTime(now);
                logs[i].outputBaseTime(now);
                logs[i].outputLegend();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into the run folder " + runDir, e);
        }
        this.pinning = new RecordingStream();
        pinning.enable("jdk.VirtualThreadPinned");
        pinning.onEvent("jdk.VirtualThreadPinned", event -> {
            pinned.incrementAndGet();
            pinnedAt.merge(pinningFrame(event), 1L, Long::sum);
        });
        pinning.startAsync();
    }

    public LatencyRecorder latencies() {
        return latencies;
    }

    /** Counts a finished batch's outcomes. */
    public void count(List<Outcome> outcomes) {
        iterationSent.addAndGet(outcomes.size());
        for (Outcome outcome : outcomes) {
            iterationCounts.get(outcome.kind()).incrementAndGet();
        }
    }

    void iterationStarted() {
        server.reset();
        latencies.intervalSnapshot(); // drops whatever the previous (warm-up) iteration left
        iterationCounts.values().forEach(c -> c.set(0));
        iterationSent.set(0);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        cpuAtIterationStart = processCpuNanos();
    }

    void iterationEnded(boolean measured) {
        LatencyRecorder.Snapshot snapshot = latencies.intervalSnapshot();
        if (!measured) {
            return;
        }
        Histogram[] interval = {snapshot.responseMicros(), snapshot.serviceMicros(), snapshot.dispatchMicros()};
        for (int i = 0; i < SERIES.length; i++) {
            // values are microseconds: a ratio of 1,000 makes the log's Interval_Max milliseconds
            logs[i].outputIntervalHistogram((interval[i].getStartTimeStamp() - baseTimeMillis) / 1000.0,
                    (interval[i].getEndTimeStamp() - baseTimeMillis) / 1000.0, interval[i], 1000.0);
            totals[i].add(interval[i]);
        }
        iterationCounts.forEach((kind, c) -> counts.merge(kind, c.get(), Long::sum));
        sent += iterationSent.get();
        cpuNanos += processCpuNanos() - cpuAtIterationStart;
        peakThreads = Math.max(peakThreads, ManagementFactory.getThreadMXBean().getPeakThreadCount());
        ServerStats stats = server.stats();
        serverPeak = Math.max(serverPeak, stats.total().peakInFlight());
        served += stats.total().served();
        disconnects += stats.total().clientDisconnects();
        if (stats.total().lateness().p99Micros() >= worstLateness.p99Micros()) {
            worstLateness = stats.total().lateness();
        }
    }

    /** Writes {@code records/<key>.json} and the {@code .hgrm} percentile files; releases everything. */
    void finish(double idealMillis, int offeredConcurrency, int threadCap, long blockedThreadWarnings) {
        pinning.close();
        server.close();
        Map<String, TrialRecord.Percentiles> latencyMicros = new LinkedHashMap<>();
        Map<String, String> files = new TreeMap<>();
        try {
            for (int i = 0; i < SERIES.length; i++) {
                logStreams[i].close();
                files.put(SERIES[i] + ".hlog", file(SERIES[i], "hlog"));
                files.put(SERIES[i] + ".hgrm", file(SERIES[i], "hgrm"));
                try (PrintStream hgrm = new PrintStream(Files.newOutputStream(runDir.resolve(file(SERIES[i], "hgrm"))))) {
                    totals[i].outputPercentileDistribution(hgrm, 1000.0); // microseconds in, milliseconds out
                }
                latencyMicros.put(SERIES[i], percentiles(totals[i]));
            }
            Map<String, Long> outcomes = new TreeMap<>();
            counts.forEach((kind, n) -> outcomes.put(kind.name(), n));
            TrialRecord record = new TrialRecord(key, benchmark, model, params, idealMillis, offeredConcurrency, threadCap,
                    sent, outcomes, latencyMicros,
                    new TrialRecord.Server(serverPeak, served, disconnects, worstLateness),
                    peakThreads, sent == 0 ? 0 : cpuNanos / 1_000 / sent, pinned.get(), topFrames(), blockedThreadWarnings, files);
            JSON.writeValue(runDir.resolve("records").resolve(key + ".json").toFile(), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record of " + key + " into " + runDir, e);
        }
    }

    /** "FanOutBenchmark.fanOut" from the fully qualified method name. */
    public static String benchmarkName(BenchmarkParams params) {
        String full = params.getBenchmark();
        return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
    }

    public static Map<String, String> paramsOf(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return values;
    }

    /** The trial's file name: benchmark and parameter values, e.g. "FanOutBenchmark.fanOut-vertx-3-200". */
    public static String keyOf(BenchmarkParams params) {
        return (benchmarkName(params) + "-" + String.join("-", paramsOf(params).values())).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String file(String series, String extension) {
        return "histograms/" + key + "." + series + "." + extension;
    }

    /** The first frame outside java.* and jdk.*: where our code (or a library's) held the carrier. */
    private static String pinningFrame(jdk.jfr.consumer.RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "(no stack trace)";
        }
        for (var frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type + "." + frame.getMethod().getName();
            }
        }
        var top = event.getStackTrace().getFrames().get(0).getMethod();
        return top.getType().getName() + "." + top.getName();
    }

    private Map<String, Long> topFrames() {
        Map<String, Long> top = new LinkedHashMap<>();
        pinnedAt.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    static TrialRecord.Percentiles percentiles(Histogram h) {
        return new TrialRecord.Percentiles(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
