package dev.fanoutbench.bench.model;

/**
 * CPU work done on each response before it counts as finished (lesson 11), and where it runs:
 * on the thread or event loop that received the response, or handed to a worker pool.
 *
 * @param work      a fixed amount of computation (not a wall-clock spin, so it cannot "finish"
 *                  faster by sharing a core)
 * @param placement where the work runs
 */
public record ResponseWork(CpuWork work, Placement placement) {

    public enum Placement {
        /** on the receiving thread: a platform thread, a virtual thread's carrier, the event loop */
        IN_PLACE,
        /** on a worker pool sized to the machine's cores */
        WORKER_POOL
    }

    public static final ResponseWork NONE = new ResponseWork(CpuWork.NONE, Placement.IN_PLACE);

    public boolean isNone() {
        return work.iterations() == 0;
    }

    /**
     * The physical best for {@code requests} answers that arrive together after {@code delayMillis},
     * each followed by this work: sequential pays delay and work for each in turn; the event loop
     * does in-place work one response at a time; everything else spreads it over the cores.
     */
    public long idealBatchNanos(ModelKind kind, int requests, long delayMillis) {
        long delay = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(delayMillis);
        long cpu = work.measuredNanos();
        if (kind == ModelKind.SEQUENTIAL) {
            return requests * (delay + cpu);
        }
        int lanes = kind == ModelKind.VERTX && placement == Placement.IN_PLACE
                ? 1
                : Runtime.getRuntime().availableProcessors();
        return delay + cpu * ModelKind.waves(requests, lanes);
    }
}
