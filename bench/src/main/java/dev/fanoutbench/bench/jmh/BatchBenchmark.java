package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.EveryLane;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.VertxEventLoopClient;
import dev.fanoutbench.bench.trial.BenchTarget;
import dev.fanoutbench.bench.trial.ServerWatch;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.trial.TrialRecorder;
import dev.fanoutbench.results.ParentWatch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every batch benchmark does around its measured method: create the model, warm it,
 * record each measured iteration, write the trial's record. Subclasses add their own
 * {@code @Param}s and one {@code @Benchmark} method; one invocation is one batch, so JMH's score
 * (single-shot time, inherited from here as JMH's inheritance sample shows) is the wall time of a batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class BatchBenchmark {

    static final Duration MIN_DEADLINE = Duration.ofMinutes(1);
    /** Long enough to see what a second of idling costs (JFR's stream flushes every second); short beside a trial. */
    static final Duration BACKGROUND_SAMPLE = Duration.ofSeconds(1);

    protected ClientModel client;
    protected TrialRecorder recorder;
    protected URI base;

    /** The model to run, built from this trial's parameters. */
    protected abstract ClientModel createModel();

    /** What this trial's numbers should be judged against. */
    protected abstract TrialFacts facts();

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) {
        ParentWatch.start(BenchTarget.parentPid());
        base = BenchTarget.uri();
        client = createModel();
        recorder = new TrialRecorder(
                JmhTrials.identity(params, client.name()),
                BenchTarget.runDir(),
                BenchTarget.serverStats() ? new ServerWatch(base) : null,
                BenchTarget.interval());
        // connections, classes and JIT, on every lane of the model: the wait is the lesson, not the cold start
        failFastIfNothingSucceeded(EveryLane.warm(
                client,
                BenchTarget.warmUpRequests(),
                id -> base.resolve("/api/items/" + id + "?delayMs=0"),
                warmUpOptions()));
    }

    protected BatchOptions warmUpOptions() {
        return BatchOptions.defaults().withMaxInFlight(10);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        recorder.iterationStarted(prepareIteration(iteration.getType() == IterationType.MEASUREMENT));
    }

    /**
     * Called before every iteration, warm-up ones too (measured false); returns whether this one
     * is recorded. A subclass may answer false for an iteration it will not run.
     */
    protected boolean prepareIteration(boolean measured) {
        return measured;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        recorder.iterationEnded();
    }

    @TearDown(Level.Trial)
    public void endTrial() {
        // after the measured iterations, with nothing in flight: right after the warm-up the JIT's compiler threads
        // were still at work (measured there: 0.12 to 0.63 cores), which is not what the trial's own threads cost
        recorder.measureBackground(BACKGROUND_SAMPLE);
        long blocked = client instanceof VertxEventLoopClient vertx ? vertx.blockedThreadWarnings() : 0;
        client.close();
        recorder.finish(facts(), blocked, client.resources().summarized());
    }

    /**
     * Runs one batch, counted where it is handed over and where its outcomes come back, under a
     * deadline of ten times its ideal (at least a minute): a target that stops answering ends a
     * batch of many waves in bounded time. If no request of the batch succeeded, the trial stops
     * here: JMH ends the run, and the self-checks say what failed.
     */
    protected List<Outcome> runBatch(List<URI> uris, BatchOptions options) {
        recorder.handedOver(uris.size());
        List<Outcome> outcomes =
                client.run(uris, options.withLatencies(recorder.latencies()).withDeadline(deadline()));
        recorder.returned(outcomes);
        failFastIfNothingSucceeded(outcomes);
        return outcomes;
    }

    protected Duration deadline() {
        return Duration.ofMillis(Math.max(MIN_DEADLINE.toMillis(), (long) (10 * facts().idealMillis())));
    }

    protected static void failFastIfNothingSucceeded(List<Outcome> outcomes) {
        if (!outcomes.isEmpty() && outcomes.stream().noneMatch(Outcome::isSuccess)) {
            Outcome first = outcomes.get(0);
            throw new IllegalStateException(
                    "every one of the batch's " + outcomes.size() + " requests failed (the first: " + first.kind()
                            + ", " + first.detail() + "): is the target answering?");
        }
    }

    protected List<URI> uris(String endpoint, int count, String query) {
        List<URI> list = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            list.add(base.resolve("/api/" + endpoint + "/" + id + query));
        }
        return list;
    }
}
