package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.load.LoadResult;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.load.InFlightCap;
import dev.fanoutbench.bench.load.OpenLoop;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.RequestShape;
import dev.fanoutbench.bench.model.ResponseCheck;
import dev.fanoutbench.bench.workload.RequestSpec;
import dev.fanoutbench.bench.workload.Schedule;
import dev.fanoutbench.bench.workload.Window;
import dev.fanoutbench.bench.workload.Workload;
import dev.fanoutbench.bench.workload.WorkloadFile;
import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A workload file, one model: each measured iteration runs the workload's next window (a step, a
 * second of a ramp, a constant phase, a closed phase), so the summary has one sample per window
 * and the knee can be read off them. Open windows are sent on their schedule whatever the client's
 * state ({@link OpenLoop}: at most the workload's {@code maxInFlight} in flight, the rest dropped
 * and counted), each request's latency counted from when it was due; closed windows keep their
 * concurrency busy. Once {@code stopAfterBreaches} open windows in a row breached the SLO, the
 * model has broken and its remaining windows are not run (the summary says so). BenchMain sets the
 * iterations from the file.
 * Run: mvn verify -Pbench -Dbench.workload=workloads/knee.yaml
 */
public class WorkloadBenchmark extends BatchBenchmark {

    static final Duration PATIENCE_SLACK = Duration.ofSeconds(5);

    /** The workload file, as an absolute path. */
    @Param("")
    public String workload;

    @Param({"thread-pool", "virtual-threads", "vertx"})
    public String model;

    private Workload plan;
    private List<Window> windows;
    /** The window of this iteration, null when it is not run. */
    private Window current;
    private int windowsStarted;
    private String stopped;
    private final AtomicLong nextId = new AtomicLong();

    private Workload plan() {
        if (plan == null) {
            if (workload == null || workload.isBlank()) {
                throw new IllegalStateException("no -p workload=FILE: run it as mvn verify -Pbench -Dbench.workload=FILE");
            }
            plan = WorkloadFile.read(Path.of(workload));
            windows = plan.windows();
        }
        return plan;
    }

    @Override
    protected ClientModel createModel() {
        return ModelKind.named(model).create(plan().threadPoolSize());
    }

    @Override
    protected List<URI> warmUpRequests() {
        return uris(20);
    }

    @Override
    protected BatchOptions warmUpOptions() {
        return options().withMaxInFlight(10);
    }

    @Override
    protected TrialFacts facts() {
        Workload w = plan();
        List<RunSummary.LoadWindow> load = windows.stream().map(WorkloadBenchmark::loadWindow).toList();
        RunSummary.Slo slo = w.slo() == null ? null : slo(w);
        double meanMillis = load.stream().mapToDouble(RunSummary.LoadWindow::seconds).average().orElse(0) * 1000;
        int closed = windows.stream().mapToInt(Window::concurrency).max().orElse(0);
        int cap = ModelKind.named(model) == ModelKind.THREAD_POOL ? w.threadPoolSize() : 0;
        // the score is each window's length: the run judges this trial by its windows, not its score; and past its
        // knee a model fails requests by design (timeouts), which the knee reports rather than the self-checks
        return new TrialFacts(meanMillis, Math.max(1, closed), cap, false, true, new RunSummary.Load(w.name(), load, slo, maxInFlight(), stopped));
    }

    private static RunSummary.LoadWindow loadWindow(Window window) {
        return new RunSummary.LoadWindow(window.label(), window.open() ? window.offeredPerSecond() : 0,
                window.duration() == null ? 0 : window.duration().toMillis() / 1000.0, window.concurrency());
    }

    private static RunSummary.Slo slo(Workload w) {
        return new RunSummary.Slo(w.slo().p99().toNanos() / 1e6, w.slo().errorRatio());
    }

    /** A window is chosen before each iteration; once the model has broken, the rest are not run. */
    @Override
    protected boolean prepareIteration(boolean measured) {
        if (!measured) {
            current = plan().warmupWindow().orElse(windows.get(0));
            return false;
        }
        if (windowsStarted >= windows.size()) {
            throw new IllegalStateException("JMH asked for measured iteration " + (windowsStarted + 1) + " of a workload with "
                    + windows.size() + " windows: pass -i " + windows.size());
        }
        Window next = windows.get(windowsStarted++);
        if (stopped == null) {
            stopped = broken();
        }
        current = stopped == null ? next : null;
        return current != null;
    }

