package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.results.Lesson;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Lesson 12 under load: {@code inFlight} requests of 1 s all at once. Virtual threads and the
 * event loop wait on a handful of platform threads; the thread pool has a large but fixed size
 * ({@code poolSize}, 2,000 threads), so it needs ceil(inFlight / 2,000) waves by design: each
 * waiting request holds a whole thread, and a pool cannot grow to every burst. Sequential is
 * skipped (10,000 s).
 * Expect: ideal 1.0 s for virtual threads and Vert.x; 5 s for the pool of 2,000 at 10,000.
 * Run: mvn verify -Pbench -Dbench.include=HighConcurrency
 */
public class HighConcurrencyBenchmark extends BatchBenchmark {

    @Param({"thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param("10000")
    public int inFlight;

    @Param("1000")
    public int delayMs;

    @Param("2000")
    public int poolSize;

    @Override
    protected ClientModel createModel() {
        return Clients.create(model, poolSize);
    }

    @Override
    protected TrialFacts facts() {
        int lanes = Clients.kindOf(model).lanes(inFlight, poolSize);
        return new TrialFacts(
                Lesson.HIGH_CONCURRENCY,
                Clients.kindOf(model).idealMillis(inFlight, inFlight, poolSize, delayMs),
                inFlight,
                lanes < inFlight ? lanes : 0,
                true,
                false);
    }

    @Benchmark
    public List<Outcome> highConcurrency() {
        return runBatch(uris("items", inFlight, "?delayMs=" + delayMs), BatchOptions.defaults());
    }
}
