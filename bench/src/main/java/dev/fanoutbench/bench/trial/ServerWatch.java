package dev.fanoutbench.bench.trial;

import dev.fanoutbench.mock.ServerStats;
import dev.fanoutbench.mock.SettledStats;
import dev.fanoutbench.results.RunSummary;
import java.net.URI;
import java.time.Duration;

/**
 * The stub's view of a trial: reset before each measured iteration, read after it once the stub
 * has settled every exchange it received (it counts an answer after its last byte, which can trail
 * the client's read of it), and asked for its in-flight count at each recording interval. With
 * several stubs (requests spread over them), each is asked and their answers summed: the peak in
 * flight is then the sum of each stub's peak, an upper bound.
 */
public final class ServerWatch implements AutoCloseable {

    static final Duration SETTLE_PATIENCE = Duration.ofSeconds(5);

    private final java.util.List<ServerClient> clients;
    private final long[] cpuAtReset;

    public ServerWatch(URI target) {
        this(java.util.List.of(target));
    }

    public ServerWatch(java.util.List<URI> targets) {
        this.clients = targets.stream().map(ServerClient::new).toList();
        this.cpuAtReset = new long[clients.size()];
        java.util.Arrays.fill(cpuAtReset, -1);
    }

    void reset() {
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).reset();
            cpuAtReset[i] = clients.get(i).stats().processCpuNanos();
        }
    }

    int inFlightNow() {
        int inFlight = 0;
        for (ServerClient client : clients) {
            inFlight += client.stats().total().inFlight();
        }
        return inFlight;
    }

    /** What the stubs saw since the last reset, once everything they received has ended (or patience ran out). */
    RunSummary.Server settled() {
        RunSummary.Server seen = null;
        for (int i = 0; i < clients.size(); i++) {
            ServerClient client = clients.get(i);
            // all it received, not what was sent, and it goes on unsettled: both are the self-checks' to judge
            ServerStats.EndpointStats total = SettledStats.await(
                    () -> client.stats().total(), ServerStats.EndpointStats::received, SETTLE_PATIENCE);
            long cpuNow = client.stats().processCpuNanos();
            RunSummary.Server one = of(total, cpuAtReset[i] < 0 || cpuNow < 0 ? -1 : cpuNow - cpuAtReset[i]);
            seen = seen == null ? one : add(seen, one);
        }
        return seen;
    }

    /** Two stubs' views of the same time: counts and peaks add up (an upper bound on the peak together). */
    static RunSummary.Server add(RunSummary.Server a, RunSummary.Server b) {
        RunSummary.Server merged = merge(a, b);
        return new RunSummary.Server(
                merged.received(),
                merged.served(),
                merged.clientDisconnects(),
                a.peakInFlight() + b.peakInFlight(),
                merged.latenessMicros(),
                merged.arrivalSpreadMicros(),
                merged.cpuNanos());
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
        clients.forEach(ServerClient::close);
    }
}
