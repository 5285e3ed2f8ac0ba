package dev.fanoutbench.bench.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A library's own non-blocking API, as its users write it: each request is a future, no thread
 * waits for it, and the in-flight limit is a count of permits that each completion hands to the
 * next request. The answers arrive on the library's own threads ({@link HttpPolicy#IO_THREADS} of
 * them), where in-place CPU work runs too; offloaded work goes to the same worker pool every model
 * gets. Unlike {@code vertx}, there are no lanes to deploy: the library decides which of its threads
 * serves which connection.
 */
final class AsyncClient extends AbstractClientModel {

    private final AsyncCall http;
    private final ExecutorService workers;

    AsyncClient(String library, AsyncCall http) {
        super(ModelKind.ASYNC, Clients.name(ModelKind.ASYNC, library));
        this.http = http;
        this.workers = WorkerPool.forCores(ModelKind.ASYNC.id());
    }

    @Override
    void launch(BatchRun batch) {
        new Pump(batch).drain();
    }

    /**
     * Sends a batch's requests in order while permits last; a completion on any thread gives its
     * permit back and drains again. One thread drains at a time (the others leave a note in
     * {@code pending} and go), so a completion that arrives while the caller is still sending never
     * nests a frame per request or sends out of order.
     */
    private final class Pump {
        private final BatchRun batch;
        private final AtomicInteger permits;
        private final AtomicInteger pending = new AtomicInteger();
        private int next; // read and written only by the thread that drains

        Pump(BatchRun batch) {
            this.batch = batch;
            this.permits = new AtomicInteger(batch.options().effectiveLimit(batch.size()));
        }

        void drain() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            do {
                while (next < batch.size() && permits.get() > 0) {
                    BatchRun.Slot slot = batch.slot(next++);
                    if (!slot.dispatched()) {
                        slot.cleanedUp(); // cancelled while it waited for a permit
                        continue;
                    }
                    permits.decrementAndGet();
                    send(slot).whenComplete((ignored, error) -> {
                        slot.cleanedUp();
                        permits.incrementAndGet();
                        drain();
                    });
                }
            } while (pending.decrementAndGet() != 0);
        }

        private CompletableFuture<Void> send(BatchRun.Slot slot) {
            ResponseWork work = batch.options().work();
            try {
                return http.send(slot, batch.options().request())
                        .thenCompose(reply -> afterWork(work).thenApply(done -> reply))
                        .handle((reply, error) -> {
                            if (error != null) {
                                slot.failed(error instanceof CompletionException c ? c.getCause() : error);
                                return null;
                            }
                            try {
                                slot.answered(reply.status(), reply.body());
                            } catch (RuntimeException e) {
                                slot.failed(e); // the answer's check threw: an outcome, not a lost request
                            }
                            return null;
                        });
            } catch (RuntimeException e) {
                slot.failed(e); // a library that threw instead of failing its future still ends the request now
                return CompletableFuture.completedFuture(null);
            }
        }
    }

    private CompletableFuture<Void> afterWork(ResponseWork work) {
        if (work.isNone()) {
            return CompletableFuture.completedFuture(null);
        }
        if (work.placement() == ResponseWork.Placement.IN_PLACE) {
            work.work().run(); // on the library's thread: the other answers it serves wait for it
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(work.work()::run, workers);
    }

    @Override
    void release() {
        workers.shutdownNow();
        http.close();
    }
}
