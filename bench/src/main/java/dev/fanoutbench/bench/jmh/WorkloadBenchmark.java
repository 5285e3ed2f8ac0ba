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
    static final long WAIT_STEP_NANOS = 1_000_000;

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

    /** The window's successes. Outcomes are not kept: a success carries its body, and a window of 256 KiB answers would fill the heap. */
    @Benchmark
    public long window() {
        Tally tally = current.open() ? open(current) : closed(current);
        tally.failFastIfNothingSucceeded();
        return tally.successes.get();
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

    private Tally open(Window window) {
        long[] offsets = Schedule.offsets(window, window.index() + 1);
        List<URI> uris = uris(offsets.length);
        List<Batch> batches = new ArrayList<>(offsets.length);
        BatchOptions options = options().withLatencies(recorder.latencies());
        Tally tally = new Tally();
        int drained = 0;
        long start = System.nanoTime();
        for (int i = 0; i < offsets.length; i++) {
            long due = start + offsets[i];
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            recorder.handedOver(1);
            batches.add(client.start(List.of(uris.get(i)), options.withIntendedStart(due)));
            // what has ended is counted and let go as the window runs: only what is in flight stays on the heap
            while (drained < batches.size() && batches.get(drained).isDone()) {
                tally.add(batches.get(drained).await(PATIENCE_SLACK));
                batches.set(drained++, null);
            }
        }
        long last = offsets.length == 0 ? 0 : offsets[offsets.length - 1];
        // one deadline for the whole window: the last request's own timeout, not one per request added up. A request
        // still waiting then (a pool far past its knee queues them by the thousand, and a timeout counts from dispatch)
        // is cancelled: an outcome the knee counts as a failure, never a request lost
        long deadline = start + last + options.timeout().toNanos() + PATIENCE_SLACK.toNanos();
        for (int i = drained; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            while (!batch.isDone() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(WAIT_STEP_NANOS);
            }
            if (!batch.isDone()) {
                batch.cancel();
            }
            tally.add(batch.await(PATIENCE_SLACK));
            batches.set(i, null);
        }
        return tally;
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
