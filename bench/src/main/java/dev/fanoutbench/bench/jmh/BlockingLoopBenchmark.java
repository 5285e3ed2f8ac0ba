package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.VertxEventLoopClient;
import dev.fanoutbench.bench.model.VertxEventLoopClient.IoMode;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.results.Lesson;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Lesson 9, measured: a blocking HTTP client called on the Vert.x event loop, and the same
 * calls moved to its worker pool with executeBlocking. The checker's limit (100 ms) is below one
 * call (200 ms), so every blocked stretch is reported.
 * Expect: on the loop requests x delay (2 s, sequential's time) and blocked-thread warnings; on
 * workers ~one delay (200 ms) and none.
 * Run: mvn verify -Pbench -Dbench.include=BlockingLoop
 */
public class BlockingLoopBenchmark extends BatchBenchmark {

    static final long MAX_LOOP_EXECUTE_MS = 100;

    @Param({"BLOCKING_ON_LOOP", "BLOCKING_ON_WORKER"})
    public IoMode mode;

    @Param("10")
    public int requests;

    @Param("200")
    public int delayMs;

    @Override
    protected ClientModel createModel() {
        return new VertxEventLoopClient(mode, MAX_LOOP_EXECUTE_MS);
    }

    @Override
    protected TrialFacts facts() {
        double ideal = mode == IoMode.BLOCKING_ON_LOOP ? (double) requests * delayMs : delayMs;
        return new TrialFacts(Lesson.BLOCKING_LOOP, ideal, requests, 0, true, false);
    }

    @Benchmark
    public List<Outcome> blockingLoop() {
        return runBatch(uris("items", requests, "?delayMs=" + delayMs), BatchOptions.defaults());
    }
}
