package dev.fanoutbench.bench.load;

import dev.fanoutbench.bench.model.Batch;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.Timings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * A fixed number of users, each sending its next request when its last one ended (a closed
 * model: the client's speed sets the rate, so it measures throughput, never latency under a given
 * load). It runs until {@code count} requests were sent or, for a timed run, until its time is up.
 *
 * <p>It ends as {@link OpenLoop} does: at its deadline (a timed run's end plus the request timeout
 * and a slack; a counted run's given deadline) whatever is still in flight or queued in the client
 * is cancelled, an outcome of its own, and every request sent ends as exactly one outcome.
 *
 * <p>Threading: {@link #run} is called by one thread at a time; each user is a virtual thread of
 * its own, and the listener is called from any of them.
 */
public final class ClosedLoop {

    private final ClientModel client;
    private final BatchOptions options;
    private final LoadListener listener;

    /** @param options each request's options (its latencies recorder, timeout, check...) */
    public ClosedLoop(ClientModel client, BatchOptions options, LoadListener listener) {
        this.client = client;
        this.options = options;
        this.listener = listener;
    }

    /**
     * {@code users} users send {@code count} requests in all; what is unfinished after {@code deadline} is cancelled.
     */
    public LoadResult count(int users, long count, Duration deadline, LongFunction<URI> uri) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        return run(users, count, Long.MAX_VALUE, System.nanoTime() + deadline.toNanos(), uri);
    }

    /**
     * {@code users} users send for {@code length}; what is unfinished after that, the timeout and {@code slack} is
     * cancelled.
     */
    public LoadResult timed(int users, Duration length, Duration slack, LongFunction<URI> uri) {
        long end = System.nanoTime() + length.toNanos();
        return run(users, Long.MAX_VALUE, end, end + options.timeout().toNanos() + slack.toNanos(), uri);
    }

    private LoadResult run(int users, long count, long endNanos, long deadlineNanos, LongFunction<URI> uri) {
        if (users < 1) {
            throw new IllegalArgumentException("a closed loop needs at least one user, got " + users);
        }
        Tally tally = new Tally(listener);
        AtomicLong next = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long stopNanos = Math.min(endNanos, deadlineNanos);
        Set<Batch> live = ConcurrentHashMap.newKeySet();
        AtomicBoolean expired = new AtomicBoolean();
        AtomicReference<Throwable> broke = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            threads.add(Thread.ofVirtual().name("closed-loop-user-" + u).start(() -> {
                while (System.nanoTime() < stopNanos) {
                    long i = next.getAndIncrement();
                    if (i >= count) {
                        return;
                    }
                    listener.handedOver(1);
                    sent.incrementAndGet();
                    URI target = uri.apply(i);
                    try {
                        Batch batch = client.start(List.of(target), options);
                        live.add(batch);
                        if (expired.get()) {
                            batch.cancel(); // started while the deadline swept: the sweep may have missed it
                        }
                        List<Outcome> outcomes = batch.await();
                        live.remove(batch);
                        tally.add(outcomes);
                    } catch (RuntimeException | Error e) {
                        // the client broke its contract: the request still ends, as lost, and the run says why
                        tally.add(List.of(ended(target, OutcomeKind.LOST, "the client threw: " + e)));
                        broke.compareAndSet(null, e);
                        return;
                    }
                }
            }));
        }
        // at the deadline, what is still running is cancelled: each user's await then returns at once
        Thread deadline = Thread.ofVirtual().name("closed-loop-deadline").start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
            } catch (InterruptedException ended) {
                return;
            }
            expired.set(true);
            live.forEach(Batch::cancel);
        });
        for (Thread user : threads) {
            join(user);
        }
        deadline.interrupt();
        if (broke.get() != null) {
            throw new IllegalStateException("a closed loop's user stopped: " + broke.get(), broke.get());
        }
        long due = count == Long.MAX_VALUE ? sent.get() : count;
        // a counted run whose deadline came first: the requests never sent end as cancelled, counted, not forgotten
        for (long i = sent.get(); i < due; i++) {
            listener.handedOver(1);
            tally.add(List.of(
                    ended(uri.apply(i), OutcomeKind.CANCELLED, "not sent: the closed loop's deadline passed first")));
        }
        return tally.result(due);
    }

    /** An outcome for a request the client never ended: recorded as every outcome is. */
    private Outcome ended(URI uri, OutcomeKind kind, String detail) {
        long now = System.nanoTime();
        Outcome outcome = new Outcome(0, uri, kind, 0, detail, new Timings(now, -1, now));
        options.latencies().record(outcome);
        return outcome;
    }

    private static void join(Thread user) {
        try {
            user.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the closed loop's users ran", e);
        }
    }
}
