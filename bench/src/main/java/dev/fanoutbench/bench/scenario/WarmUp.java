package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.EveryLane;
import java.net.URI;

/**
 * The lessons are about waiting, not class loading: a model's first requests also load classes,
 * open connections and run cold code. Send a few before a scenario measures anything, on every
 * lane of the model (each event loop has its own client and connections).
 */
public final class WarmUp {

    static final int REQUESTS = 50;

    private WarmUp() {}

    public static void run(ClientModel model, URI base) {
        EveryLane.warm(
                model,
                REQUESTS,
                id -> base.resolve("/api/items/" + id + "?delayMs=0"),
                BatchOptions.defaults().withMaxInFlight(10));
    }
}
