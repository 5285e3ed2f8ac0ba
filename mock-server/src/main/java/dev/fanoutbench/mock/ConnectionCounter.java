package dev.fanoutbench.mock;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;

/**
 * Connections open now, at most, and in all, as Jetty opens and closes them: what a flood of
 * connections or a crowd of slow-loris clients costs the stub shows here. Thread-safe.
 */
final class ConnectionCounter implements Connection.Listener {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder opened = new LongAdder();

    @Override
    public void onOpened(Connection connection) {
        opened.increment();
        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    @Override
    public void onClosed(Connection connection) {
        open.decrementAndGet();
    }

    ServerStats.ConnectionStats snapshot() {
        return new ServerStats.ConnectionStats(open.get(), peak.get(), opened.sum());
    }
}
