package dev.fanoutbench.mock;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link StubHeaders#CLIENT_SEND_NANOS}. Trusted only from a client on this host (loopback):
 * another host's monotonic clock has another origin.
 */
final class ClientClock {

    /** Older than this and the header is not a send time of this request (a replayed header, another clock). */
    private static final long PLAUSIBLE_AGE_NANOS = TimeUnit.HOURS.toNanos(1);

    private ClientClock() {}

    /** The client's send time, or -1 when it is absent, not from this host, or implausible. */
    static long sendNanos(String header, InetSocketAddress remote, long nowNanos) {
        if (header == null
                || remote == null
                || remote.getAddress() == null
                || !remote.getAddress().isLoopbackAddress()) {
            return -1;
        }
        long sent;
        try {
            sent = Long.parseLong(header.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
        long age = nowNanos - sent;
        return age >= 0 && age < PLAUSIBLE_AGE_NANOS ? sent : -1;
    }
}
