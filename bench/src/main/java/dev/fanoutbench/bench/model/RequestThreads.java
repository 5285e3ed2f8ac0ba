package dev.fanoutbench.bench.model;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

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
     * Sends items {@code 0..items-1} through {@code work}, in order, on up to {@code threads} runners at once: on
     * as many on a growing pool (grown first if fewer are free), on at most its size on a fixed one.
     *
     * <p>The batch gives its threads back to the pool's count when its last item is taken, not when its runners
     * return: the batch ends when that item's outcome is in, and runners still unwinding then would make the next
     * batch grow the pool by threads it does not need.
     */
    void drain(int threads, int items, IntConsumer work) {
        int runners = grows ? threads : Math.min(threads, executor.getMaximumPoolSize());
        Reservation reservation = grows ? reserve(runners) : null;
        AtomicInteger next = new AtomicInteger();
        for (int r = 0; r < runners; r++) {
            executor.execute(() -> {
                try {
                    for (int item = next.getAndIncrement(); item < items; item = next.getAndIncrement()) {
                        if (item == items - 1 && reservation != null) {
                            reservation.free();
                        }
                        work.accept(item);
                    }
                } finally {
                    if (reservation != null) {
                        reservation.free();
                    }
                }
            });
        }
    }

    private synchronized Reservation reserve(int runners) {
        busy += runners;
        if (busy > executor.getMaximumPoolSize()) {
            // the maximum first: a core size above it is refused
            executor.setMaximumPoolSize(busy);
            executor.setCorePoolSize(busy);
        }
        return new Reservation(runners);
    }

    /** One batch's threads in the pool's count, given back once. */
    private final class Reservation {
        private final int threads;
        private final AtomicBoolean freed = new AtomicBoolean();

        Reservation(int threads) {
            this.threads = threads;
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                synchronized (RequestThreads.this) {
                    busy -= threads;
                }
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
