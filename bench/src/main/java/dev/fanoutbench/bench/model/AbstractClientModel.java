package dev.fanoutbench.bench.model;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every model does alike: refuse work once closed, keep the timeout timer, cancel on close. */
abstract class AbstractClientModel implements ClientModel {

    private final ModelKind kind;
    private final String name;
    private final Timeouts timeouts;
    private final Set<BatchRun> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean answered;

    AbstractClientModel(ModelKind kind) {
        this(kind, kind.id());
    }

    AbstractClientModel(ModelKind kind, String name) {
        this.kind = kind;
        this.name = name;
        this.timeouts = new Timeouts(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ModelKind kind() {
        return kind;
    }

    @Override
    public final Batch start(List<URI> requests, BatchOptions options) {
        BatchRun batch = register(requests, options);
        launch(batch);
        return batch;
    }

    /** A new batch that {@link #close()} will cancel if it is still running. */
    final BatchRun register(List<URI> requests, BatchOptions options) {
        ensureOpen();
        BatchRun batch = new BatchRun(List.copyOf(requests), options, timeouts, lanes(options, requests.size()));
        running.add(batch);
        batch.whenAwaited(() -> running.remove(batch));
        batch.whenAnswered(index -> {
            if (!answered) {
                answered = true; // read first: a write per answer would contend on every request
            }
        });
        return batch;
    }

    /**
     * The thread-based models' resources: the shared CPU workers and one lane, warm once a request was answered. A
     * model with lanes of its own says so itself.
     */
    @Override
    public Resources resources() {
        return new Resources(WorkerPool.SIZE, 1, answered ? 1 : 0);
    }

    /** How many requests of a batch this model can run at once. */
    final int lanes(BatchOptions options, int size) {
        return kind.lanes(options.effectiveLimit(size), fixedPoolSize());
    }

    /** A fixed pool's size, 0 for none. */
    int fixedPoolSize() {
        return 0;
    }

    /** Starts the batch's requests without waiting for them. */
    abstract void launch(BatchRun batch);

    /** Releases the model's threads, pools and connections. */
    abstract void release();

    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the " + name + " model is closed: create a new one to send more requests");
        }
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.forEach(BatchRun::cancel);
        try {
            release();
        } finally {
            timeouts.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
