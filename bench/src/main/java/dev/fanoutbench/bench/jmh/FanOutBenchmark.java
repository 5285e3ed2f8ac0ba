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
 * Lesson 1: three slow calls, one after another or together.
 * Expect: sequential ~ 3 x 200 ms = 600 ms; every concurrent model ~ 200 ms (the target is 1.03x).
 * Run: mvn verify -Pbench -Dbench.include=FanOut
 */
public class FanOutBenchmark extends BatchBenchmark {

    @Param({"sequential", "thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param("3")
    public int calls;

    @Param("200")
    public int delayMs;

    @Override
    protected ClientModel createModel() {
        return Clients.create(model, 0);
    }

    @Override
    protected TrialFacts facts() {
        double ideal = Clients.kindOf(model).idealMillis(calls, calls, 0, delayMs);
        return new TrialFacts(Lesson.FAN_OUT, ideal, calls, 0, true, false);
    }

    @Benchmark
    public List<Outcome> fanOut() {
        return runBatch(uris("items", calls, "?delayMs=" + delayMs), BatchOptions.defaults());
    }
}
