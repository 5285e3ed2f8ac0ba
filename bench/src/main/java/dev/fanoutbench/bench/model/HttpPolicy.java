package dev.fanoutbench.bench.model;

import dev.fanoutbench.mock.StubHeaders;
import java.time.Duration;

/**
 * What every model's HTTP client has in common, so that a model can only win or lose by how it
 * schedules: HTTP/1.1 with keep-alive, a pool larger than any concurrency under test, the same
 * connect timeout, no retries or redirects, and each request stamped with the moment it is
 * written ({@link StubHeaders#CLIENT_SEND_NANOS}) so the stub can measure its own share of the
 * latency from the socket, not from when it got round to parsing the request.
 */
final class HttpPolicy {

    /** Larger than any concurrency the harness runs (10,000 in flight). */
    static final int POOL_SIZE = 20_000;

    /** Establishing a connection; the batch's timeout governs everything after dispatch. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static final String SEND_NANOS_HEADER = StubHeaders.CLIENT_SEND_NANOS;

    private HttpPolicy() {}

    /** The header's value, taken as late as each client allows: just before the request is written. */
    static String sendNanosNow() {
        return Long.toString(System.nanoTime());
    }
}