    /**
     * Why the model has clearly broken, judged as the knee judges: the last {@code stopAfterBreaches}
     * windows, open ones in a row, each breached the SLO; or null to go on.
     */
    private String broken() {
        Workload w = plan();
        if (w.slo() == null || w.stopAfterBreaches() == 0) {
            return null;
        }
        List<RunSummary.Iteration> ran = recorder.iterations();
        int breaches = 0;
        for (int i = ran.size() - 1; i >= 0 && breaches < w.stopAfterBreaches(); i--) {
            Window window = windows.get(ran.get(i).index() - 1);
            if (!window.open() || Knee.measured(loadWindow(window), List.of(ran.get(i))).judged(slo(w)).met()) {
                break;
            }
            breaches++;
        }
        if (breaches < w.stopAfterBreaches()) {
            return null;
        }
        String text = String.format(Locale.ROOT, "stopped after %s: %d open windows in a row breached the SLO (stopAfterBreaches: %d)",
                windows.get(ran.get(ran.size() - 1).index() - 1).label(), breaches, w.stopAfterBreaches());
        System.out.println("  ... " + model + ": " + text);
        return text;
    }

    /** The window's successes. Outcomes are not kept: a success carries its body, and a window of 256 KiB answers would fill the heap. */
    @Benchmark
    public long window() {
        if (current == null) {
            return 0; // not run: the model had broken
        }
        if (current.open()) {
            LoadResult result = openLoop().run(Schedule.offsets(current, current.index() + 1),
                    i -> plan().request().uri(base, nextId.getAndIncrement()));
            if (result.ended() > 0 && result.succeeded() == 0) {
                failFastIfNothingSucceeded(List.of(result.firstFailure()));
            }
            return result.succeeded();
        }
        Tally tally = closed(current);
        tally.failFastIfNothingSucceeded();
        return tally.successes.get();
    }

    private OpenLoop openLoop() {
        return new OpenLoop(client, options().withLatencies(recorder.latencies()), maxInFlight(), PATIENCE_SLACK,
                recorder);
    }

    /** The workload's cap, or what this JVM's heap and open-file limit hold for answers of the size it asks for. */
    private int maxInFlight() {
        Workload w = plan();
        if (w.maxInFlight() > 0) {
            return w.maxInFlight();
        }
        String bytes = w.request().query().get("bytes");
        long answer = bytes != null && bytes.matches("\\d{1,9}") ? Long.parseLong(bytes) : 0;
        return InFlightCap.forThisJvm(answer);
    }

    /** What a window's outcomes add up to, and the first failure to name if none succeeded. */
    private final class Tally {
        final AtomicLong successes = new AtomicLong();
        final AtomicLong ended = new AtomicLong();
        volatile Outcome firstFailure;

        void add(List<Outcome> outcomes) {
            recorder.returned(outcomes);
            for (Outcome outcome : outcomes) {
                ended.incrementAndGet();
                if (outcome.isSuccess()) {
                    successes.incrementAndGet();
                } else if (firstFailure == null) {
                    firstFailure = outcome;
                }
            }
        }

        void failFastIfNothingSucceeded() {
            if (ended.get() > 0 && successes.get() == 0) {
                BatchBenchmark.failFastIfNothingSucceeded(List.of(firstFailure));
            }
        }
    }

    private Tally closed(Window window) {
        BatchOptions options = options().withMaxInFlight(window.concurrency());
        Tally tally = new Tally();
        if (window.duration() == null) {
            List<URI> uris = uris((int) window.count());
            recorder.handedOver(uris.size());
            tally.add(client.run(uris, options.withLatencies(recorder.latencies()).withDeadline(deadline())));
            return tally;
        }
        // a closed loop for a time: each of `concurrency` users sends its next request when its last one ends
        long end = System.nanoTime() + window.duration().toNanos();
        BatchOptions recorded = options.withLatencies(recorder.latencies());
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < window.concurrency(); u++) {
            users.add(Thread.ofVirtual().name("workload-user-" + u).start(() -> {
                while (System.nanoTime() < end) {
                    recorder.handedOver(1);
                    tally.add(client.run(uris(1), recorded));
                }
            }));
        }
        for (Thread user : users) {
            try {
                user.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the window's users ran", e);
            }
        }
        return tally;
    }

    /** The workload's request as a model sends it: its method, headers, body, timeout and success check. */
    private BatchOptions options() {
        RequestSpec request = plan().request();
        return BatchOptions.defaults()
                .withTimeout(request.timeout())
                .withRequest(new RequestShape(request.method(), request.headers(), request.bodyBytes()))
                .withCheck(request.echoId() ? ResponseCheck.ECHOES_ID : ResponseCheck.ANY_2XX)
                .withSuccess(request.success());
    }

    private List<URI> uris(int count) {
        List<URI> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(plan().request().uri(base, nextId.getAndIncrement()));
        }
        return list;
    }
}
