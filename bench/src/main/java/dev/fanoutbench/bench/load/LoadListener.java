package dev.fanoutbench.bench.load;

import dev.fanoutbench.bench.model.Outcome;
import java.util.List;

/**
 * Where a driver's requests are counted: as they are started, and as their outcomes come back.
 * Counted twice, independently, so that a request the model never answers shows up as a gap.
 *
 * <p>Threading: a driver may call both methods from several threads at once.
 */
public interface LoadListener {

    /** Counts nothing: for requests that are not measured (a model's warm-up). */
    LoadListener NONE = new LoadListener() {
        @Override
        public void handedOver(int requests) {}

        @Override
        public void returned(List<Outcome> outcomes) {}
    };

    void handedOver(int requests);

    void returned(List<Outcome> outcomes);
}
