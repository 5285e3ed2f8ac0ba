package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import java.util.List;

/**
 * A running batch of requests. Thread-safe: any thread may read handles, await or cancel.
 */
public interface Batch {

    /** One handle per request, in input order. */
    List<RequestHandle> handles();

    boolean isDone();

    /**
     * Waits for every request and returns one outcome per request in input order. Waits at most
     * a generous bound derived from the batch (waves x timeout); any request still unfinished
     * then is reported as {@link OutcomeKind#LOST}, never dropped.
     */
    List<Outcome> await();

    /** As {@link #await()}, but reports what is unfinished after {@code patience} as lost. */
    List<Outcome> await(Duration patience);

    /**
     * Waits until the first request ends, however it ends (asyncio's FIRST_COMPLETED), and
     * returns its handle; the others keep running.
     */
    RequestHandle awaitFirst() throws InterruptedException;

    /**
     * Runs {@code action} once every request has ended, however (at once if they have), on the
     * thread that ended the last one: keep it short. An open-loop driver counts what it has in
     * flight with it, without polling.
     */
    void whenDone(Runnable action);

    /** Cancels every unfinished request: each ends as cancelled and its connection is closed. */
    void cancel();

    /** How many requests have run their clean-up (released permit, thread or connection). */
    int cleanedUp();

    /**
     * Waits until every request has run its clean-up, which can trail its outcome (a cancelled
     * thread still unwinds); returns false if that takes longer than {@code patience}.
     */
    boolean awaitCleanUp(Duration patience) throws InterruptedException;
}
