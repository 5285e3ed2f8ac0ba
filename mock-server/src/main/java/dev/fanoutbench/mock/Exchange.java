package dev.fanoutbench.mock;

import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's life on the server, from its request line to its last written byte or its
 * client's going away, whichever comes first.
 *
 * <p>Thread-safety: state changes are guarded by this object's monitor, because three threads
 * race to end an exchange: the Jetty thread that parsed it, the thread that writes its delayed
 * response and the {@link DisconnectWatcher}.
 */
final class Exchange {

    enum State {
        WAITING,
        RESPONDING,
        FINISHED
    }

    final String endpoint;
    /** Its endpoint's counters, looked up once at arrival rather than at every event of the exchange. */
    final EndpointCounters counters;

    final long arrivalNanos;
    /** Where the stub's lateness counts from: the client's send time when it is known, else the arrival. */
    final long originNanos;

    final boolean fromClientClock;
    /** Which reset of the counts this exchange arrived after. */
    final int epoch;

    private State state = State.WAITING;
    private boolean leftInFlight;
    private long configuredDelayMillis = -1;
    private RequestedPayload streamed;
    private SelectionKey watchKey;
    private final List<Runnable> onRelease = new ArrayList<>(1);

    /** @param clientSendNanos the client's send time on this host's monotonic clock, or -1 if unknown */
    Exchange(String endpoint, EndpointCounters counters, long arrivalNanos, long clientSendNanos, int epoch) {
        this.epoch = epoch;
        this.endpoint = endpoint;
        this.counters = counters;
        this.arrivalNanos = arrivalNanos;
        this.fromClientClock = clientSendNanos >= 0;
        this.originNanos = fromClientClock ? clientSendNanos : arrivalNanos;
    }

    synchronized void configuredDelayMillis(long delayMillis) {
        this.configuredDelayMillis = delayMillis;
    }

    /** The delay the stub chose for this request, or -1 if it chose none. */
    synchronized long configuredDelayMillis() {
        return configuredDelayMillis;
    }

    /** The stub chose to stream this answer in chunks ({@link Dribble} writes them). */
    synchronized void streamAs(RequestedPayload payload) {
        this.streamed = payload;
    }

    /** How the answer is to be streamed, or null to write it at once. */
    synchronized RequestedPayload streamed() {
        return streamed;
    }

    /**
     * Runs once, when the answer starts or the exchange ends, whichever is first: a concurrency
     * permit is given back before the client can see the answer, so a client that sends its next
     * request on receipt never finds its own finished request still counted.
     */
    synchronized void onAnswerOrEnd(Runnable action) {
        if (state == State.WAITING) {
            onRelease.add(action);
        } else {
            action.run();
        }
    }

    /** True for the one caller that takes this exchange out of the in-flight count. */
    synchronized boolean leaveInFlight() {
        if (leftInFlight) {
            return false;
        }
        leftInFlight = true;
        return true;
    }

    synchronized boolean isWaiting() {
        return state == State.WAITING;
    }

    /** Keeps the key only while the response has not started; returns false if it already has. */
    synchronized boolean watchWith(SelectionKey key) {
        if (state != State.WAITING) {
            return false;
        }
        watchKey = key;
        return true;
    }

    /** From here on the server owns the socket again: stop probing it for a closed client. */
    void markResponding() {
        List<Runnable> actions;
        synchronized (this) {
            if (state != State.WAITING) {
                return;
            }
            state = State.RESPONDING;
            cancelWatch();
            actions = List.copyOf(onRelease);
            onRelease.clear();
        }
        actions.forEach(Runnable::run);
    }

    /** Returns true for the one caller that actually ended the exchange. */
    boolean finish() {
        List<Runnable> actions;
        synchronized (this) {
            if (state == State.FINISHED) {
                return false;
            }
            state = State.FINISHED;
            cancelWatch();
            actions = List.copyOf(onRelease);
            onRelease.clear();
        }
        actions.forEach(Runnable::run);
        return true;
    }

    private void cancelWatch() {
        if (watchKey != null) {
            DisconnectWatcher.pause(watchKey);
            watchKey = null;
        }
    }
}
