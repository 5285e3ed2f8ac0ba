package dev.fanoutbench.mock;

import java.util.Map;

/**
 * What the mock server saw, as served by {@code GET /stats}. Counts are since the last reset and
 * cover the requests that arrived since (so received, served and disconnects add up);
 * {@code inFlight} is live and never reset; a peak restarts from the live count at a reset.
 *
 * @param total     every tracked request ({@code /api/**}), whatever its endpoint
 * @param endpoints the same, per endpoint ({@code items}, {@code jitter}, {@code flaky},
 *                  {@code limited}, {@code stuck}, {@code other})
 * @param limit     the admission counter behind {@code /api/limited}
 * @param connections TCP connections, since the server started (never reset)
 * @param refused   requests turned away before any stub saw them, by reason ({@code bad-query},
 *                  {@code body-too-large}, {@code body-stalled}, {@code admin-off}...), since the server started
 * @param settings  how the server was started, every default filled in: a run records them beside its numbers
 * @param processCpuNanos the server process's CPU time since it started (never reset): a client on the same
 *                  machine reads it before and after to know the cores the server took from it
 */
public record ServerStats(
        EndpointStats total,
        Map<String, EndpointStats> endpoints,
        LimitStats limit,
        ConnectionStats connections,
        Map<String, Long> refused,
        MockServerSettings settings,
        long processCpuNanos) {

    /** The endpoint's numbers, or an all-zero record if it has seen nothing. */
    public EndpointStats endpoint(String name) {
        return endpoints.getOrDefault(name, EndpointStats.EMPTY);
    }

    /**
     * @param received          requests that arrived (a request counts once its headers are parsed)
     * @param inFlight          requests that arrived and are still waiting for their answer to
     *                          start (their client has not gone away either)
     * @param peakInFlight      the most in flight at once
     * @param served            requests answered (a fault counts: the server chose to send it)
     * @param clientDisconnects requests whose client went away before the answer was written
     * @param outcomes          ended requests by HTTP status ("200", "429") or fault name
     *                          ("CONNECTION_RESET_BY_PEER") or "client-disconnected"
     * @param lateness          how much later than arrival + configured delay each answer started
     * @param arrivalSpreadMicros from the first request's arrival to the last one's: a burst sent
     *                          "at once" arrives over this long (0 for fewer than two)
     */
    public record EndpointStats(
            long received,
            int inFlight,
            int peakInFlight,
            long served,
            long clientDisconnects,
            Map<String, Long> outcomes,
            Lateness lateness,
            long arrivalSpreadMicros) {
        static final EndpointStats EMPTY = new EndpointStats(0, 0, 0, 0, 0, Map.of(), Lateness.NONE, 0);

        public long outcome(String name) {
            return outcomes.getOrDefault(name, 0L);
        }

        /** Requests that are over: answered, or their client went away first. */
        public long ended() {
            return served + clientDisconnects;
        }
    }

    /**
     * The server's own queueing, in microseconds; a large p99 means the stub, not the client, is
     * slow. Measured from the client's send time where a client on this host sent it
     * ({@link StubHeaders#CLIENT_SEND_NANOS}), so time spent waiting to be parsed counts too;
     * otherwise from the request's arrival, which is a lower bound.
     *
     * @param count           answers measured
     * @param fromClientClock how many of them were measured from the client's send time
     */
    public record Lateness(
            long count, long fromClientClock, long p50Micros, long p90Micros, long p99Micros, long maxMicros) {
        public static final Lateness NONE = new Lateness(0, 0, 0, 0, 0, 0);

        /** True when every answer was measured from the client's clock: the figure is complete. */
        public boolean complete() {
            return count > 0 && fromClientClock == count;
        }
    }

    /**
     * @param limit        admitted requests allowed in flight at once ({@code --limit})
     * @param inFlight     admitted requests in flight now
     * @param peakInFlight the most admitted at once: never above {@code limit}
     * @param admitted     requests let through
     * @param rejected     requests answered 429
     */
    public record LimitStats(int limit, int inFlight, int peakInFlight, long admitted, long rejected) {}

    /**
     * @param open     connections open now
     * @param peakOpen the most open at once
     * @param opened   connections accepted in all
     */
    public record ConnectionStats(int open, int peakOpen, long opened) {}
}
