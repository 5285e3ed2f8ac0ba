package dev.fanoutbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A fixed pool of platform threads, each blocked on one request at a time. With a pool as large
 * as the concurrency it is as fast as anything here, but each waiting request holds a whole
 * thread (about a megabyte of reserved stack, a kernel thread to schedule): the cost that shows
 * at thousands in flight (lesson 12).
 *
 * <p>Pool size: set explicitly, or 0 to match each batch's limit (a pool per batch).
 */
public final class ThreadPoolClient extends BlockingClientModel {

    private final int poolSize;
    private final ExecutorService sharedPool;

    /** @param poolSize platform threads, or 0 for one pool per batch sized to its limit */
    public ThreadPoolClient(int poolSize) {
        this(poolSize, Library.APACHE);
    }

    /** @param poolSize platform threads, or 0 for one pool per batch sized to its limit */
    public ThreadPoolClient(int poolSize, Library library) {
        this(poolSize, library.id(), library.open());
    }

    ThreadPoolClient(int poolSize, String library, BlockingCall http) {
        super(ModelKind.THREAD_POOL, library, http);
        if (poolSize < 0) {
            throw new IllegalArgumentException("pool size must be 0 (match the limit) or more, got " + poolSize);
        }
        this.poolSize = poolSize;
        this.sharedPool = poolSize == 0 ? null : newPool(poolSize);
    }

    /** A pool sized to each batch's limit. */
    public ThreadPoolClient() {
        this(0);
    }

    @Override
    int fixedPoolSize() {
        return poolSize;
    }

    @Override
    void launch(BatchRun batch) {
        int limit = batch.options().effectiveLimit(batch.size());
        ExecutorService pool = sharedPool != null ? sharedPool : newPool(limit);
        // a shared pool larger than the batch's limit still honours the limit
        Semaphore permits = sharedPool != null && limit < poolSize ? new Semaphore(limit) : null;
        for (int i = 0; i < batch.size(); i++) {
            BatchRun.Slot slot = batch.slot(i);
            pool.execute(() -> send(batch, slot, permits));
        }
        if (sharedPool == null) {
            pool.shutdown(); // threads end once the queue drains
        }
    }

    private static ExecutorService newPool(int size) {
        return Executors.newFixedThreadPool(
                size, Thread.ofPlatform().daemon().name("thread-pool-", 0).factory());
    }

    @Override
    void release() {
        if (sharedPool != null) {
            sharedPool.shutdownNow();
        }
        super.release();
    }
}
