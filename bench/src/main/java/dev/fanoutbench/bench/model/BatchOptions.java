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
 * @param success     the statuses that count as a success (any 2xx by default; null means that too);
 *                    any other status ends the request as {@link OutcomeKind#HTTP_ERROR}
 */
public record BatchOptions(
        int maxInFlight,
        Duration timeout,
        LatencyRecorder latencies,
        ResponseWork work,
        long intendedStartNanos,
        ResponseCheck check,
        Duration deadline,
        RequestShape request,
        SuccessStatus success) {

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
        success = success == null ? SuccessStatus.ANY_2XX : success;
    }

    /** The options before requests had a shape: every request a plain GET. */
    public BatchOptions(
            int maxInFlight,
            Duration timeout,
            LatencyRecorder latencies,
            ResponseWork work,
            long intendedStartNanos,
            ResponseCheck check,
            Duration deadline) {
        this(
                maxInFlight,
                timeout,
                latencies,
                work,
                intendedStartNanos,
                check,
                deadline,
                RequestShape.GET,
                SuccessStatus.ANY_2XX);
    }

    /**
     * No limit, a 30 s timeout, no deadline, a fresh recorder, no CPU work, plain GETs, answers
     * checked against the stub's echo of the id.
     */
    public static BatchOptions defaults() {
        return new BatchOptions(
                0,
                DEFAULT_TIMEOUT,
                new LatencyRecorder(),
                ResponseWork.NONE,
                0,
                ResponseCheck.ECHOES_ID,
                null,
                RequestShape.GET,
                SuccessStatus.ANY_2XX);
    }

    public BatchOptions withMaxInFlight(int limit) {
        return new BatchOptions(limit, timeout, latencies, work, intendedStartNanos, check, deadline, request, success);
    }

    public BatchOptions withTimeout(Duration limit) {
        return new BatchOptions(
                maxInFlight, limit, latencies, work, intendedStartNanos, check, deadline, request, success);
    }

    public BatchOptions withLatencies(LatencyRecorder recorder) {
        return new BatchOptions(
                maxInFlight, timeout, recorder, work, intendedStartNanos, check, deadline, request, success);
    }

    public BatchOptions withWork(ResponseWork perResponse) {
        return new BatchOptions(
                maxInFlight, timeout, latencies, perResponse, intendedStartNanos, check, deadline, request, success);
    }

    public BatchOptions withIntendedStart(long nanos) {
        return new BatchOptions(maxInFlight, timeout, latencies, work, nanos, check, deadline, request, success);
    }

    public BatchOptions withCheck(ResponseCheck answers) {
        return new BatchOptions(
                maxInFlight, timeout, latencies, work, intendedStartNanos, answers, deadline, request, success);
    }

    public BatchOptions withDeadline(Duration wholeBatch) {
        return new BatchOptions(
                maxInFlight, timeout, latencies, work, intendedStartNanos, check, wholeBatch, request, success);
    }

    public BatchOptions withRequest(RequestShape shape) {
        return new BatchOptions(
                maxInFlight, timeout, latencies, work, intendedStartNanos, check, deadline, shape, success);
    }

    public BatchOptions withSuccess(SuccessStatus statuses) {
        return new BatchOptions(
                maxInFlight, timeout, latencies, work, intendedStartNanos, check, deadline, request, statuses);
    }

    /** The limit that applies to a batch of {@code size} requests. */
    public int effectiveLimit(int size) {
        return maxInFlight == 0 ? Math.max(1, size) : Math.min(maxInFlight, Math.max(1, size));
    }
}
