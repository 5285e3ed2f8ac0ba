package dev.fanoutbench.bench.model;

import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The accounting every model shares, so that all four are measured the same way: one slot per
 * request whose outcome is set exactly once (the first of: the model's answer, the timeout, a
 * cancel, being declared lost), timings recorded on that one occasion, and the connection
 * released through the slot's abort action whenever the batch, not the response, ended it.
 */
final class BatchRun implements Batch {

    private final Slot[] slots;
    private final List<RequestHandle> handles;
    private final BatchOptions options;
    private final int lanes;
    private final Timeouts timeouts;
    private final CountDownLatch unfinished;
    private final CountDownLatch uncleaned;
    private final AtomicInteger cleanedUp = new AtomicInteger();
    private volatile Runnable onAwaited = () -> {};
    private volatile IntConsumer onAnswered = index -> {};
    private final java.util.concurrent.CompletableFuture<RequestHandle> first =
            new java.util.concurrent.CompletableFuture<>();
    private final ScheduledFuture<?> deadlineTask;
    private final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();

    /**
     * @param lanes how many requests the model can really run at once (a fixed pool may run fewer
     *              than the limit): {@link #await()}'s patience allows for that many waves
     */
    BatchRun(List<URI> uris, BatchOptions options, Timeouts timeouts, int lanes) {
        this.lanes = Math.max(1, lanes);
        this.options = options;
        this.timeouts = timeouts;
        long intendedStart = options.intendedStartNanos() != 0 ? options.intendedStartNanos() : System.nanoTime();
        this.slots = new Slot[uris.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i, uris.get(i), intendedStart);
        }
        this.handles = Collections.unmodifiableList(List.of(slots));
        this.unfinished = new CountDownLatch(slots.length);
        this.uncleaned = new CountDownLatch(slots.length);
        if (slots.length == 0) {
            done.complete(null);
        }
        Duration deadline = options.deadline();
        this.deadlineTask = deadline == null || slots.length == 0
                ? null
                : timeouts.schedule(
                        0,
                        () -> {
                            for (Slot slot : slots) {
                                slot.end(
                                        OutcomeKind.TIMEOUT,
                                        0,
                                        "the batch's deadline of " + deadline.toMillis() + " ms passed first");
                            }
                        },
                        deadline.toNanos() - (System.nanoTime() - intendedStart));
    }

    Slot slot(int index) {
        return slots[index];
    }

    int size() {
        return slots.length;
    }

    BatchOptions options() {
        return options;
    }

    @Override
    public List<RequestHandle> handles() {
        return handles;
    }

    @Override
    public boolean isDone() {
        return unfinished.getCount() == 0;
    }

    @Override
    public List<Outcome> await() {
        Duration patience = options.timeout()
                .multipliedBy(Math.max(1, ModelKind.waves(slots.length, lanes)) + 1L)
                .plusSeconds(10);
        if (options.deadline() != null && options.deadline().plusSeconds(10).compareTo(patience) < 0) {
            patience = options.deadline().plusSeconds(10);
        }
        return await(patience);
    }

    /** Runs after every await, e.g. so the model stops tracking a batch its caller is done with. */
    void whenAwaited(Runnable action) {
        this.onAwaited = action;
    }

    /**
     * Runs with a request's index when its answer arrives, before its outcome is told: whoever awaits the
     * batch then sees what the action did (e.g. the model marked the lane that answered as warm).
     */
    void whenAnswered(IntConsumer action) {
        this.onAnswered = action;
    }

    @Override
    public List<Outcome> await(Duration patience) {
        try {
            return awaitOutcomes(patience);
        } finally {
            onAwaited.run();
        }
    }

    private List<Outcome> awaitOutcomes(Duration patience) {
        try {
            if (!unfinished.await(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                for (Slot slot : slots) {
                    slot.end(
                            OutcomeKind.LOST, 0, "no outcome within " + patience.toMillis() + " ms: the model lost it");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
        List<Outcome> outcomes = new ArrayList<>(slots.length);
        for (Slot slot : slots) {
            outcomes.add(slot.outcome.get());
        }
        return outcomes;
    }

    @Override
    public RequestHandle awaitFirst() throws InterruptedException {
        try {
            return first.get();
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void whenDone(Runnable action) {
        done.thenRun(action);
    }

    @Override
    public void cancel() {
        for (Slot slot : slots) {
            slot.cancel();
        }
    }

    @Override
    public int cleanedUp() {
        return cleanedUp.get();
    }

    @Override
    public boolean awaitCleanUp(Duration patience) throws InterruptedException {
        return uncleaned.await(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** One request's life in the batch. The model calls dispatched, onAbort, answered/failed, cleanedUp. */
    final class Slot implements RequestHandle {

        private final int index;
        private final URI uri;
        private final long intendedStartNanos;
        private final AtomicReference<Outcome> outcome = new AtomicReference<>();
        private final AtomicReference<Runnable> abort = new AtomicReference<>();
        private volatile long dispatchedNanos = -1;
        private volatile ScheduledFuture<?> timeoutTask;

        Slot(int index, URI uri, long intendedStartNanos) {
            this.index = index;
            this.uri = uri;
            this.intendedStartNanos = intendedStartNanos;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public State state() {
            Outcome ended = outcome.get();
            if (ended == null) {
                return dispatchedNanos < 0 ? State.PENDING : State.RUNNING;
            }
            return switch (ended.kind()) {
                case SUCCESS -> State.DONE;
                case CANCELLED -> State.CANCELLED;
                default -> State.FAILED;
            };
        }

        @Override
        public Outcome outcome() {
            Outcome ended = outcome.get();
            if (ended == null) {
                throw new IllegalStateException("request " + index + " (" + uri + ") is still " + state()
                        + ": read its outcome once its state is terminal, or await the batch");
            }
            return ended;
        }

        @Override
        public boolean cancel() {
            return end(OutcomeKind.CANCELLED, 0, "cancelled");
        }

        /**
         * The request got its permit, thread or turn and is about to go on the wire. Starts its
         * timeout. Returns false if it already ended (cancelled while queued): the model must skip it.
         */
        boolean dispatched() {
            if (outcome.get() != null) {
                return false;
            }
            dispatchedNanos = System.nanoTime();
            // a timeout never fires before its limit has passed since the stamp; uncontended, it costs microseconds
            timeoutTask = timeouts.schedule(
                    index,
                    () -> end(
                            OutcomeKind.TIMEOUT,
                            0,
                            "timed out after " + options.timeout().toMillis() + " ms"),
                    options.timeout().toNanos());
            return outcome.get() == null;
        }

        /** How to drop this request's connection if the batch ends it; runs at once if it already ended. */
        void onAbort(Runnable action) {
            abort.set(action);
            if (outcome.get() != null && outcome.get().kind() != OutcomeKind.SUCCESS) {
                runAbort();
            }
        }

        /** A status line and body arrived: success only if the status is one the batch accepts and so is the body. */
        void answered(int status, String body) {
            onAnswered.accept(index);
            if (!options.success().contains(status)) {
                end(OutcomeKind.HTTP_ERROR, status, "HTTP " + status);
                return;
            }
            String problem = options.check().problem(uri, body);
            if (problem == null) {
                end(OutcomeKind.SUCCESS, status, body);
            } else {
                end(OutcomeKind.BAD_ANSWER, status, "bad answer: " + problem);
            }
        }

        void failed(Throwable error) {
            end(OutcomeKind.CONNECTION_ERROR, 0, ConnectionErrors.describe(error));
        }

        /** The model released what this request held (permit, thread, connection). */
        void cleanedUp() {
            cleanedUp.incrementAndGet();
            uncleaned.countDown();
        }

        boolean end(OutcomeKind kind, int status, String detail) {
            if (outcome.get() != null) {
                return false;
            }
            Timings timings = new Timings(intendedStartNanos, dispatchedNanos, System.nanoTime());
            Outcome ended = new Outcome(index, uri, kind, status, detail, timings);
            if (!outcome.compareAndSet(null, ended)) {
                return false;
            }
            ScheduledFuture<?> pending = timeoutTask;
            if (pending != null) {
                pending.cancel(false);
            }
            options.latencies().record(ended);
            unfinished.countDown();
            first.complete(this);
            if (unfinished.getCount() == 0) {
                if (deadlineTask != null) {
                    deadlineTask.cancel(false);
                }
                done.complete(null);
            }
            if (kind == OutcomeKind.TIMEOUT || kind == OutcomeKind.CANCELLED || kind == OutcomeKind.LOST) {
                runAbort();
            }
            return true;
        }

        private void runAbort() {
            Runnable action = abort.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }
}
