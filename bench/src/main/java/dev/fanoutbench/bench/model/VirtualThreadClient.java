package dev.fanoutbench.bench.model;

import java.util.concurrent.Semaphore;

/**
 * One virtual thread per request, written as plain blocking code; a {@link Semaphore} bounds how
 * many are on the wire (lesson 5). A waiting virtual thread parks and gives its carrier back,
 * so thousands wait on a handful of platform threads. CPU work, though, runs on those few carriers
 * (one per core) and delays every other request's turn (lesson 11).
 */
public final class VirtualThreadClient extends BlockingClientModel {

    public VirtualThreadClient() {
        this(Library.APACHE);
    }

    public VirtualThreadClient(Library library) {
        super(ModelKind.VIRTUAL_THREADS, library);
    }

    VirtualThreadClient(String library, BlockingCall http) {
        super(ModelKind.VIRTUAL_THREADS, library, http);
    }

    @Override
    void launch(BatchRun batch) {
        Semaphore permits = new Semaphore(batch.options().effectiveLimit(batch.size()));
        for (int i = 0; i < batch.size(); i++) {
            BatchRun.Slot slot = batch.slot(i);
            Thread thread = Thread.ofVirtual().name("request-" + i).unstarted(() -> send(batch, slot, permits));
            slot.onAbort(thread::interrupt); // until dispatched: a queued thread stops waiting
            thread.start();
        }
    }
}
