package dev.fanoutbench.bench.load;

import dev.fanoutbench.bench.model.Outcome;

/**
 * What a driver's run added up to: every request it was due to send ends as exactly one outcome,
 * so {@code ended == due} unless the model broke its contract.
 *
 * @param due          requests the schedule or the users asked for
 * @param firstFailure the first request that did not succeed, null if all did
 */
public record LoadResult(long due, long succeeded, long dropped, long cancelled, long ended, Outcome firstFailure) {

    /** Whether requests were due and none succeeded: a target that does not answer, rather than a slow one. */
    public boolean nothingSucceeded() {
        return due > 0 && succeeded == 0;
    }
}
