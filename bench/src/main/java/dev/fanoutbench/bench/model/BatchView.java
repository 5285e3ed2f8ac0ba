package dev.fanoutbench.bench.model;

import java.time.Duration;
import java.util.List;

/** The batch as the caller sees it; forgets it in the model once awaited. */
record BatchView(BatchRun run, Runnable onAwaited) implements Batch {

    @Override
    public List<RequestHandle> handles() {
        return run.handles();
    }

    @Override
    public boolean isDone() {
        return run.isDone();
    }

    @Override
    public List<Outcome> await() {
        try {
            return run.await();
        } finally {
            onAwaited.run();
        }
    }

    @Override
    public List<Outcome> await(Duration patience) {
        try {
            return run.await(patience);
        } finally {
            onAwaited.run();
        }
    }

    @Override
    public RequestHandle awaitFirst() throws InterruptedException {
        return run.awaitFirst();
    }

    @Override
    public void cancel() {
        run.cancel();
    }

    @Override
    public int cleanedUp() {
        return run.cleanedUp();
    }

    @Override
    public boolean awaitCleanUp(Duration patience) throws InterruptedException {
        return run.awaitCleanUp(patience);
    }

    @Override
    public LatencyRecorder latencies() {
        return run.latencies();
    }
}
