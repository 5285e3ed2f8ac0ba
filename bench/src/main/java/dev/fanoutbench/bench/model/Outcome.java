package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;

/**
 * How one request of a batch ended: exactly one outcome per request, in input order, never an
 * exception (the Java counterpart of asyncio's {@code gather(..., return_exceptions=True)}).
 *
 * @param index   the request's position in the batch
 * @param kind    what happened
 * @param status  the HTTP status, or 0 when no status line arrived
 * @param detail  the verified body for a success; for a failure, what went wrong in a few words
 *                ("reset", "empty response", "bad answer: ...", "timed out after 200 ms")
 * @param timings when it was meant to start, was dispatched and completed
 */
public record Outcome(int index, URI uri, OutcomeKind kind, int status, String detail, Timings timings) {

    public boolean isSuccess() {
        return kind == OutcomeKind.SUCCESS;
    }
}
