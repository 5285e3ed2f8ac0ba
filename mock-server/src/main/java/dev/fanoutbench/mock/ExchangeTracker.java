package dev.fanoutbench.mock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every {@code /api/**} request per endpoint and in total. A request is in flight from its
 * arrival until the server starts writing its answer or its client goes away. Not until the last
 * byte is written: a client that sends its next request the moment it reads the last byte can beat
 * the server's own write-completion callback, and the stub would then report an eleventh request
 * in flight that no client ever had. Outcomes are counted when the exchange ends, in the counts of
 * the reset it arrived after: an answer to a request from before a reset, ended just after it,
 * does not appear as served without having been received. Thread-safe.
 */
final class ExchangeTracker {

    private final EndpointCounters total = new EndpointCounters();
    private final Map<String, EndpointCounters> endpoints = new ConcurrentHashMap<>();
    private final InFlightLimit limit;
    private volatile MockServerSettings settings;
    private final Refusals refusals = new Refusals();
    private final ConnectionCounter connections = new ConnectionCounter();
    /** Bumped by each reset: an exchange counts only in the counts of the epoch it arrived in. */
    private final AtomicInteger epoch = new AtomicInteger();

    ExchangeTracker(InFlightLimit limit) {
        this.limit = limit;
    }

    InFlightLimit limit() {
        return limit;
    }

    void startedWith(MockServerSettings started) {
        this.settings = started;
    }

    Refusals refusals() {
        return refusals;
    }

    ConnectionCounter connections() {
        return connections;
    }

    /** Starts an exchange for this path, or returns null for paths that are not tracked ({@code /stats}). */
    Exchange arrived(String path, long arrivalNanos, long clientSendNanos) {
        String endpoint = endpointOf(path);
        if (endpoint == null) {
            return null;
        }
        Exchange exchange = new Exchange(endpoint, counters(endpoint), arrivalNanos, clientSendNanos, epoch.get());
        total.arrived(arrivalNanos);
        exchange.counters.arrived(arrivalNanos);
        return exchange;
    }

    /** Records the server's own lateness and returns it in nanoseconds, or -1 if no delay was configured. */
    long answerStarted(Exchange exchange, long nowNanos) {
        exchange.markResponding();
        leave(exchange);
        long delayMillis = exchange.configuredDelayMillis();
        if (delayMillis < 0) {
            return -1;
        }
        long latenessNanos = nowNanos - exchange.originNanos - delayMillis * 1_000_000L;
        if (exchange.epoch != epoch.get()) {
            return latenessNanos; // arrived before the last reset: not part of what the counts describe
        }
        total.answerStarted(latenessNanos, exchange.fromClientClock);
        exchange.counters.answerStarted(latenessNanos, exchange.fromClientClock);
        return latenessNanos;
    }

    void ended(Exchange exchange, String outcome) {
        if (exchange.finish()) {
            leave(exchange);
            if (exchange.epoch != epoch.get()) {
                return;
            }
            total.ended(outcome);
            exchange.counters.ended(outcome);
        }
    }

    private void leave(Exchange exchange) {
        if (exchange.leaveInFlight()) {
            total.left();
            exchange.counters.left();
        }
    }

    void clientWentAway(Exchange exchange) {
        ended(exchange, EndpointCounters.CLIENT_DISCONNECTED);
    }

    ServerStats snapshot() {
        Map<String, ServerStats.EndpointStats> byEndpoint = new TreeMap<>();
        endpoints.forEach((name, counters) -> byEndpoint.put(name, counters.snapshot()));
        return new ServerStats(
                total.snapshot(),
                byEndpoint,
                limit.snapshot(),
                connections.snapshot(),
                refusals.snapshot(),
                settings,
                processCpuNanos());
    }

    /** -1 where the JVM cannot say (not HotSpot's management bean). */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    void reset() {
        epoch.incrementAndGet();
        total.reset();
        endpoints.values().forEach(EndpointCounters::reset);
        limit.reset();
    }

    private EndpointCounters counters(String endpoint) {
        return endpoints.computeIfAbsent(endpoint, k -> new EndpointCounters());
    }

    /** {@code /api/items/7} is endpoint {@code items}; anything else under {@code /api} is {@code other}. */
    static String endpointOf(String path) {
        if (path == null || !path.startsWith("/api/")) {
            return null;
        }
        int end = path.indexOf('/', 5);
        String name = end < 0 ? path.substring(5) : path.substring(5, end);
        return switch (name) {
            case "items", "jitter", "flaky", "limited", "stuck" -> name;
            default -> "other";
        };
    }
}
