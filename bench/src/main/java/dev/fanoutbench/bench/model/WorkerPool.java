package dev.fanoutbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where offloaded CPU work runs: one platform thread per core, for every model (the event loop's
 * offloaded work goes to a Vert.x worker executor of this size), so no model gets more threads for
 * the same cores.
 */
final class WorkerPool {

    static final int SIZE = Runtime.getRuntime().availableProcessors();

    private WorkerPool() {}

    static ExecutorService forCores(String name) {
        return Executors.newFixedThreadPool(
                SIZE, Thread.ofPlatform().daemon().name(name + "-cpu-", 0).factory());
    }
}
