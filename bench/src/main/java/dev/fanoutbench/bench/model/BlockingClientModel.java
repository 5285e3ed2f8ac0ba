package dev.fanoutbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * What the three thread-based models share: a blocking client library (Apache classic unless
 * another, built-in or a user's, is given), the worker pool for offloaded CPU work, and the body of a request's task.
 * They differ only in which thread runs it.
 */
abstract class BlockingClientModel extends AbstractClientModel {

    final BlockingCall http;
    private final ExecutorService workers;

    BlockingClientModel(ModelKind kind, Library library) {
        this(kind, library.id(), library.open());
    }

    BlockingClientModel(ModelKind kind, String library, BlockingCall http) {
        super(kind, Clients.name(kind, library));
        this.http = http;
        this.workers = WorkerPool.forCores(kind.id());
    }

    /**
     * Takes a permit (if {@code permits} is not null), sends the request on this thread unless it
     * was cancelled while queued, and always runs the clean-up: permit back, slot told.
     */
    final void send(BatchRun batch, BatchRun.Slot slot, Semaphore permits) {
        boolean permitted = false;
        try {
            if (permits != null) {
                permits.acquire();
                permitted = true;
            }
            if (slot.dispatched()) {
                http.execute(slot, batch.options().request(), batch.options().work(), workers);
            }
        } catch (InterruptedException cancelledWhileQueued) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            slot.failed(e); // whatever a library let escape still ends the request now, not at its timeout
        } finally {
            if (permitted) {
                permits.release();
            }
            slot.cleanedUp();
        }
    }

    @Override
    void release() {
        workers.shutdownNow();
        http.close();
    }
}
