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
 * Lesson 5: many requests, at most {@code limit} in flight.
 * Expect: ideal ceil(1000 / 10) x 10 ms = 1.0 s (sequential: 10 s); the server never sees more than 10.
 * Run: mvn verify -Pbench -Dbench.include=BoundedBatch
 */
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
        return Clients.create(model, 0);
    }

    @Override
    protected TrialFacts facts() {
        double ideal = Clients.kindOf(model).idealMillis(batchSize, limit, 0, delayMs);
        return new TrialFacts(Lesson.BOUNDED_BATCH, ideal, limit, 0, true, false);
    }

    @Benchmark
    public List<Outcome> boundedBatch() {
        return runBatch(
                uris("items", batchSize, "?delayMs=" + delayMs),
                BatchOptions.defaults().withMaxInFlight(limit));
    }
}
