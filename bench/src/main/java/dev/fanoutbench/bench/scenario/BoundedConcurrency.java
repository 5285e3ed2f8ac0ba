package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.mock.ServerStats;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shows: thousands of tasks with at most N in flight (a semaphore) (lesson 5: 1,000 tasks,
 * 10 at once, 1 s each: 100.52 s, ideal 100 s). Scaled: 1,000 requests of 10 ms, limit 10.
 * Expect: the server never sees more than 10 in flight; ideal ceil(1000/10) x 10 ms = 1.0 s.
 * Run: ... ScenarioMain bounded --model virtual-threads
 */
public final class BoundedConcurrency {

    public static final int REQUESTS = 1_000;
    public static final int LIMIT = 10;
    public static final long DELAY_MS = 10;

    private BoundedConcurrency() {}

    public static ScenarioResult run(ClientModel model, URI base, Supplier<ServerStats> serverStats) {
        List<URI> uris = Requests.items(base, REQUESTS, DELAY_MS);
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withMaxInFlight(LIMIT));
        long wall = System.nanoTime() - start;
        long ideal = Requests.millisToNanos(model.kind().idealMillis(REQUESTS, LIMIT, 0, DELAY_MS));
        ServerStats.EndpointStats items = serverStats.get().endpoint("items");
        return new ScenarioResult(
                "bounded",
                model.name(),
                wall,
                ideal,
                outcomes,
                List.of("server peak in flight: " + items.peakInFlight()));
    }
}
