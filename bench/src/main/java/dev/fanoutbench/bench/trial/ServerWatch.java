package dev.fanoutbench.bench.trial;

import dev.fanoutbench.mock.ServerStats;
import dev.fanoutbench.mock.SettledStats;
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.time.Duration;

/**
 * The stub's view of a trial: reset before each measured iteration, read after it once the stub
 * has settled every exchange it received (it counts an answer after its last byte, which can trail
 * the client's read of it), and asked for its in-flight count at each recording interval.
 */
public final class ServerWatch implements AutoCloseable {

    static final Duration SETTLE_PATIENCE = Duration.ofSeconds(5);

    private final ServerClient client;
    private long cpuAtReset = -1;

    public ServerWatch(URI target) {
        this.client = new ServerClient(target);
    }

    void reset() {
        client.reset();
        cpuAtReset = client.stats().processCpuNanos();
    }

    int inFlightNow() {
        return client.stats().total().inFlight();
    }

    /** What the stub saw since the last reset, once everything it received has ended (or patience ran out). */
    RunSummary.Server settled() {
        // all it received, not what was sent, and it goes on unsettled: both are the self-checks' to judge
        ServerStats.EndpointStats total =
                SettledStats.await(() -> client.stats().total(), ServerStats.EndpointStats::received, SETTLE_PATIENCE);
        long cpuNow = client.stats().processCpuNanos();
        return of(total, cpuAtReset < 0 || cpuNow < 0 ? -1 : cpuNow - cpuAtReset);
    }

    static RunSummary.Server of(ServerStats.EndpointStats total, long cpuNanos) {
        ServerStats.Lateness late = total.lateness();
        return new RunSummary.Server(
                total.received(),
                total.served(),
                total.clientDisconnects(),
                total.peakInFlight(),
                new RunSummary.Lateness(
                        late.count(),
                        late.fromClientClock(),
                        late.p50Micros(),
                        late.p90Micros(),
                        late.p99Micros(),
                        late.maxMicros()),
                total.arrivalSpreadMicros(),
                cpuNanos);
    }

    /**
     * Two views of the same trial (iterations, or forks) as one: counts add up, the peak is the
     * higher, and the lateness is the worse one's (percentiles of two runs cannot be added).
     */
    public static RunSummary.Server merge(RunSummary.Server a, RunSummary.Server b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        RunSummary.Lateness worse =
                b.latenessMicros().p99() >= a.latenessMicros().p99() ? b.latenessMicros() : a.latenessMicros();
        RunSummary.Lateness lateness = new RunSummary.Lateness(
                a.latenessMicros().count() + b.latenessMicros().count(),
                a.latenessMicros().fromClientClock() + b.latenessMicros().fromClientClock(),
                worse.p50(),
                worse.p90(),
                worse.p99(),
                Math.max(a.latenessMicros().max(), b.latenessMicros().max()));
        return new RunSummary.Server(
                a.received() + b.received(),
                a.served() + b.served(),
                a.clientDisconnects() + b.clientDisconnects(),
                Math.max(a.peakInFlight(), b.peakInFlight()),
                lateness,
                Math.max(a.arrivalSpreadMicros(), b.arrivalSpreadMicros()),
                a.cpuNanos() < 0 || b.cpuNanos() < 0 ? -1 : a.cpuNanos() + b.cpuNanos());
    }

    @Override
    public void close() {
        client.close();
    }
}
