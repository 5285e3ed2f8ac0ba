package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.util.List;

/**
 * Shows: waiting on I/O one call after another wastes the wait; issuing the calls together costs
 * about one wait (lesson 1: 3 calls of 2 s, 6.12 s in turn, 2.05 s together).
 * Expect: 3 calls of 200 ms: sequential >= 600 ms; every concurrent model ~200 ms.
 * Run: java -cp bench/target/bench.jar dev.fanoutbench.bench.scenario.ScenarioMain fan-out --model vertx
 */
public final class FanOutToSlowApi {

    public static final int CALLS = 3;
    public static final long DELAY_MS = 200;

    private FanOutToSlowApi() {}

    public static ScenarioResult run(ClientModel model, URI base) {
        List<URI> uris = Requests.items(base, CALLS, DELAY_MS);
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults());
        long wall = System.nanoTime() - start;
        long ideal = Requests.millisToNanos(model.kind().idealMillis(CALLS, CALLS, 0, DELAY_MS));
        return new ScenarioResult("fan-out", model.name(), wall, ideal, outcomes, List.of());
    }
}
