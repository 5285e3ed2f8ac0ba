package dev.fanoutbench.mock;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Reads the stub's stats until the exchanges a caller waits for have ended: the stub counts an
 * exchange as ended once the last byte of its answer is written (or its client has gone), which can
 * trail the moment the client has read that answer.
 */
public final class SettledStats {

    /** Short against any trial's iteration, and few enough reads not to load the stub. */
    static final Duration POLL = Duration.ofMillis(10);

    private SettledStats() {}

    /**
     * Reads until at least {@code expected} exchanges have ended or {@code patience} has passed, and
     * returns the last reading either way: what an unsettled one means is the caller's to say.
     *
     * @param expected how many must have ended, asked of each reading (it may grow as requests arrive)
     */
    public static ServerStats.EndpointStats await(
            Supplier<ServerStats.EndpointStats> read,
            ToLongFunction<ServerStats.EndpointStats> expected,
            Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        ServerStats.EndpointStats stats = read.get();
        while (stats.ended() < expected.applyAsLong(stats) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL.toNanos());
            stats = read.get();
        }
        return stats;
    }
}
