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
public final class HttpPolicy {

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

    /**
     * The system property naming the local address every client connects from (a load generator of several on one
     * machine takes 127.0.0.2, 127.0.0.3...: each its own ephemeral ports, as separate hosts would have).
     */
    public static final String SOURCE_ADDRESS = "bench.sourceAddress";

    private HttpPolicy() {}

    /** The same as text, for Vert.x: null when none is set. */
    static String sourceAddressText() {
        java.net.InetAddress source = sourceAddress();
        return source == null ? null : source.getHostAddress();
    }

    /** The address to connect from, or null for the system's choice. */
    static java.net.InetAddress sourceAddress() {
        String address = System.getProperty(SOURCE_ADDRESS);
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("-D" + SOURCE_ADDRESS + "=" + address + " is not an address", e);
        }
    }

    /** The header's value, taken as late as each client allows: just before the request is written. */
    static String sendNanosNow() {
        return Long.toString(System.nanoTime());
    }
}
