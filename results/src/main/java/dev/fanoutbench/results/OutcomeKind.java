package dev.fanoutbench.results;

/**
 * How one request ended: every request a run starts ends as exactly one of these, and the counts
 * add up to the requests sent.
 */
public enum OutcomeKind {
    /**
     * a status the request counts as a success (2xx unless a workload says otherwise) with a body that passed the
     * batch's check (the stub's: it echoes the request's id)
     */
    SUCCESS,
    /** a status line arrived, outside the statuses that count as a success (429, 500, 503 ...) */
    HTTP_ERROR,
    /** the per-request time limit ran out; the connection was released */
    TIMEOUT,
    /** the batch (or this request) was cancelled before it finished */
    CANCELLED,
    /** a status the request counts as a success, but a body that failed the batch's check (it does not echo the id) */
    BAD_ANSWER,
    /** reset, closed without an answer, malformed chunks */
    CONNECTION_ERROR,
    /** started and never finished: the model lost track of it */
    LOST,
    /**
     * due on an open schedule while the client already held its cap of requests in flight: never
     * sent, so the harness's memory stays bounded past the model's capacity (k6's dropped
     * iterations). Has no latency.
     */
    DROPPED;

    public boolean isFailure() {
        return this != SUCCESS;
    }
}
