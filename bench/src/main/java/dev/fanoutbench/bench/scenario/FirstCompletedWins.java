package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.Batch;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.RequestHandle;
import java.net.URI;
import java.util.List;

/**
 * Shows: wait for the first to finish (FIRST_COMPLETED), take its answer, cancel the rest, and
 * prove at the server that the losers went away (lesson 7).
 * Expect: a 50 ms and a 2 s request raced: the 50 ms one wins at ~50 ms; the 2 s one is cancelled.
 * Run: ... ScenarioMain first --model vertx
 */
public final class FirstCompletedWins {

    public static final long FAST_MS = 50;
    public static final long SLOW_MS = 2_000;

    private FirstCompletedWins() {}

    public static ScenarioResult run(ClientModel model, URI base) throws InterruptedException {
        List<URI> uris = List.of(
                base.resolve("/api/items/slow?delayMs=" + SLOW_MS), base.resolve("/api/items/fast?delayMs=" + FAST_MS));
        long start = System.nanoTime();
        Batch race = model.start(uris, BatchOptions.defaults());
        RequestHandle winner = race.awaitFirst();
        long firstAnswer = System.nanoTime() - start;
        race.cancel();
        List<Outcome> outcomes = race.await();
        long ideal = Requests.millisToNanos(model.kind() == ModelKind.SEQUENTIAL ? SLOW_MS + FAST_MS : FAST_MS);
        return new ScenarioResult(
                "first",
                model.name(),
                firstAnswer,
                ideal,
                outcomes,
                List.of("winner: " + winner.uri().getPath()));
    }
}
