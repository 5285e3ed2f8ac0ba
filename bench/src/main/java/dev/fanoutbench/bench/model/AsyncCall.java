package dev.fanoutbench.bench.model;

import java.util.concurrent.CompletableFuture;

/**
 * One HTTP exchange through a library's non-blocking API: what the async model chains, and what a
 * thread-based model waits on ({@link AwaitedCall}) for a library whose blocking call is this one
 * underneath. Each implementation follows {@link HttpPolicy} and tells the slot how to abort its
 * exchange so that the socket closes.
 *
 * <p>Thread-safe; {@link #send} never blocks and never throws: a failure is the future's. An abort
 * completes the future too (exceptionally), so that whoever waits for it learns the request ended.
 */
interface AsyncCall extends AutoCloseable {

    /** Sends the slot's request, shaped as asked; the future completes on the library's threads. */
    CompletableFuture<Reply> send(BatchRun.Slot slot, RequestShape shape);

    @Override
    void close();
}
