package dev.fanoutbench.bench.model;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The per-request timeouts of one model. A scheduled executor's queue is one lock: with thousands
 * of requests scheduling and cancelling at once they would all queue on it. So the timeouts are
 * striped over a few single-thread schedulers by request index, and a cancelled timeout leaves
 * the queue at once instead of lingering until it would have fired.
 *
 * <p>Thread-safe.
 */
final class Timeouts implements AutoCloseable {

    private final ScheduledThreadPoolExecutor[] stripes;

    Timeouts(String name) {
        stripes =
                new ScheduledThreadPoolExecutor[Math.max(2, Runtime.getRuntime().availableProcessors())];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ScheduledThreadPoolExecutor(
                    1,
                    Thread.ofPlatform().daemon().name(name + "-timeouts-" + i).factory());
            stripes[i].setRemoveOnCancelPolicy(true);
            stripes[i].prestartAllCoreThreads(); // the first request should not pay for starting a thread
        }
    }

    ScheduledFuture<?> schedule(int requestIndex, Runnable onTimeout, long delayNanos) {
        return stripes[Math.floorMod(requestIndex, stripes.length)].schedule(
                onTimeout, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        for (ScheduledThreadPoolExecutor stripe : stripes) {
            stripe.shutdownNow();
        }
    }
}
