package dev.fanoutbench.bench.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a trial's load generators wait for one another before each window, so that their slices of it start
 * together and stop together: generator 0 serves it ({@link Barrier}), the others ask it ({@link BarrierClient}).
 */
public interface Meeting extends AutoCloseable {

    /** A generator on its own: nobody to wait for. */
    Meeting ALONE = new Meeting() {
        @Override
        public Release meet(String point, String stop, String report, Duration patience, Decision decision) {
            String decided = decision == null ? null : decision.decide(Map.of(0, report == null ? "" : report));
            return new Release(stop != null ? stop : decided, List.of());
        }

        @Override
        public ClockOffset clock() {
            return ClockOffset.SAME;
        }

        @Override
        public void close() {}
    };

    /**
     * Waits until every generator has arrived at {@code point}, or patience ran out.
     *
     * @param stop     why this generator would stop here, or null to go on
     * @param report   what this generator tells generator 0's decision (its last window), or null
     * @param decision run once all have arrived (or patience ran out), before any is let go, on every generator's
     *                 report; only generator 0's is run
     */
    Release meet(String point, String stop, String report, Duration patience, Decision decision);

    /** As above, with no report, and a step of generator 0's that decides nothing. */
    default Release meet(String point, String stop, Duration patience, Runnable beforeRelease) {
        return meet(
                point,
                stop,
                null,
                patience,
                beforeRelease == null
                        ? null
                        : reports -> {
                            beforeRelease.run();
                            return null;
                        });
    }

    /** Generator 0's step at a point, on the reports of the generators that came (by index). */
    @FunctionalInterface
    interface Decision {
        /** @return why every generator stops here, or null to go on */
        String decide(Map<Integer, String> reports);
    }

    /** This host's clock against generator 0's. */
    ClockOffset clock();

    @Override
    void close();

    /**
     * What the generators decided at a point: go on together, stop together (one of them saw the model broken, and
     * all stop so that the merged windows are whole), or stop because some never came.
     *
     * @param stop    why they stop, or null
     * @param missing the generators that had not arrived when patience ran out
     */
    record Release(String stop, List<Integer> missing) {
        public boolean go() {
            return stop == null && missing.isEmpty();
        }
    }

    /**
     * Generator 0's clock minus this one's, measured as NTP does (the exchange with the shortest round trip; the
     * offset is known to within half of it).
     */
    record ClockOffset(double offsetMillis, double boundMillis) {
        public static final ClockOffset SAME = new ClockOffset(0, 0);
    }

    /** The wall clock in microseconds: what generators compare. */
    static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
