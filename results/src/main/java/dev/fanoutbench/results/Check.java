package dev.fanoutbench.results;

/**
 * The self-checks a run applies to each trial. A failure means the trial's numbers cannot be
 * trusted and fails the run; a note is true and worth knowing, but by design or informational.
 */
public enum Check {
    /** every request handed to the model ended as exactly one outcome */
    OUTCOMES_ADD_UP(Severity.FAILURE),
    /** the model returned one outcome per request it was given */
    ONE_OUTCOME_PER_REQUEST(Severity.FAILURE),
    /** no request was started and never finished */
    NOTHING_LOST(Severity.FAILURE),
    /** no request failed where the benchmark expects none */
    NO_UNEXPECTED_FAILURES(Severity.FAILURE),
    /** the server received what the client sent: no retries, no duplicates, nothing missing */
    SERVER_AGREES(Severity.FAILURE),
    /** every JMH result has its trial record, and every record its result */
    TRIAL_RECORDED(Severity.FAILURE),

    /** the stub's own lateness is a material share of the latency the client saw */
    STUB_LATE(Severity.NOTE),
    /** the stub could not measure from the client's send time: its lateness is a lower bound */
    STUB_LATENESS_LOWER_BOUND(Severity.NOTE),
    /** a fixed pool smaller than the offered concurrency: it runs in waves */
    FIXED_POOL_BELOW_CONCURRENCY(Severity.NOTE),
    /** a virtual thread blocked while pinned to its carrier during the measurement */
    VIRTUAL_THREAD_PINNED(Severity.NOTE),
    /** Vert.x reported its event loop blocked */
    EVENT_LOOP_BLOCKED(Severity.NOTE);

    public enum Severity {
        FAILURE,
        NOTE
    }

    private final Severity severity;

    Check(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
