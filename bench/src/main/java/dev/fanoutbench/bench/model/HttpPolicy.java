package dev.fanoutbench.bench.model;

import dev.fanoutbench.mock.StubHeaders;
import dev.fanoutbench.spi.ClientPolicy;
import java.time.Duration;

/**
 * What every model's HTTP client has in common (the numbers are {@link ClientPolicy}'s, which a
 * user's own library follows too), so that a model can only win or lose by how it
 * schedules: HTTP/1.1 with keep-alive, a pool larger than any concurrency under test, the same
 * connect timeout, no retries or redirects, and each request stamped with the moment it is
 * written ({@link StubHeaders#CLIENT_SEND_NANOS}) so the stub can measure its own share of the
 * latency from the socket, not from when it got round to parsing the request.
 */
final class HttpPolicy {

    /** Larger than any concurrency the harness runs (10,000 in flight). */
    static final int POOL_SIZE = ClientPolicy.MAX_CONNECTIONS;

    /** Establishing a connection; the batch's timeout governs everything after dispatch. */
    static final Duration CONNECT_TIMEOUT = ClientPolicy.CONNECT_TIMEOUT;

    /** Event loops or callback threads of an async library (Vert.x's and Netty's default: two per core). */
    static final int IO_THREADS = ClientPolicy.IO_THREADS;

    static final String SEND_NANOS_HEADER = StubHeaders.CLIENT_SEND_NANOS;

    /**
     * The largest answer body a model reads; a longer one fails the request. Without a cap, one
     * server that streams forever would take the client's whole heap, and with it every model.
     */
    static final int MAX_BODY_BYTES = ClientPolicy.MAX_BODY_BYTES;

    private HttpPolicy() {}

    /** The header's value, taken as late as each client allows: just before the request is written. */
    static String sendNanosNow() {
        return Long.toString(System.nanoTime());
    }
}
