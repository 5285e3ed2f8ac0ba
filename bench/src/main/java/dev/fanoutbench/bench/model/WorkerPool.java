package dev.fanoutbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Where offloaded CPU work runs for the thread-based models: one platform thread per core. */
final class WorkerPool {

    private WorkerPool() {}

    static ExecutorService forCores(String name) {
        return Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().name(name + "-cpu-", 0).factory());
    }
}
