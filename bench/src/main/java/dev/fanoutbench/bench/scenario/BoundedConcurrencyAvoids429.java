package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.util.List;

/**
 * Shows: a rate-limited API answers 429 to a client that sends everything at once; bound the
 * client to the API's limit and it never does (lesson 5).
 * Expect: 200 requests to /api/limited (server limit 10, 100 ms each): limit 10 -> zero 429s,
 * ideal 20 x 100 ms = 2 s; no limit -> 429s, counted as HTTP-error outcomes, not exceptions.
 * Run: ... ScenarioMain rate-limit --model vertx
 */
public final class BoundedConcurrencyAvoids429 {

    public static final int REQUESTS = 200;
    public static final int SERVER_LIMIT = 10;
    public static final long DELAY_MS = 100;

    private BoundedConcurrencyAvoids429() {}

    /** @param clientLimit the client's own bound; 0 for none */
    public static ScenarioResult run(ClientModel model, URI base, int clientLimit) {
        List<URI> uris = Requests.of(base, "limited", REQUESTS, "?delayMs=" + DELAY_MS);
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withMaxInFlight(clientLimit));
        long wall = System.nanoTime() - start;
        long rejected = outcomes.stream().filter(o -> o.status() == 429).count();
        int lanes = model.kind().lanes(SERVER_LIMIT, 0);
        // unbounded, most requests are turned away at once: there is no ideal to compare with
        long ideal =
                clientLimit == 0 && lanes > 1 ? 0 : Requests.millisToNanos(ModelKind.waves(REQUESTS, lanes) * DELAY_MS);
        return new ScenarioResult(
                clientLimit == 0 ? "rate-limit-unbounded" : "rate-limit",
                model.name(),
                wall,
                ideal,
                outcomes,
                List.of("429 answers: " + rejected));
    }
}
