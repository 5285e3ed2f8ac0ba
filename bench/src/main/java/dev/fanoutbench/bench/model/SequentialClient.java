package dev.fanoutbench.bench.model;

import java.net.URI;
import java.util.List;

/**
 * One request after another: each waits out the whole delay before the next is sent, so a batch
 * takes the sum of its delays (lesson 1: 3 x 2 s = 6 s). {@link #run} does this on the
 * calling thread; {@link #start} on one thread of its own, so the handles can be watched.
 */
public final class SequentialClient extends BlockingClientModel {

    public SequentialClient() {
        this(Library.APACHE);
    }

    public SequentialClient(Library library) {
        super(ModelKind.SEQUENTIAL, library);
    }

    SequentialClient(String library, BlockingCall http) {
        super(ModelKind.SEQUENTIAL, library, http);
    }

    @Override
    public List<Outcome> run(List<URI> requests, BatchOptions options) {
        BatchRun batch = register(requests, options);
        runAll(batch);
        return batch.await();
    }

    @Override
    void launch(BatchRun batch) {
        Thread.ofPlatform().name("sequential-batch").daemon().start(() -> runAll(batch));
    }

    private void runAll(BatchRun batch) {
        for (int i = 0; i < batch.size(); i++) {
            send(batch, batch.slot(i), null);
        }
    }
}
