package dev.fanoutbench.bench.model;

/**
 * A pool of platform threads, each blocked on one request at a time. With a pool as large
 * as the concurrency it is as fast as anything here, but each waiting request holds a whole
 * thread (about a megabyte of reserved stack, a kernel thread to schedule): the cost that shows
 * at thousands in flight (lesson 12).
 *
 * <p>Pool size: set explicitly, or 0 to match each batch's limit: one pool that grows to the most
 * threads the batches running at once have needed, so the threads of one batch serve the next.
 */
public final class ThreadPoolClient extends BlockingClientModel {

    private final int poolSize;
    private final RequestThreads threads;

    /** @param poolSize platform threads, or 0 to match each batch's limit (one pool, grown as needed) */
    public ThreadPoolClient(int poolSize) {
        this(poolSize, Library.APACHE);
    }

    /** @param poolSize platform threads, or 0 to match each batch's limit (one pool, grown as needed) */
    public ThreadPoolClient(int poolSize, Library library) {
        this(poolSize, library.id(), library.open());
    }

    ThreadPoolClient(int poolSize, String library, BlockingCall http) {
        super(ModelKind.THREAD_POOL, library, http);
        if (poolSize < 0) {
            throw new IllegalArgumentException("pool size must be 0 (match the limit) or more, got " + poolSize);
        }
        this.poolSize = poolSize;
        this.threads =
                poolSize == 0 ? RequestThreads.growing("thread-pool") : RequestThreads.fixed(poolSize, "thread-pool");
    }

    /** A pool matching each batch's limit. */
    public ThreadPoolClient() {
        this(0);
    }

    @Override
    int fixedPoolSize() {
        return poolSize;
    }

    /** Threads this model has made so far. */
    int threadsMade() {
        return threads.made();
    }

    @Override
    void launch(BatchRun batch) {
        // the limit is the number of runners: each sends one request at a time, so no permits are needed
        threads.drain(
                batch.options().effectiveLimit(batch.size()), batch.size(), i -> send(batch, batch.slot(i), null));
    }

    @Override
    void release() {
        threads.shutdownNow();
        super.release();
    }
}
