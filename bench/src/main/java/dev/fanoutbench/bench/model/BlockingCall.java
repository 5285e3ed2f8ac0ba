package dev.fanoutbench.bench.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One blocking HTTP exchange on the calling thread, as a client library does it: what the
 * thread-based models run, whichever library they are given ({@link Library}). Each
 * implementation follows {@link HttpPolicy} (HTTP/1.1, keep-alive, no retries or redirects, the
 * body cap, the send stamp) and tells the slot how to abort its exchange so that the socket closes.
 *
 * <p>Thread-safe: many threads call {@link #execute} at once.
 */
interface BlockingCall extends AutoCloseable {

    /**
     * Sends the slot's request, shaped as asked (method, headers, body), on the calling thread and
     * settles its outcome; does the response work in place or on {@code workers}.
     */
    void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers);

    @Override
    void close();

    /** The response's CPU work, where the batch placed it. */
    static void doWork(ResponseWork work, ExecutorService workers) throws InterruptedException {
        if (work.isNone()) {
            return;
        }
        if (work.placement() == ResponseWork.Placement.IN_PLACE || workers == null) {
            work.work().run();
            return;
        }
        Future<?> done = workers.submit(work.work()::run);
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
