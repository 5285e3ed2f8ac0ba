package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.VertxEventLoopClient;
import dev.fanoutbench.bench.model.VertxEventLoopClient.IoMode;
import java.net.URI;
import java.util.List;

/**
 * Shows: a blocking library called from the event loop blocks everything: async code becomes as
 * slow as sync, and Vert.x's blocked-thread checker fires (lesson 9). Moved to a worker pool
 * with executeBlocking, the same calls are concurrent again.
 * Expect: 10 x 200 ms: on the loop ~2,000 ms (sequential's time) and warnings; on workers ~200 ms.
 * Run: ... ScenarioMain blocking-loop
 */
public final class BlockingTheEventLoop {

    public static final int REQUESTS = 10;
    public static final long DELAY_MS = 200;
    /** Below one blocking call, so the checker sees the loop held too long. */
    public static final long MAX_LOOP_EXECUTE_MS = 100;

    private BlockingTheEventLoop() {}

    public static ScenarioResult run(IoMode mode, URI base) {
        try (VertxEventLoopClient model = new VertxEventLoopClient(mode, MAX_LOOP_EXECUTE_MS)) {
            WarmUp.run(model, base);
            long warmUpWarnings = model.blockedThreadWarnings();
            List<URI> uris = Requests.items(base, REQUESTS, DELAY_MS);
            long start = System.nanoTime();
            List<Outcome> outcomes = model.run(uris, BatchOptions.defaults());
            long wall = System.nanoTime() - start;
            long ideal = Requests.millisToNanos(mode == IoMode.BLOCKING_ON_LOOP ? REQUESTS * DELAY_MS : DELAY_MS);
            return new ScenarioResult(
                    "blocking-loop",
                    model.name(),
                    wall,
                    ideal,
                    outcomes,
                    List.of("blocked-thread warnings: " + (model.blockedThreadWarnings() - warmUpWarnings)));
        }
    }
}
