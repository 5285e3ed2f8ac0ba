package dev.fanoutbench.bench.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A warm-up that reaches every lane of a model. The event-loop model gives each small batch the next of its loops,
 * so a warm-up sent as one batch warms one loop and leaves the others to meet their first requests (classes, code
 * paths, connections) in the measurement. Sent as one batch per lane, one after another, it warms them all.
 */
public final class EveryLane {

    private EveryLane() {}

    /**
     * Sends {@code requests} (at least one per lane) as one batch per lane and waits for each.
     *
     * @param uri the request with an id from 0
     * @return every request's outcome, in order
     */
    public static List<Outcome> warm(ClientModel model, int requests, IntFunction<URI> uri, BatchOptions options) {
        int lanes = model.resources().lanes();
        int total = Math.max(requests, lanes);
        List<Outcome> outcomes = new ArrayList<>(total);
        for (int lane = 0; lane < lanes; lane++) {
            List<URI> batch = new ArrayList<>();
            for (int id = (int) ((long) total * lane / lanes); id < (long) total * (lane + 1) / lanes; id++) {
                batch.add(uri.apply(id));
            }
            outcomes.addAll(model.run(batch, options));
        }
        return outcomes;
    }
}
