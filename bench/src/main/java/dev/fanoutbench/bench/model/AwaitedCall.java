package dev.fanoutbench.bench.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A non-blocking library used the blocking way: the calling thread waits for the exchange's future,
 * which is what the JDK's own {@code HttpClient.send} and Reactor's {@code block()} do inside.
 */
final class AwaitedCall implements BlockingCall {

    private final AsyncCall async;

    AwaitedCall(AsyncCall async) {
        this.async = async;
    }

    @Override
    public void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers) {
        CompletableFuture<Reply> exchange = async.send(slot, shape);
        try {
            Reply reply = exchange.get();
            BlockingCall.doWork(work, workers);
            slot.answered(reply.status(), reply.body());
        } catch (ExecutionException e) {
            slot.failed(e.getCause());
        } catch (CancellationException e) {
            slot.failed(e); // the batch ended it first (timeout, cancel): this changes nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.cancel(); // the model is closing: the slot's abort closes the exchange's connection
        } catch (RuntimeException e) {
            slot.failed(e); // the response work or the answer's check failed: an outcome, not a dead thread
        }
    }

    @Override
    public void close() {
        async.close();
    }
}
