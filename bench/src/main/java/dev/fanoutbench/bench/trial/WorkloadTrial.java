package dev.fanoutbench.bench.trial;

import dev.fanoutbench.bench.generator.Barrier;
import dev.fanoutbench.bench.generator.BarrierClient;
import dev.fanoutbench.bench.generator.GeneratorRole;
import dev.fanoutbench.bench.generator.Meeting;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * A workload file on one model, window after window, on the load drivers ({@link OpenLoop} for
 * open windows, {@link ClosedLoop} for closed ones), recorded as every trial is
 * ({@link TrialRecorder}: one measured iteration per window). Once {@code stopAfterBreaches} open
 * windows in a row breached the SLO, the model has broken and its remaining windows are not run
 * (the summary says so).
 *
 * <p>A trial can be sent by several load generators ({@link GeneratorRole}): each sends its slice of every window
 * (open windows' schedules sliced, closed windows' users and counts shared out), and they meet before each window
 * at generator 0's barrier ({@link Meeting}), so that their slices start together, a model one of them sees broken
 * stops them all, and one that died stops the rest instead of leaving a silently smaller sample. Only generator 0
 * reads the stub, once for the whole trial: a reset per window by each would erase the others' counts.
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
    /** Generators meet first after their JVMs and warm-ups: pods on other nodes may start minutes apart. */
    static final Duration FIRST_MEETING_PATIENCE = Duration.ofMinutes(10);
    /** What a generator may lag another by at a window's end, beyond the longest window's own length and timeout. */
    static final Duration MEETING_SLACK = Duration.ofMinutes(1);

    private final Workload plan;
    private final String model;
    private final List<URI> bases;
    private final GeneratorRole role;
    private final Duration patience;
    private final ClientModel client;
    private final TrialRecorder recorder;
    private final AtomicLong nextId = new AtomicLong();
    /** Generator 0's: every generator's windows so far, each added into one. */
    private final List<RunSummary.Iteration> mergedWindows = new ArrayList<>();

    private String stopped;

    private WorkloadTrial(
            Workload plan,
            Path file,
            String model,
            List<URI> bases,
            Path runDir,
            Duration interval,
            boolean serverStats,
            GeneratorRole role,
            Duration patience) {
        this.plan = plan;
        this.model = model;
        this.bases = List.copyOf(bases);
        this.role = role;
        this.patience = patience != null ? patience : meetingPatience(plan, deadline());
        for (Window window : plan.windows()) {
            if (!window.open() && window.concurrency() < role.count()) {
                throw new IllegalArgumentException("window " + window.label() + " has " + window.concurrency()
                        + " users, fewer than the " + role.count() + " generators sharing them");
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", model);
        params.put("workload", file.toString());
        this.client = Clients.create(model, plan.threadPoolSize());
        this.recorder = new TrialRecorder(
                TrialIdentity.of(BENCHMARK, client.name(), params),
                runDir,
                serverStats && role.leader() ? new ServerWatch(this.bases) : null,
                role.alone(),
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
        run(file, model, List.of(base), runDir, interval, serverStats, GeneratorRole.ALONE, null);
    }

    /**
     * As above, spreading requests over {@code bases} (one stub each), as generator {@code role} of the trial's.
     *
     * @param patience how long a generator waits for the others before a window, null for the default: the longest
     *                 window, its timeout and a minute
     */
    public static void run(
            Path file,
            String model,
            List<URI> bases,
            Path runDir,
            Duration interval,
            boolean serverStats,
            GeneratorRole role,
            Duration patience) {
        new WorkloadTrial(WorkloadFile.read(file), file, model, bases, runDir, interval, serverStats, role, patience)
                .run();
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
                    BenchTarget.uris(),
                    BenchTarget.runDir(),
                    BenchTarget.interval(),
                    BenchTarget.serverStats(),
                    BenchTarget.generator(),
                    BenchTarget.meetingPatience());
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
        try (Meeting meeting = role.alone()
                ? Meeting.ALONE
                : role.leader()
                        ? Barrier.serve(role, model, BenchTarget.barrierOnAnyInterface())
                        : new BarrierClient(role, model)) {
            // each of a closed loop's requests is a batch of its own, and a model with lanes gives each batch the
            // next lane: one request per lane at the least warms every lane
            int warmUpRequests = Math.max(WARM_UP_REQUESTS, client.resources().lanes());
            failFastIfNothingSucceeded(
                    "warm-up",
                    new ClosedLoop(client, options(), LoadListener.NONE)
                            .count(Math.min(10, warmUpRequests), warmUpRequests, MIN_DEADLINE, this::uri));
            Meeting.Release start = meeting.meet("start", null, FIRST_MEETING_PATIENCE, null);
            if (!start.go()) {
                throw new IllegalStateException(why(start, "the start", FIRST_MEETING_PATIENCE));
            }
            Meeting.ClockOffset clock = meeting.clock();
            plan.warmupWindow().ifPresent(warmUp -> {
                recorder.iterationStarted(false);
                runWindow(warmUp);
                recorder.iterationEnded();
            });
            List<Window> windows = plan.windows();
            long startedMicros = 0;
            for (Window window : windows) {
                boolean first = window.index() == 0;
                Duration waited = first ? FIRST_MEETING_PATIENCE : patience;
                Meeting.Release go;
                try {
                    go = role.alone()
                            ? meeting.meet(
                                    "window " + (window.index() + 1), broken(recorder.iterations()), waited, null)
                            : meeting.meet(
                                    "window " + (window.index() + 1),
                                    null,
                                    lastWindowReport(),
                                    waited,
                                    // generator 0: the stub's counts start with the measured windows, reset once all
                                    // generators are at the line; then each window is judged merged, as the knee is
                                    first
                                            ? reports -> {
                                                recorder.resetServer();
                                                return null;
                                            }
                                            : this::judgeMerged);
                } catch (IllegalStateException gone) {
                    if (first) {
                        throw gone; // nothing measured yet: the trial fails, naming why
                    }
                    // generator 0 is gone: what this generator ran is kept, and the merge names the missing one
                    stopped = gone.getMessage();
                    System.out.println("  ... " + model + " " + this.role() + ": " + stopped);
                    break;
                }
                if (!go.go()) {
                    stopped = why(go, window.label(), waited);
                    if (!role.alone()) {
                        System.out.println("  ... " + model + " " + this.role() + ": " + stopped);
                    }
                    break;
                }
                if (first) {
                    startedMicros = Meeting.wallMicros();
                }
                recorder.iterationStarted(true);
                LoadResult result = runWindow(window);
                recorder.iterationEnded();
                progress(window, windows.size(), result);
                failFastIfNothingSucceeded("window " + window.label(), result);
            }
            if (!role.alone()) {
                try {
                    // generator 0 reads the stub once all have ended and before any goes on (to another model's trial)
                    Meeting.Release end = meeting.meet("end", null, patience, recorder::readServer);
                    if (!end.missing().isEmpty()) {
                        System.out.println("  ... " + model + " " + this.role() + ": " + why(end, "the end", patience));
                    }
                } catch (IllegalStateException gone) {
                    // every window is recorded already: a barrier gone at the end costs the stub's count, not them
                    System.out.println("  ... " + model + " " + this.role() + ": " + gone.getMessage());
                }
                recorder.generator(new TrialRecord.Generator(
                        role.index(),
                        role.count(),
                        clock.offsetMillis(),
                        clock.boundMillis(),
                        startedMicros / 1000.0 + clock.offsetMillis()));
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
                    .run(Schedule.offsets(window, window.index() + 1, role.slice()), this::uri);
        }
        ClosedLoop users = new ClosedLoop(client, options, recorder);
        if (window.duration() == null) {
            return users.count(role.share(window.concurrency()), role.share(window.count()), deadline(), this::uri);
        }
        return users.timed(role.share(window.concurrency()), window.duration(), PATIENCE_SLACK, this::uri);
    }

    /** Why the generators stopped at a point: one of them saw the model broken, or some never came. */
    private String why(Meeting.Release release, String where, Duration waited) {
        if (release.missing().isEmpty()) {
            return release.stop();
        }
        return "generator(s) "
                + release.missing().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " of " + role.count() + " did not reach " + where + " within " + waited.toSeconds()
                + " s (died or stalled): the others stopped there";
    }

    private String role() {
        return "generator " + role;
    }

    /**
     * How long generators wait for one another at a window: the longest window (a counted one may take up to its
     * deadline), its timeout and a minute.
     */
    static Duration meetingPatience(Workload plan, Duration countedDeadline) {
        Duration longest = plan.windows().stream()
                .map(w -> w.duration() == null ? countedDeadline : w.duration())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return longest.plus(plan.request().timeout())
                .plus(PATIENCE_SLACK.multipliedBy(2))
                .plus(MEETING_SLACK);
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
                "  %s%s window %d/%d (%s): %,d sent, %,d succeeded (%,.0f/s)%s, p99 %,.1f ms%n",
                model,
                role.alone() ? "" : " " + role(),
                window.index() + 1,
                of,
                window.label(),
                result.due(),
                result.succeeded(),
                seconds > 0 ? result.succeeded() / seconds : 0,
                result.dropped() == 0 ? "" : String.format(Locale.ROOT, ", %,d dropped", result.dropped()),
                ran.p99Micros() / 1000.0);
    }

    /** This generator's last window, for generator 0 to judge with the others'. */
    private String lastWindowReport() {
        List<RunSummary.Iteration> ran = recorder.iterations();
        return ran.isEmpty() ? null : WindowSum.report(ran.get(ran.size() - 1), recorder.lastWindowResponse());
    }

    /**
     * Generator 0's judgement at a window's barrier: the last window of every generator added into one, and the
     * windows so far judged as a single run's ({@link #broken}); null to go on.
     */
    private String judgeMerged(Map<Integer, String> reports) {
        List<RunSummary.Iteration> windows = new ArrayList<>();
        Histogram response = new Histogram(3);
        for (String report : reports.values()) {
            if (report.isEmpty()) {
                continue;
            }
            WindowSum.Reported window = WindowSum.read(report);
            windows.add(window.window());
            response.add(window.response());
        }
        if (windows.size() < role.count()) {
            return null; // a generator is missing: the barrier stops them all for that
        }
        mergedWindows.add(WindowSum.of(windows.get(0).index(), windows, response));
        String stop = broken(mergedWindows);
        return stop == null ? null : stop + ", on the " + role.count() + " generators' windows added";
    }

    /**
     * Why the model has clearly broken, judged as the knee judges: the last {@code stopAfterBreaches}
     * windows, open ones in a row, each breached the SLO; or null to go on.
     */
    private String broken(List<RunSummary.Iteration> ran) {
        if (plan.slo() == null || plan.stopAfterBreaches() == 0) {
            return null;
        }
        List<Window> windows = plan.windows();
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
            // the workload's cap is the trial's: each generator holds its share
            return Math.max(1, role.share(plan.maxInFlight()));
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

    /** The next request's URI: spread over the targets in turn, with an id no other generator gives. */
    private URI uri(long ignoredIndex) {
        long local = nextId.getAndIncrement();
        return plan.request().uri(bases.get((int) (local % bases.size())), local * role.count() + role.index());
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
