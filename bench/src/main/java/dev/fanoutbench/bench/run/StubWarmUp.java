package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warms the stub before any trial: a freshly started stub answers its first thousands of requests
 * from a cold JIT, and a trial's own warm-up (a few batches of a few requests) does not change
 * that. Measured: a stub started with 20 ms of extra delay read as +29 ms per request against a
 * warm one, until both were warmed the same way. Both of the stub's paths are exercised: answers
 * written at once, and answers written later by its delay scheduler.
 */
public final class StubWarmUp {

    static final int REQUESTS_PER_PATH = 5_000;
    static final int IN_FLIGHT = 50;

    private StubWarmUp() {}

    /** Sends the warm-up and says what it did, in words for the summary ("10,000 requests in 2.1 s"). */
    public static String warm(URI base) {
        List<URI> uris = new ArrayList<>(2 * REQUESTS_PER_PATH);
        for (int i = 0; i < REQUESTS_PER_PATH; i++) {
            uris.add(base.resolve("api/items/" + i + "?delayMs=0"));
            uris.add(base.resolve("api/items/" + i + "?delayMs=1"));
        }
        long start = System.nanoTime();
        List<Outcome> outcomes;
        try (ClientModel client = ModelKind.VIRTUAL_THREADS.create()) {
            outcomes = client.run(uris, BatchOptions.defaults().withMaxInFlight(IN_FLIGHT));
        }
        long succeeded = outcomes.stream().filter(Outcome::isSuccess).count();
        if (succeeded < outcomes.size()) {
            Outcome failed =
                    outcomes.stream().filter(o -> !o.isSuccess()).findFirst().orElseThrow();
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the stub at %s failed %,d of %,d warm-up requests" + " (the first: %s, %s)",
                    base,
                    outcomes.size() - succeeded,
                    outcomes.size(),
                    failed.kind(),
                    failed.detail()));
        }
        return String.format(
                Locale.ROOT,
                "warmed with %,d requests (%,d in flight) in %.1f s before the trials",
                outcomes.size(),
                IN_FLIGHT,
                (System.nanoTime() - start) / 1e9);
    }
}
