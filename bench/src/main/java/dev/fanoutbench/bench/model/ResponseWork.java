package dev.fanoutbench.bench.model;

/**
 * CPU work done on each response before it counts as finished (seed lesson 11), and where it runs:
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
}
