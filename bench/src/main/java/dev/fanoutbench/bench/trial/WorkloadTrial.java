package dev.fanoutbench.bench.trial;

import dev.fanoutbench.bench.load.ClosedLoop;
import dev.fanoutbench.bench.load.InFlightCap;
import dev.fanoutbench.bench.load.LoadListener;
import dev.fanoutbench.bench.load.LoadResult;
import dev.fanoutbench.bench.load.OpenLoop;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.RequestShape;
import dev.fanoutbench.bench.model.ResponseCheck;
import dev.fanoutbench.bench.model.VertxEventLoopClient;
import dev.fanoutbench.bench.workload.RequestSpec;
import dev.fanoutbench.bench.workload.Schedule;
import dev.fanoutbench.bench.workload.Window;
import dev.fanoutbench.bench.workload.Workload;
import dev.fanoutbench.bench.workload.WorkloadFile;
import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.Lesson;
import dev.fanoutbench.results.ParentWatch;
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A workload file on one model, window after window, on the load drivers ({@link OpenLoop} for
 * open windows, {@link ClosedLoop} for closed ones), recorded as every trial is
 * ({@link TrialRecorder}: one measured iteration per window). Once {@code stopAfterBreaches} open
 * windows in a row breached the SLO, the model has broken and its remaining windows are not run
 * (the summary says so).
 *
 * <p>Each model runs in a JVM of its own, started by the harness with {@link #main} (a model must
 * not inherit another's JIT and heap); tests run it in theirs.
 */
public final class WorkloadTrial {

    /** The trial's benchmark name in the summary: what the report's workload section is found by. */
    public static final String BENCHMARK = "Workload.window";
    /** A window's request that never ends is cancelled this long after the window's schedule and timeout. */
    static final Duration PATIENCE_SLACK = Duration.ofSeconds(5);
    /** A closed window bounded by a count, not a time, ends at ten times its expected length, at least this. */
    static final Duration MIN_DEADLINE = Duration.ofMinutes(1);
    /** Long enough to see what a second of idling costs (JFR's stream flushes every second); short beside a trial. */
    static final Duration BACKGROUND_SAMPLE = Duration.ofSeconds(1);

    static final int WARM_UP_REQUESTS = 20;

    private final Workload plan;
    private final String model;
    private final URI base;
    private final ClientModel client;
    private final TrialRecorder recorder;
    private final AtomicLong nextId = new AtomicLong();
    private String stopped;

    private WorkloadTrial(
            Workload plan, Path file, String model, URI base, Path runDir, Duration interval, boolean serverStats) {
        this.plan = plan;
        this.model = model;
        this.base = base;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", model);
        params.put("workload", file.toString());
        this.client = Clients.create(model, plan.threadPoolSize());
        this.recorder = new TrialRecorder(
                TrialIdentity.of(BENCHMARK, client.name(), params),
                runDir,
                serverStats ? new ServerWatch(base) : null,
                interval);
    }

    /**
     * Runs the workload on one model and writes its record into the run folder.
     *
     * @param serverStats the target is our stub, whose /stats are read around each window
     * @throws IllegalStateException when a window's requests all failed (is the target answering?); no record is
     * written
     */
    public static void run(Path file, String model, URI base, Path runDir, Duration interval, boolean serverStats) {
        new WorkloadTrial(WorkloadFile.read(file), file, model, base, runDir, interval, serverStats).run();
    }

    /**
     * A forked trial: {@code WORKLOAD-FILE MODEL}, the rest from the properties every fork gets ({@link
     * BenchTarget}).
     */
    public static void main(String[] args) {
        ParentWatch.start(BenchTarget.parentPid());
        try {
            run(
                    Path.of(args[0]),
                    args[1],
                    BenchTarget.uri(),
                    BenchTarget.runDir(),
                    BenchTarget.interval(),
                    BenchTarget.serverStats());
        } catch (RuntimeException | Error e) {
            // the harness names why the trial stopped from this line: the last one starting with STOPPED
            System.err.println(STOPPED
                    + (e.getMessage() == null
                            ? e.toString()
                            : e.getMessage().strip().replaceAll("\\s+", " ")));
            System.exit(1);
        }
        System.exit(0);
    }

    /** How a forked trial's last line on stderr starts when it stopped on an error. */
    public static final String STOPPED = "trial stopped: ";

    private void run() {
        boolean finished = false;
        try {
            // each of a closed loop's requests is a batch of its own, and a model with lanes gives each batch the
            // next lane: one request per lane at the least warms every lane
            int warmUpRequests = Math.max(WARM_UP_REQUESTS, client.resources().lanes());
            failFastIfNothingSucceeded(
                    "warm-up",
                    new ClosedLoop(client, options(), LoadListener.NONE)
                            .count(Math.min(10, warmUpRequests), warmUpRequests, MIN_DEADLINE, this::uri));
            plan.warmupWindow().ifPresent(warmUp -> {
                recorder.iterationStarted(false);
                runWindow(warmUp);
                recorder.iterationEnded();
            });
            List<Window> windows = plan.windows();
            for (Window window : windows) {
                if (stopped == null) {
                    stopped = broken();
                }
                if (stopped != null) {
                    break;
                }
                recorder.iterationStarted(true);
                LoadResult result = runWindow(window);
                recorder.iterationEnded();
                progress(window, windows.size(), result);
                failFastIfNothingSucceeded("window " + window.label(), result);
            }
            // after the windows, with nothing in flight: right after the warm-up the JIT's compiler threads were
            // still at work, which is not what the trial's own threads cost
            recorder.measureBackground(BACKGROUND_SAMPLE);
            finished = true;
        } finally {
            long blocked = client instanceof VertxEventLoopClient vertx ? vertx.blockedThreadWarnings() : 0;
            try {
                client.close();
            } finally {
                if (finished) {
                    recorder.finish(facts(), blocked, client.resources().summarized());
                } else {
                    recorder.abandon();
                }
            }
        }
    }

    private LoadResult runWindow(Window window) {
        BatchOptions options = options().withLatencies(recorder.latencies());
        if (window.open()) {
            return new OpenLoop(client, options, maxInFlight(), PATIENCE_SLACK, recorder)
                    .run(Schedule.offsets(window, window.index() + 1), this::uri);
        }
        ClosedLoop users = new ClosedLoop(client, options, recorder);
        if (window.duration() == null) {
            return users.count(window.concurrency(), window.count(), deadline(), this::uri);
        }
        return users.timed(window.concurrency(), window.duration(), PATIENCE_SLACK, this::uri);
    }

    /** A counted window's limit: ten times what the trial's mean window takes, at least a minute. */
    private Duration deadline() {
        return Duration.ofMillis(Math.max(MIN_DEADLINE.toMillis(), (long) (10 * facts().idealMillis())));
    }

    private void progress(Window window, int of, LoadResult result) {
        List<RunSummary.Iteration> windows = recorder.iterations();
        RunSummary.Iteration ran = windows.get(windows.size() - 1);
        double seconds = ran.durationMillis() / 1000;
        System.out.printf(
                Locale.ROOT,
                "  %s window %d/%d (%s): %,d sent, %,d succeeded (%,.0f/s)%s, p99 %,.1f ms%n",
                model,
                window.index() + 1,
                of,
                window.label(),
                result.due(),
                result.succeeded(),
                seconds > 0 ? result.succeeded() / seconds : 0,
                result.dropped() == 0 ? "" : String.format(Locale.ROOT, ", %,d dropped", result.dropped()),
                ran.p99Micros() / 1000.0);
    }

    /**
     * Why the model has clearly broken, judged as the knee judges: the last {@code stopAfterBreaches}
     * windows, open ones in a row, each breached the SLO; or null to go on.
     */
    private String broken() {
        if (plan.slo() == null || plan.stopAfterBreaches() == 0) {
            return null;
        }
        List<Window> windows = plan.windows();
        List<RunSummary.Iteration> ran = recorder.iterations();
        int breaches = 0;
        for (int i = ran.size() - 1; i >= 0 && breaches < plan.stopAfterBreaches(); i--) {
            Window window = windows.get(ran.get(i).index() - 1);
            if (!window.open()
                    || Knee.measured(loadWindow(window), List.of(ran.get(i)))
                            .judged(slo())
                            .met()) {
                break;
            }
            breaches++;
        }
        if (breaches < plan.stopAfterBreaches()) {
            return null;
        }
        String text = String.format(
                Locale.ROOT,
                "stopped after %s: %d open windows in a row breached the SLO (stopAfterBreaches: %d)",
                windows.get(ran.get(ran.size() - 1).index() - 1).label(),
                breaches,
                plan.stopAfterBreaches());
        System.out.println("  ... " + model + ": " + text);
        return text;
    }

    private TrialFacts facts() {
        List<RunSummary.LoadWindow> load =
                plan.windows().stream().map(WorkloadTrial::loadWindow).toList();
        double meanMillis = load.stream()
                        .mapToDouble(RunSummary.LoadWindow::seconds)
                        .average()
                        .orElse(0)
                * 1000;
        int closed = plan.windows().stream().mapToInt(Window::concurrency).max().orElse(0);
        int cap = Clients.kindOf(model) == ModelKind.THREAD_POOL ? plan.threadPoolSize() : 0;
        // the trial is judged by its windows, not a score; and past its knee a model fails requests by design
        // (timeouts), which the knee reports rather than the self-checks
        return new TrialFacts(
                Lesson.WORKLOAD,
                meanMillis,
                Math.max(1, closed),
                cap,
                false,
                true,
                new RunSummary.Load(plan.name(), load, plan.slo() == null ? null : slo(), maxInFlight(), stopped));
    }

    private static RunSummary.LoadWindow loadWindow(Window window) {
        return new RunSummary.LoadWindow(
                window.label(),
                window.open() ? window.offeredPerSecond() : 0,
                window.duration() == null ? 0 : window.duration().toMillis() / 1000.0,
                window.concurrency());
    }

    private RunSummary.Slo slo() {
        return new RunSummary.Slo(plan.slo().p99().toNanos() / 1e6, plan.slo().errorRatio());
    }

    /** The workload's cap, or what this JVM's heap and open-file limit hold for answers of the size it asks for. */
    private int maxInFlight() {
        if (plan.maxInFlight() > 0) {
            return plan.maxInFlight();
        }
        String bytes = plan.request().query().get("bytes");
        long answer = bytes != null && bytes.matches("\\d{1,9}") ? Long.parseLong(bytes) : 0;
        return InFlightCap.forThisJvm(answer);
    }

    /** The workload's request as a model sends it: its method, headers, body, timeout and success check. */
    private BatchOptions options() {
        RequestSpec request = plan.request();
        return BatchOptions.defaults()
                .withTimeout(request.timeout())
                .withRequest(new RequestShape(request.method(), request.headers(), request.bodyBytes()))
                .withCheck(request.echoId() ? ResponseCheck.ECHOES_ID : ResponseCheck.ANY_2XX)
                .withSuccess(request.success());
    }

    private URI uri(long ignoredIndex) {
        return plan.request().uri(base, nextId.getAndIncrement());
    }

    private static void failFastIfNothingSucceeded(String what, LoadResult result) {
        if (result.nothingSucceeded()) {
            throw new IllegalStateException(what + ": every one of its " + result.due() + " requests failed"
                    + (result.firstFailure() == null
                            ? " or never ended"
                            : " (the first: " + result.firstFailure().kind() + ", "
                                    + result.firstFailure().detail() + ")")
                    + ": is the target answering?");
        }
    }
}
