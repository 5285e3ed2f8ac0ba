package dev.fanoutbench.bench.load;

import dev.fanoutbench.bench.model.Batch;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.Timings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests on an open schedule, whatever the client's state (wrk2's open model, after Gil
 * Tene): each request is due at its offset from the start, and its latency counts from then, so a
 * client that falls behind shows it instead of hiding it (coordinated omission).
 *
 * <p>Two things keep the harness alive past the model's capacity. At most {@code maxInFlight}
 * requests are in flight: one that is due while the cap is full is not sent and ends as
 * {@link OutcomeKind#DROPPED} (k6's dropped iterations), so memory stays bounded and the gap is
 * counted, never silent. And the schedule has one deadline, its last request's timeout after its
 * last offset: what is still in flight then is cancelled, an outcome of its own, never lost.
 *
 * <p>Threading: {@link #run} is called by one thread at a time; the listener is called from that
 * thread only. Units: offsets in nanoseconds from the start.
 */
public final class OpenLoop {

    static final long WAIT_STEP_NANOS = 1_000_000;

    private final ClientModel client;
    private final BatchOptions options;
    private final int maxInFlight;
    private final Duration slack;
    private final LoadListener listener;

    /**
     * @param options     each request's options (its latencies recorder, timeout, check...); the
     *                    intended start is set per request
     * @param maxInFlight the cap: at least 1
     * @param slack       added to the last request's timeout before the schedule's deadline
     */
    public OpenLoop(ClientModel client, BatchOptions options, int maxInFlight, Duration slack, LoadListener listener) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.client = client;
        this.options = options;
        this.maxInFlight = maxInFlight;
        this.slack = slack;
        this.listener = listener;
    }

    /** Sends request {@code i} at {@code offsetsNanos[i]} after the start, to {@code uri.apply(i)}. */
    public LoadResult run(long[] offsetsNanos, LongFunction<URI> uri) {
        Tally tally = new Tally(listener);
        AtomicInteger inFlight = new AtomicInteger();
        Set<Batch> live = ConcurrentHashMap.newKeySet();
        Queue<Batch> ended = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        for (int i = 0; i < offsetsNanos.length; i++) {
            long due = start + offsetsNanos[i];
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            listener.handedOver(1);
            if (inFlight.get() >= maxInFlight) {
                tally.add(List.of(dropped(uri.apply(i), due)));
            } else {
                inFlight.incrementAndGet();
                Batch batch = client.start(List.of(uri.apply(i)), options.withIntendedStart(due));
                live.add(batch);
                batch.whenDone(() -> {
                    live.remove(batch);
                    ended.add(batch);
                    inFlight.decrementAndGet();
                });
            }
            // what has ended is counted and let go as the schedule runs: only what is in flight stays on the heap
            drain(ended, tally);
        }
        long last = offsetsNanos.length == 0 ? 0 : offsetsNanos[offsetsNanos.length - 1];
        long deadline = start + last + options.timeout().toNanos() + slack.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(WAIT_STEP_NANOS);
            drain(ended, tally);
        }
        // past the deadline: a request still queued in the client (a pool far past its knee queues thousands, and a
        // timeout counts from dispatch) is cancelled, an outcome the knee counts as a failure
        for (Batch batch : live) {
            batch.cancel();
        }
        while (inFlight.get() > 0 && System.nanoTime() < deadline + slack.toNanos()) {
            LockSupport.parkNanos(WAIT_STEP_NANOS);
            drain(ended, tally);
        }
        drain(ended, tally);
        for (Batch batch : live) {
            tally.add(batch.await(Duration.ZERO)); // the model never ended it, even cancelled: lost, and said so
        }
        return tally.result(offsetsNanos.length);
    }

    private Outcome dropped(URI uri, long due) {
        Outcome outcome = new Outcome(
                0,
                uri,
                OutcomeKind.DROPPED,
                0,
                "dropped: " + maxInFlight + " requests were already in flight (the cap)",
                new Timings(due, -1, System.nanoTime()));
        options.latencies().record(outcome);
        return outcome;
    }

    private void drain(Queue<Batch> ended, Tally tally) {
        for (Batch batch = ended.poll(); batch != null; batch = ended.poll()) {
            tally.add(batch.await(Duration.ZERO));
        }
    }
}
