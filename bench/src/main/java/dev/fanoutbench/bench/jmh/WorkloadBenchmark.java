package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.Batch;
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
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A workload file, one model: each measured iteration runs the workload's next window (a step, a
 * second of a ramp, a constant phase, a closed phase), so the summary has one sample per window
 * and the knee can be read off them. Open windows are sent on their schedule whatever the client's
 * state, each request's latency counted from when it was due (as {@link OpenModelBenchmark});
 * closed windows keep their concurrency busy. BenchMain sets the iterations from the file.
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
    private Window current;
    private int measured;
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
        List<RunSummary.LoadWindow> load = windows.stream().map(window -> new RunSummary.LoadWindow(window.label(),
                window.open() ? window.offeredPerSecond() : 0, window.duration() == null ? 0 : window.duration().toMillis() / 1000.0,
                window.concurrency())).toList();
        RunSummary.Slo slo = w.slo() == null ? null : new RunSummary.Slo(w.slo().p99().toNanos() / 1e6, w.slo().errorRatio());
        double meanMillis = load.stream().mapToDouble(RunSummary.LoadWindow::seconds).average().orElse(0) * 1000;
        int closed = windows.stream().mapToInt(Window::concurrency).max().orElse(0);
        int cap = ModelKind.named(model) == ModelKind.THREAD_POOL ? w.threadPoolSize() : 0;
        // the score is each window's length: the run judges this trial by its windows, not its score; and past its
        // knee a model fails requests by design (timeouts), which the knee reports rather than the self-checks
        return new TrialFacts(meanMillis, Math.max(1, closed), cap, false, true, new RunSummary.Load(w.name(), load, slo));
    }

    @Setup(Level.Iteration)
    public void chooseWindow(IterationParams iteration) {
        if (iteration.getType() == IterationType.WARMUP) {
            current = plan().warmupWindow().orElse(windows.get(0));
        } else {
            if (measured >= windows.size()) {
                throw new IllegalStateException("JMH asked for measured iteration " + (measured + 1) + " of a workload with "
                        + windows.size() + " windows: pass -i " + windows.size());
            }
            current = windows.get(measured++);
        }
    }

    @Benchmark
    public List<Outcome> window() {
        return current.open() ? open(current) : closed(current);
    }

    private List<Outcome> open(Window window) {
        long[] offsets = Schedule.offsets(window, window.index() + 1);
        List<URI> uris = uris(offsets.length);
        List<Batch> batches = new ArrayList<>(offsets.length);
        BatchOptions options = options().withLatencies(recorder.latencies());
        long start = System.nanoTime();
        for (int i = 0; i < offsets.length; i++) {
            long due = start + offsets[i];
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            recorder.handedOver(1);
            batches.add(client.start(List.of(uris.get(i)), options.withIntendedStart(due)));
        }
        long last = offsets.length == 0 ? 0 : offsets[offsets.length - 1];
        // one deadline for the whole window: the last request's own timeout, not one per request added up
        long deadline = start + last + options.timeout().toNanos() + PATIENCE_SLACK.toNanos();
        List<Outcome> outcomes = new ArrayList<>(offsets.length);
        for (Batch batch : batches) {
            outcomes.addAll(batch.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        recorder.returned(outcomes);
        failFastIfNothingSucceeded(outcomes);
        return outcomes;
    }

    private List<Outcome> closed(Window window) {
        BatchOptions options = options().withMaxInFlight(window.concurrency());
        if (window.duration() == null) {
            return runBatch(uris((int) window.count()), options);
        }
        // a closed loop for a time: each of `concurrency` users sends its next request when its last one ends
        long end = System.nanoTime() + window.duration().toNanos();
        BatchOptions recorded = options.withLatencies(recorder.latencies());
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < window.concurrency(); u++) {
            users.add(Thread.ofVirtual().name("workload-user-" + u).start(() -> {
                while (System.nanoTime() < end) {
                    recorder.handedOver(1);
                    List<Outcome> one = client.run(uris(1), recorded);
                    recorder.returned(one);
                    outcomes.addAll(one);
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
        failFastIfNothingSucceeded(outcomes);
        return outcomes;
    }

    /** The workload's request as a model sends it: its method, headers, body, timeout and success check. */
    private BatchOptions options() {
        RequestSpec request = plan().request();
        return BatchOptions.defaults()
                .withTimeout(request.timeout())
                .withRequest(new RequestShape(request.method(), request.headers(), request.bodyBytes()))
                .withCheck(request.echoId() ? ResponseCheck.ECHOES_ID : ResponseCheck.ANY_2XX);
    }

    private List<URI> uris(int count) {
        List<URI> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(plan().request().uri(base, nextId.getAndIncrement()));
        }
        return list;
    }
}
