package dev.fanoutbench.bench.cost;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.HarnessOnly;
import dev.fanoutbench.bench.model.LatencyRecorder;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the harness costs per request, without any I/O: a batch benchmark's own path (its URIs
 * built, the batch run through the null model's accounting, every outcome recorded) on batches
 * of {@value #BATCH}. The score is microseconds per request: the part of every model's CPU per
 * request that is the harness's, not the model's.
 * Expect: a few microseconds.
 * Run: every `mvn verify -Pbench` runs it first; alone: scripts/client-cost.sh --harness-only
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(HarnessCostBenchmark.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HarnessCostBenchmark {

    static final int BATCH = 1_000;

    private final URI base = URI.create("http://127.0.0.1:8080/");
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final String[] bodies = new String[BATCH];
    private HarnessOnly model;
    private BatchOptions options;

    @Setup
    public void setUp() {
        for (int id = 0; id < BATCH; id++) {
            bodies[id] = "{\"id\":\"" + id + "\",\"endpoint\":\"items\"}"; // what the stub answers
        }
        model = new HarnessOnly(index -> bodies[index]);
        options = BatchOptions.defaults().withLatencies(latencies);
    }

    @Benchmark
    public List<Outcome> batch() {
        List<URI> uris = new ArrayList<>(BATCH);
        for (int id = 0; id < BATCH; id++) {
            uris.add(base.resolve("/api/items/" + id + "?delayMs=0"));
        }
        List<Outcome> outcomes = model.run(uris, options);
        latencies.intervalSnapshot(); // a recorder's interval is cut every second in a real run; here every batch
        return outcomes;
    }

    @TearDown
    public void tearDown() {
        model.close();
    }
}
