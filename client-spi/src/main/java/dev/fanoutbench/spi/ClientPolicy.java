package dev.fanoutbench.spi;

import java.time.Duration;

/**
 * What every library's client is set to, built-in or not, so that a library can only win or lose
 * by how it works: HTTP/1.1 with keep-alive, no retries, no redirects, and the numbers below.
 */
public final class ClientPolicy {

    /** Connections a client may open to the target: larger than any concurrency the harness runs (10,000). */
    public static final int MAX_CONNECTIONS = 20_000;

    /** Establishing a connection; the harness's per-request timeout governs everything after dispatch. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The largest answer body a client reads; a longer one fails the request. Without a cap, one
     * server that streams forever would take the client's whole heap, and every model's with it.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /**
     * Threads a library may run its own I/O on (event loops, selectors, callbacks): two per core, as
     * Vert.x and Netty default to, so that no async library gets more threads for the same cores.
     */
    public static final int IO_THREADS = 2 * Runtime.getRuntime().availableProcessors();

    private ClientPolicy() {}
}
