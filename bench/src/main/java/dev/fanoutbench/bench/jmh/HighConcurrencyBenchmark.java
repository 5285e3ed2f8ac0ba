package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Models;
import dev.fanoutbench.bench.model.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Seed lesson 12 under load: {@code inFlight} requests of 1 s all at once. Virtual threads and the
 * event loop wait on a handful of platform threads; the thread pool runs with a realistic fixed
 * size ({@code poolSize}, 200), so it needs ceil(inFlight / 200) waves by design; sequential is
 * skipped (10,000 s).
 * Expect: ideal 1.0 s for virtual threads and Vert.x (target 1.2x); 50 s for a pool of 200 at 10,000.
 * Run: mvn verify -Pbench -Dbench.include=HighConcurrency
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HighConcurrencyBenchmark extends BatchBenchmark {

    @Param({"thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param("10000")
    public int inFlight;

    @Param("1000")
    public int delayMs;

    @Param("200")
    public int poolSize;

    @Override
    protected ClientModel createModel() {
        return Models.create(model, poolSize);
    }

    @Override
    protected double idealMillis() {
        return (double) waves(inFlight, model.equals("thread-pool") ? poolSize : inFlight) * delayMs;
    }

    @Override
    protected int offeredConcurrency() {
        return inFlight;
    }

    @Override
    protected int threadCap() {
        return model.equals("thread-pool") && poolSize < inFlight ? poolSize : 0;
    }

    @Benchmark
    public List<Outcome> highConcurrency() {
        return runBatch(uris("items", inFlight, "?delayMs=" + delayMs), BatchOptions.defaults());
    }
}
