package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;

/**
 * One request of a running batch, like an asyncio Task: its state can be read at any time from
 * any thread; its outcome only once it is done (lesson 2).
 */
public interface RequestHandle {

    enum State {
        /** waiting for a permit, a thread or the event loop's turn */
        PENDING,
        /** on the wire */
        RUNNING,
        /** ended as {@link OutcomeKind#SUCCESS} */
        DONE,
        /** ended as an HTTP error, timeout, connection error or lost */
        FAILED,
        /** ended as {@link OutcomeKind#CANCELLED} */
        CANCELLED
    }

    int index();

    URI uri();

    State state();

    /**
     * The outcome, at once.
     *
     * @throws IllegalStateException if the request has not ended yet: reading early is an error,
     *                               never a wait
     */
    Outcome outcome();

    /** Ends this request as cancelled and releases its connection; false if it had already ended. */
    boolean cancel();
}
