package dev.fanoutbench.bench.model;

import java.net.URI;
import java.util.List;

/**
 * One way of calling many slow HTTP APIs: sequential, a platform thread pool, virtual threads,
 * or an event loop.
 *
 * <p>Contract: {@link #start} returns at once with a {@link Batch} whose every request ends as
 * exactly one {@link Outcome}, in input order; failures are outcomes, never exceptions. At most
 * {@link BatchOptions#maxInFlight()} requests are on the wire at once. A request's timeout counts
 * from its dispatch. Success means a 2xx whose body passes the batch's {@link ResponseCheck}
 * (by default: it echoes the id in the URI's last segment, as the stub does).
 *
 * <p>Thread-safety: every model may be called from any thread, including concurrently. After
 * {@link #close()}, {@link #start} throws {@link IllegalStateException} at once (lesson 10);
 * closing cancels batches still running.
 *
 * <p>Units: nanoseconds in {@link Timings} (from {@link System#nanoTime()}) and in the
 * {@link LatencyRecorder}.
 */
public interface ClientModel extends AutoCloseable {

    /** Its kind's id ("vertx"), or a variant's ("vertx-blocking-on-loop"). */
    String name();

    ModelKind kind();

    Batch start(List<URI> requests, BatchOptions options);

    /** Starts the batch and waits for it: {@code start(requests, options).await()}. */
    default List<Outcome> run(List<URI> requests, BatchOptions options) {
        return start(requests, options).await();
    }

    /** Its CPU workers and lanes, and how many lanes are warm; a model that does not say reports none warmed. */
    default Resources resources() {
        return Resources.UNREPORTED;
    }

    @Override
    void close();
}
