package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.RunSummary;

/**
 * What a model runs on, so that models are compared on the same resources and measured warm.
 *
 * @param cpuWorkers  threads for offloaded CPU work ({@link ResponseWork.Placement#WORKER_POOL}): one per core on
 *                    every model, so none gets more for the same cores
 * @param lanes       the parts of a model that each must be warmed on their own: the event-loop model's loops, each
 *                    with its own client and connections. A thread-based model has no lanes of its own (its threads
 *                    share one client, and a thread per request or per pool is not a lane) and counts as one
 * @param lanesWarmed lanes on which at least one request has been answered
 */
public record Resources(int cpuWorkers, int lanes, int lanesWarmed) {

    /** What a model that does not say reports: nothing warmed, so a check that all lanes are warm fails on it. */
    static final Resources UNREPORTED = new Resources(0, 1, 0);

    public boolean allLanesWarmed() {
        return lanesWarmed == lanes;
    }

    /** As a run's summary keeps it, with the connections every client may open ({@link HttpPolicy}). */
    public RunSummary.Resources summarized() {
        return new RunSummary.Resources(cpuWorkers, HttpPolicy.POOL_SIZE, lanes, lanesWarmed);
    }
}
