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
 * Seed lesson 5: many requests, at most {@code limit} in flight.
 * Expect: ideal ceil(1000 / 10) x 10 ms = 1.0 s (sequential: 10 s); the server never sees more than 10.
 * Run: mvn verify -Pbench -Dbench.include=BoundedBatch
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BoundedBatchBenchmark extends BatchBenchmark {

    @Param({"sequential", "thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param("1000")
    public int batchSize;

    @Param("10")
    public int limit;

    @Param("10")
    public int delayMs;

    @Override
    protected ClientModel createModel() {
        return Models.create(model);
    }

    @Override
    protected double idealMillis() {
        return (double) waves(batchSize, model.equals("sequential") ? 1 : limit) * delayMs;
    }

    @Override
    protected int offeredConcurrency() {
        return limit;
    }

    @Benchmark
    public List<Outcome> boundedBatch() {
        return runBatch(uris("items", batchSize, "?delayMs=" + delayMs), BatchOptions.defaults().withMaxInFlight(limit));
    }
}
