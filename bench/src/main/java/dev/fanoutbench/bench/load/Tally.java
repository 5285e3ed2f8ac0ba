package dev.fanoutbench.bench.load;

import dev.fanoutbench.bench.model.Outcome;
import java.util.List;

/** What a driver's requests added up to so far; every outcome passes through it to the listener. Thread-safe. */
final class Tally {

    private final LoadListener listener;
    private long succeeded;
    private long dropped;
    private long cancelled;
    private long ended;
    private Outcome firstFailure;

    Tally(LoadListener listener) {
        this.listener = listener;
    }

    void add(List<Outcome> outcomes) {
        listener.returned(outcomes);
        synchronized (this) {
            for (Outcome outcome : outcomes) {
                ended++;
                switch (outcome.kind()) {
                    case SUCCESS -> succeeded++;
                    case DROPPED -> dropped++;
                    case CANCELLED -> cancelled++;
                    default -> {}
                }
                if (!outcome.isSuccess() && firstFailure == null) {
                    firstFailure = outcome;
                }
            }
        }
    }

    synchronized LoadResult result(long due) {
        return new LoadResult(due, succeeded, dropped, cancelled, ended, firstFailure);
    }
}
