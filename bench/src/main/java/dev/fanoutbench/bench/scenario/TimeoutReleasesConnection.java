package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Shows: a time limit on a call (lesson 4: a 3 s call with a 2 s limit fails after 2 s).
 * Expect: 5 requests to /api/stuck (10 minutes) with a 200 ms timeout end as timeouts after
 * ~200 ms, and the server's in-flight count returns to 0: the connection was released, not leaked.
 * Run: ... ScenarioMain timeout --model thread-pool
 */
public final class TimeoutReleasesConnection {

    public static final int REQUESTS = 5;
    public static final Duration TIMEOUT = Duration.ofMillis(200);

    private TimeoutReleasesConnection() {}

    public static ScenarioResult run(ClientModel model, URI base) {
        List<URI> uris = Requests.of(base, "stuck", REQUESTS, "");
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withTimeout(TIMEOUT));
        long wall = System.nanoTime() - start;
        int waves = ModelKind.waves(REQUESTS, model.kind().lanes(REQUESTS, 0));
        return new ScenarioResult("timeout", model.name(), wall, TIMEOUT.toNanos() * waves, outcomes, List.of());
    }
}
