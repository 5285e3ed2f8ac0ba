package dev.fanoutbench.bench.model;

import java.net.URI;

/**
 * How one request of a batch ended: exactly one outcome per request, in input order, never an
 * exception (the Java counterpart of asyncio's {@code gather(..., return_exceptions=True)}).
 *
 * @param index   the request's position in the batch
 * @param kind    what happened
 * @param status  the HTTP status, or 0 when no status line arrived
 * @param detail  the verified body for a success; for a failure, what went wrong in a few words
 *                ("reset", "empty response", "malformed: ...", "timed out after 200 ms")
 * @param timings when it was meant to start, was dispatched and completed
 */
public record Outcome(int index, URI uri, Kind kind, int status, String detail, Timings timings) {

    public enum Kind {
        /** 2xx with a body that echoes the request's id */
        SUCCESS,
        /** a status line arrived, and it was not 2xx (429, 500, 503 ...) */
        HTTP_ERROR,
        /** the per-request time limit ran out; the connection was released */
        TIMEOUT,
        /** the batch (or this request) was cancelled before it finished */
        CANCELLED,
        /** reset, closed without an answer, malformed chunks or a body that does not match */
        CONNECTION_ERROR,
        /** started and never finished: the model lost track of it (seed lesson 8) */
        LOST
    }

    public boolean isSuccess() {
        return kind == Kind.SUCCESS;
    }
}
