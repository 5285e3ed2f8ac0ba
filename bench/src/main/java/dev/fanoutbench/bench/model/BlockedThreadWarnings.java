package dev.fanoutbench.bench.model;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the warnings of one Vert.x instance's blocked-thread checker (lesson 9).
 *
 * <p>The one use of Vert.x's internal API left, on purpose: Vert.x 5.0.7 has no public way to hear these
 * warnings. Its checker only logs them (logger {@code io.vertx.core.impl.BlockedThreadChecker}), and here that
 * log goes through SLF4J to slf4j-simple (the mock server's backend, on this classpath), which prints to stderr
 * and offers no handler to count with; a logging hook would also hear every Vert.x instance in the JVM, not this
 * one. {@code VertxBuilder} and {@code VertxOptions} only set the thresholds. The handler below is what Vert.x's
 * own tests use (eclipse-vertx/vert.x#4283, #4683).
 */
final class BlockedThreadWarnings {

    private final AtomicLong count = new AtomicLong();

    /** Replaces the checker's logging for this instance: counted here, and the first one printed. */
    BlockedThreadWarnings(Vertx vertx) {
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
            if (count.incrementAndGet() > 1) {
                return; // counted; one line on the console is enough to see it happen
            }
            System.err.println("vertx: " + event.thread().getName() + " blocked for "
                    + TimeUnit.NANOSECONDS.toMillis(event.duration()) + " ms (limit "
                    + TimeUnit.NANOSECONDS.toMillis(event.maxExecTime()) + " ms)");
        });
    }

    long count() {
        return count.get();
    }
}
