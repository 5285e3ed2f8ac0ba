package dev.fanoutbench.results;

/**
 * How one request ended: every request a run starts ends as exactly one of these, and the counts
 * add up to the requests sent.
 */
public enum OutcomeKind {
    /** 2xx with a body that passed the batch's check (the stub's: it echoes the request's id) */
    SUCCESS,
    /** a status line arrived, and it was not 2xx (429, 500, 503 ...) */
    HTTP_ERROR,
    /** the per-request time limit ran out; the connection was released */
    TIMEOUT,
    /** the batch (or this request) was cancelled before it finished */
    CANCELLED,
    /** reset, closed without an answer, malformed chunks or a body that does not match */
    CONNECTION_ERROR,
    /** started and never finished: the model lost track of it */
    LOST;

    public boolean isFailure() {
        return this != SUCCESS;
    }
}
