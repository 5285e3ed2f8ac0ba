package dev.fanoutbench.mock;

/**
 * How the mock server is started. The defaults are the tuned ones measured in docs/mock-server.md
 * (scripts/stub-capacity.sh); every thread count is explicit because WireMock's own defaults
 * serialise delayed answers.
 *
 * @param bindAddress         the address to listen on; loopback unless the user says otherwise
 * @param port                the TCP port, 0 for any free one
 * @param inFlightLimit       how many requests {@code /api/limited} admits at once before answering 429
 * @param asyncResponseThreads threads that write delayed answers (no thread waits out a delay)
 * @param containerThreads    Jetty's thread pool: acceptors, selectors and request handling
 * @param acceptors           Jetty acceptor threads
 * @param acceptQueueSize     the listen backlog; Java's default of 50 drops bursts of new connections
 * @param requestJournal      keep WireMock's request journal (unbounded, holds bodies: off for load)
 * @param slowdown            added to every delayed answer: a slower dependency, without touching the clients
 * @param protection          the admin API (off), the body cap and the body timeout
 */
public record MockServerSettings(
        String bindAddress,
        int port,
        int inFlightLimit,
        int asyncResponseThreads,
        int containerThreads,
        int acceptors,
        int acceptQueueSize,
        boolean requestJournal,
        Slowdown slowdown,
        Protection protection) {

    public static final String LOOPBACK = "127.0.0.1";

    public MockServerSettings {
        require(port >= 0 && port <= 65_535, "port must be from 0 to 65535, got " + port);
        require(inFlightLimit >= 1, "limit must be at least 1, got " + inFlightLimit);
        require(asyncResponseThreads >= 1, "async threads must be at least 1, got " + asyncResponseThreads);
        require(acceptors >= 1, "acceptors must be at least 1, got " + acceptors);
        require(
                containerThreads >= acceptors + 4,
                "container threads must be at least acceptors + 4 (Jetty needs selectors too), got "
                        + containerThreads);
        require(acceptQueueSize >= 1, "accept queue must be at least 1, got " + acceptQueueSize);
        java.util.Objects.requireNonNull(slowdown, "slowdown");
        java.util.Objects.requireNonNull(protection, "protection");
    }

    /** Loopback, any free port, limit 10, the tuned thread counts. */
    public static MockServerSettings defaults() {
        return new MockServerSettings(LOOPBACK, 0, 10, 8, 32, 1, 4096, false, Slowdown.NONE, Protection.DEFAULTS);
    }

    public MockServerSettings withInFlightLimit(int limit) {
        return new MockServerSettings(
                bindAddress,
                port,
                limit,
                asyncResponseThreads,
                containerThreads,
                acceptors,
                acceptQueueSize,
                requestJournal,
                slowdown,
                protection);
    }

    public MockServerSettings withSlowdown(Slowdown extra) {
        return new MockServerSettings(
                bindAddress,
                port,
                inFlightLimit,
                asyncResponseThreads,
                containerThreads,
                acceptors,
                acceptQueueSize,
                requestJournal,
                extra,
                protection);
    }

    public MockServerSettings withProtection(Protection guard) {
        return new MockServerSettings(
                bindAddress,
                port,
                inFlightLimit,
                asyncResponseThreads,
                containerThreads,
                acceptors,
                acceptQueueSize,
                requestJournal,
                slowdown,
                guard);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
