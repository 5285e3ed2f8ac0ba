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

    void handedOver(int requests);

    void returned(List<Outcome> outcomes);
}
