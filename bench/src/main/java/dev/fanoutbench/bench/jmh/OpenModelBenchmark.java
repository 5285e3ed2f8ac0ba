package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.load.InFlightCap;
import dev.fanoutbench.bench.load.LoadResult;
import dev.fanoutbench.bench.load.OpenLoop;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.results.Lesson;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * An open model, wrk2-style: requests arrive at a constant rate whatever the client's state, and
 * each one's latency counts from when it was due, not from when the driver got round to it; so a
 * client that falls behind shows it (coordinated omission, after Gil Tene's wrk2). JMH itself
 * calls a benchmark back to back, a closed model: this method drives the schedule inside.
 * Sequential is skipped: at 500 req/s of ~100 ms each it falls behind by design and never
 * catches up. The thread pool has 200 threads, four times the ~50 requests in flight on average.
 * Expect: response time ~ the jitter stub's own lognormal (median 100 ms) plus small overhead;
 * the score (wall time of the whole schedule, 5 s) is only the run's length, so comparisons judge
 * this trial by its latency and throughput.
 * Run: mvn verify -Pbench -Dbench.include=OpenModel
 */
public class OpenModelBenchmark extends BatchBenchmark {

    static final int MEDIAN_MS = 100;
    /** Four times the ~50 requests in flight on average at 500/s. */
    static final int POOL_SIZE = 200;

    static final Duration PATIENCE_SLACK = Duration.ofSeconds(5);

    @Param({"thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param("500")
    public int ratePerSecond;

    @Param("5")
    public int durationSeconds;

    @Override
    protected ClientModel createModel() {
        return Clients.create(model, POOL_SIZE);
    }

    @Override
    protected TrialFacts facts() {
        // the score is only the schedule's length: the run judges this trial by its latency
        return new TrialFacts(
                Lesson.OPEN_MODEL,
                durationSeconds * 1000.0 + MEDIAN_MS,
                Math.max(1, ratePerSecond * MEDIAN_MS / 1000),
                0,
                false,
                false);
    }

    @Benchmark
    public long openModel() {
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long[] offsets = new long[ratePerSecond * durationSeconds];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * periodNanos;
        }
        LoadResult result = new OpenLoop(
                        client,
                        BatchOptions.defaults().withLatencies(recorder.latencies()),
                        InFlightCap.forThisJvm(0),
                        PATIENCE_SLACK,
                        recorder)
                .run(offsets, i -> base.resolve("/api/jitter/" + i));
        if (result.ended() > 0 && result.succeeded() == 0) {
            failFastIfNothingSucceeded(List.of(result.firstFailure()));
        }
        return result.succeeded();
    }
}
