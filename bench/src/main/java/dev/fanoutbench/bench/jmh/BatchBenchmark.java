package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.VertxEventLoopClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every batch benchmark does around its measured method: create the model, warm it,
 * record each measurement iteration, write the trial's record. Subclasses are JMH states with
 * their own {@code @Param}s and one {@code @Benchmark} method; one invocation is one batch, so
 * JMH's score (single-shot time) is the wall time of a batch.
 */
public abstract class BatchBenchmark {

    protected ClientModel client;
    protected TrialRecorder recorder;
    protected URI base;

    /** The model to run, built from this trial's parameters. */
    protected abstract ClientModel createModel();

    /** The physical best for one invocation with these parameters, in milliseconds. */
    protected abstract double idealMillis();

    /** Requests in flight at once that this benchmark offers the model. */
    protected abstract int offeredConcurrency();

    /** A fixed thread pool smaller than the offered concurrency, or 0. */
    protected int threadCap() {
        return 0;
    }

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) {
        base = BenchTarget.uri();
        client = createModel();
        recorder = new TrialRecorder(params, client.name());
        // connections, classes and JIT: the wait is the lesson, not the cold start
        client.run(uris("items", 20, "?delayMs=0"), BatchOptions.defaults().withMaxInFlight(10));
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        recorder.iterationStarted();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        recorder.iterationEnded(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void endTrial() {
        long blocked = client instanceof VertxEventLoopClient vertx ? vertx.blockedThreadWarnings() : 0;
        client.close();
        recorder.finish(idealMillis(), offeredConcurrency(), threadCap(), blocked);
    }

    /** Runs one batch, records it, and returns its outcomes for JMH to consume. */
    protected List<Outcome> runBatch(List<URI> uris, BatchOptions options) {
        List<Outcome> outcomes = client.run(uris, options.withLatencies(recorder.latencies()));
        recorder.count(outcomes);
        return outcomes;
    }

    protected List<URI> uris(String endpoint, int count, String query) {
        List<URI> list = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            list.add(base.resolve("/api/" + endpoint + "/" + id + query));
        }
        return list;
    }

    protected static int waves(int requests, int lanes) {
        return (requests + lanes - 1) / lanes;
    }
}
