package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import java.net.URI;

/**
 * The lessons are about waiting, not class loading: a model's first requests also load classes,
 * open connections and run cold code. Send a few before a scenario measures anything.
 */
public final class WarmUp {

    static final int REQUESTS = 50;

    private WarmUp() {}

    public static void run(ClientModel model, URI base) {
        model.run(Requests.items(base, REQUESTS, 0), BatchOptions.defaults().withMaxInFlight(10));
    }
}
