package dev.fanoutbench.bench.model;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread-pool model's platform threads, kept from batch to batch: threads made once are warm (their stacks
 * touched, their code compiled) for every batch after. Either a fixed number, or as many as were ever busy at once:
 * the pool grows when a batch needs more threads than are free, and never shrinks.
 *
 * <p>A batch gets runners, not a task per request: each runner sends the batch's next request until none is left,
 * so a batch with a limit of n holds at most n threads and needs no permits. A task per request behind a semaphore
 * holds a thread for every request waiting for its permit: after a large batch, a small one would take all the
 * large one's threads to wait on its few permits, and a batch started beside it would queue behind them.
 */
final class RequestThreads {

    private final ThreadPoolExecutor executor;
    private final boolean grows;
    private final AtomicInteger made = new AtomicInteger();
    /** Runners handed to the executor and not yet done; guarded by this. */
    private int busy;

    private RequestThreads(int size, boolean grows, String name) {
        this.grows = grows;
        this.executor = new ThreadPoolExecutor(
                size,
                size,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform()
                        .daemon()
                        .name(name + "-" + made.getAndIncrement())
                        .unstarted(task));
    }

    /** Exactly {@code size} threads, whatever the batches ask. */
    static RequestThreads fixed(int size, String name) {
        return new RequestThreads(size, false, name);
    }

    /** As many threads as the batches running at once have needed at the most. */
    static RequestThreads growing(String name) {
        return new RequestThreads(1, true, name);
    }

    /**
     * Runs {@code runner} on up to {@code threads} threads at once: on as many on a growing pool (grown first if
     * fewer are free), on at most its size on a fixed one.
     */
    void run(int threads, Runnable runner) {
        int runners = grows ? threads : Math.min(threads, executor.getMaximumPoolSize());
        if (grows) {
            reserve(runners);
        }
        for (int i = 0; i < runners; i++) {
            executor.execute(grows ? () -> runThenFree(runner) : runner);
        }
    }

    private synchronized void reserve(int runners) {
        busy += runners;
        if (busy > executor.getMaximumPoolSize()) {
            // the maximum first: a core size above it is refused
            executor.setMaximumPoolSize(busy);
            executor.setCorePoolSize(busy);
        }
    }

    private void runThenFree(Runnable runner) {
        try {
            runner.run();
        } finally {
            synchronized (this) {
                busy--;
            }
        }
    }

    /** Threads made since the pool started: how many a run of batches really cost. */
    int made() {
        return made.get();
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
