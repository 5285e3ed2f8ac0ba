package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.util.List;

/**
 * Shows: gather with return_exceptions: one outcome per request, in input order, a failure does
 * not sink the rest (lesson 6: [ValueError, 'ok']).
 * Expect: 60 requests to /api/flaky (ids 0..59; the last digit picks 200, 500, 503, reset, empty,
 * malformed): outcome i belongs to request i; 30 successes, 12 HTTP errors, 18 connection errors.
 * Run: ... ScenarioMain failures --model vertx
 */
public final class FailuresKeptInOrder {

    public static final int REQUESTS = 60;

    private FailuresKeptInOrder() {}

    /** What the flaky endpoint answers to this id (its documented cycle). */
    public static OutcomeKind expectedKind(int id) {
        return switch (id % 10) {
            case 0, 1, 2, 3, 4 -> OutcomeKind.SUCCESS;
            case 5, 6 -> OutcomeKind.HTTP_ERROR;
            default -> OutcomeKind.CONNECTION_ERROR;
        };
    }

    public static ScenarioResult run(ClientModel model, URI base) {
        List<URI> uris = Requests.of(base, "flaky", REQUESTS, "");
        long start = System.nanoTime();
        List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withMaxInFlight(10));
        long wall = System.nanoTime() - start;
        return new ScenarioResult("failures", model.name(), wall, 0, outcomes, List.of());
    }
}
