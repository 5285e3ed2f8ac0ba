package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.Batch;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Shows: cancelling stuck calls stops the wait at once, runs each request's clean-up, and reaches
 * the socket: the server sees the requests go away (lesson 3: a 10 s task cancelled after
 * 3 s, total ~3 s).
 * Expect: 20 requests to /api/stuck cancelled after 300 ms: 20 cancelled outcomes, 20 clean-ups,
 * wall ~300 ms, server in flight back to 0.
 * Run: ... ScenarioMain cancel --model virtual-threads
 */
public final class CancellationReleasesConnections {

    public static final int REQUESTS = 20;
    public static final Duration CANCEL_AFTER = Duration.ofMillis(300);

    private CancellationReleasesConnections() {}

    public static ScenarioResult run(ClientModel model, URI base) throws InterruptedException {
        List<URI> uris = Requests.of(base, "stuck", REQUESTS, "");
        long start = System.nanoTime();
        Batch batch = model.start(uris, BatchOptions.defaults());
        Thread.sleep(CANCEL_AFTER.toMillis()); // the scenario's own timing, not a wait for a result
        batch.cancel();
        List<Outcome> outcomes = batch.await();
        long wall = System.nanoTime() - start;
        long cleanUpStart = System.nanoTime();
        boolean allCleaned = batch.awaitCleanUp(Duration.ofSeconds(5));
        long cleanUpMillis = (System.nanoTime() - cleanUpStart) / 1_000_000;
        return new ScenarioResult(
                "cancel",
                model.name(),
                wall,
                CANCEL_AFTER.toNanos(),
                outcomes,
                List.of(
                        "clean-ups run: " + batch.cleanedUp(),
                        allCleaned
                                ? "all cleaned up " + cleanUpMillis + " ms after the outcomes"
                                : "clean-up incomplete after 5 s"));
    }
}
