package dev.fanoutbench.bench.model;

/**
 * Three instants of one request, in {@link System#nanoTime()} nanoseconds: when the batch meant it
 * to start, when it got what it needed to run (a permit, a thread, the event loop's turn), and
 * when its outcome was settled. {@code dispatchedNanos} is -1 if it never ran.
 */
public record Timings(long intendedStartNanos, long dispatchedNanos, long completedNanos) {

    /** What the caller waited: from intended start to outcome (free of coordinated omission). */
    public long responseTimeNanos() {
        return completedNanos - intendedStartNanos;
    }

    /** False for a request cancelled or lost while it waited for a permit, a thread or its turn. */
    public boolean wasDispatched() {
        return dispatchedNanos >= 0;
    }

    /** What the request itself took once it ran; only meaningful if it {@link #wasDispatched()}. */
    public long serviceTimeNanos() {
        return completedNanos - dispatchedNanos;
    }

    /** How long it queued for a permit, thread or turn before running (all of its life if it never ran). */
    public long dispatchDelayNanos() {
        return (dispatchedNanos < 0 ? completedNanos : dispatchedNanos) - intendedStartNanos;
    }
}
