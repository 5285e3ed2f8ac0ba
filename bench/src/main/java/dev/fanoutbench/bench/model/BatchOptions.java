package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import java.util.Objects;

/**
 * How a batch runs, the same for every model.
 *
 * @param maxInFlight most requests in flight at once; 0 means no limit
 * @param timeout     per-request limit, counted from dispatch; the request then ends as
 *                    {@link OutcomeKind#TIMEOUT} and its connection is closed
 * @param latencies   where each request's three timings are recorded
 * @param work        CPU work on each response, and where it runs
 * @param intendedStartNanos when the batch was meant to start ({@link System#nanoTime()}), 0 for
 *                    "now"; an open-loop driver passes its schedule so a late dispatcher shows
 *                    up as latency instead of being hidden (coordinated omission)
 * @param check       what a 2xx answer must also satisfy to be a success
 * @param deadline    the whole batch's limit, from its start, or null for none: what is unfinished
 *                    then ends as {@link dev.fanoutbench.results.OutcomeKind#TIMEOUT}, so a batch of
 *                    many waves against a server that stopped answering ends in bounded time
 * @param request     what each request sends: method, headers, body ({@link RequestShape#GET} by
 *                    default; null means that too)
 */
public record BatchOptions(int maxInFlight, Duration timeout, LatencyRecorder latencies, ResponseWork work,
                           long intendedStartNanos, ResponseCheck check, Duration deadline, RequestShape request) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public BatchOptions {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must be 0 (no limit) or more, got " + maxInFlight);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        Objects.requireNonNull(latencies, "latencies");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(check, "check");
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a batch's deadline must be positive, got " + deadline);
        }
        request = request == null ? RequestShape.GET : request;
    }

    /** The options before requests had a shape: every request a plain GET. */
    public BatchOptions(int maxInFlight, Duration timeout, LatencyRecorder latencies, ResponseWork work,
                        long intendedStartNanos, ResponseCheck check, Duration deadline) {
        this(maxInFlight, timeout, latencies, work, intendedStartNanos, check, deadline, RequestShape.GET);
    }

    /**
     * No limit, a 30 s timeout, no deadline, a fresh recorder, no CPU work, plain GETs, answers
     * checked against the stub's echo of the id.
     */
    public static BatchOptions defaults() {
        return new BatchOptions(0, DEFAULT_TIMEOUT, new LatencyRecorder(), ResponseWork.NONE, 0, ResponseCheck.ECHOES_ID, null,
                RequestShape.GET);
    }

    public BatchOptions withMaxInFlight(int limit) {
        return new BatchOptions(limit, timeout, latencies, work, intendedStartNanos, check, deadline, request);
    }

    public BatchOptions withTimeout(Duration limit) {
        return new BatchOptions(maxInFlight, limit, latencies, work, intendedStartNanos, check, deadline, request);
    }

    public BatchOptions withLatencies(LatencyRecorder recorder) {
        return new BatchOptions(maxInFlight, timeout, recorder, work, intendedStartNanos, check, deadline, request);
    }

    public BatchOptions withWork(ResponseWork perResponse) {
        return new BatchOptions(maxInFlight, timeout, latencies, perResponse, intendedStartNanos, check, deadline, request);
    }

    public BatchOptions withIntendedStart(long nanos) {
        return new BatchOptions(maxInFlight, timeout, latencies, work, nanos, check, deadline, request);
    }

    public BatchOptions withCheck(ResponseCheck answers) {
        return new BatchOptions(maxInFlight, timeout, latencies, work, intendedStartNanos, answers, deadline, request);
    }

    public BatchOptions withDeadline(Duration wholeBatch) {
        return new BatchOptions(maxInFlight, timeout, latencies, work, intendedStartNanos, check, wholeBatch, request);
    }

    public BatchOptions withRequest(RequestShape shape) {
        return new BatchOptions(maxInFlight, timeout, latencies, work, intendedStartNanos, check, deadline, shape);
    }

    /** The limit that applies to a batch of {@code size} requests. */
    public int effectiveLimit(int size) {
        return maxInFlight == 0 ? Math.max(1, size) : Math.min(maxInFlight, Math.max(1, size));
    }
}
