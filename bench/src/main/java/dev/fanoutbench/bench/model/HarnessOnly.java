package dev.fanoutbench.bench.model;

import java.net.URI;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The null model: every request goes through the accounting all four models share (its slot, the
 * timeout scheduled and cancelled, the answer's check, the outcome, three histograms and the
 * counts) but the wire is replaced by an answer already in hand. What a batch costs here is what
 * the harness adds to every request of every model, so it can be reported beside them.
 *
 * <p>Thread-safe; runs each batch on the calling thread.
 */
public final class HarnessOnly implements AutoCloseable {

    private final Timeouts timeouts = new Timeouts("harness-only");
    private final IntFunction<String> answer;

    /** @param answer the body the request at an index gets back (the stub's, for the default check to pass) */
    public HarnessOnly(IntFunction<String> answer) {
        this.answer = answer;
    }

    public List<Outcome> run(List<URI> requests, BatchOptions options) {
        BatchRun batch = new BatchRun(List.copyOf(requests), options, timeouts, requests.size());
        // all dispatched before any answer, as in a fan-out: the timeouts' queues hold the whole batch
        for (int i = 0; i < batch.size(); i++) {
            BatchRun.Slot slot = batch.slot(i);
            if (slot.dispatched()) {
                slot.onAbort(HarnessOnly::nothingToClose);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            BatchRun.Slot slot = batch.slot(i);
            slot.answered(200, answer.apply(i));
            slot.cleanedUp();
        }
        return batch.await();
    }

    private static void nothingToClose() {
        // no connection was opened
    }

    @Override
    public void close() {
        timeouts.close();
    }
}
