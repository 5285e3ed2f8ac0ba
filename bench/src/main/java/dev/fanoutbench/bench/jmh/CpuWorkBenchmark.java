package dev.fanoutbench.bench.jmh;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.CpuWork;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.ResponseWork;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.results.Lesson;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Lesson 11, measured: {@code requests} responses arrive together after {@code delayMs}, each
 * followed by ~{@code cpuMs} of real computation, in place or on a worker pool (one thread per core).
 * Expect: delay + requests x cpu / cores for everything but Vert.x in place, which does the work on
 * its one event loop: delay + requests x cpu. Nothing beats the core count.
 * Run: mvn verify -Pbench -Dbench.include=CpuWork
 */
public class CpuWorkBenchmark extends BatchBenchmark {

    @Param({"thread-pool", "virtual-threads", "vertx"})
    public String model;

    @Param({"IN_PLACE", "WORKER_POOL"})
    public ResponseWork.Placement placement;

    @Param("10")
    public int requests;

    @Param("100")
    public int delayMs;

    @Param("20")
    public int cpuMs;

    private CpuWork work;

    @Override
    protected ClientModel createModel() {
        work = CpuWork.calibrated(Duration.ofMillis(cpuMs));
        return Clients.create(model, 0);
    }

    @Override
    protected TrialFacts facts() {
        double ideal =
                new ResponseWork(work, placement).idealBatchNanos(Clients.kindOf(model), requests, delayMs) / 1e6;
        return new TrialFacts(Lesson.CPU_WORK, ideal, requests, 0, true, false);
    }

    @Benchmark
    public List<Outcome> cpuWork() {
        return runBatch(
                uris("items", requests, "?delayMs=" + delayMs),
                BatchOptions.defaults().withWork(new ResponseWork(work, placement)));
    }
}
