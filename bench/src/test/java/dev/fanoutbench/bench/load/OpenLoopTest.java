package dev.fanoutbench.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The open-loop driver survives the overload it exists to find: past its cap it drops what is due
 * and counts it, and what is still queued at the schedule's deadline is cancelled, never lost.
 */
class OpenLoopTest {

    static final Duration ANSWER_DELAY = Duration.ofSeconds(1);
    static final int CAP = 5;
    /** Twenty requests 5 ms apart, all due long before the first answer comes back. */
    static final int DUE = 20;

    static final long GAP_NANOS = 5_000_000;

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Counts what the driver reports, as the trial recorder does. */
    static final class Counting implements LoadListener {
        final AtomicLong handedOver = new AtomicLong();
        final Map<OutcomeKind, Long> outcomes = new EnumMap<>(OutcomeKind.class);
        final List<Outcome> all = new ArrayList<>();

        @Override
        public void handedOver(int requests) {
            handedOver.addAndGet(requests);
        }

        @Override
        public synchronized void returned(List<Outcome> returned) {
            all.addAll(returned);
            returned.forEach(o -> outcomes.merge(o.kind(), 1L, Long::sum));
        }
    }

    static long[] evenly(int count, long gapNanos) {
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i * gapNanos;
        }
        return offsets;
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"THREAD_POOL", "VIRTUAL_THREADS", "VERTX"})
    void requestsDueWhileTheCapIsFullAreDroppedAndCountedNeverSent(ModelKind kind) {
        server.resetStats();
        Counting counted = new Counting();
        try (ClientModel model = kind.create(DUE)) {
            OpenLoop loop = new OpenLoop(model, BatchOptions.defaults(), CAP, Duration.ofSeconds(1), counted);

            LoadResult result = loop.run(
                    evenly(DUE, GAP_NANOS),
                    i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=" + ANSWER_DELAY.toMillis()));

            assertThat(result.due()).isEqualTo(DUE);
            assertThat(result.ended()).as("one outcome per request due").isEqualTo(DUE);
            assertThat(result.succeeded()).isEqualTo(CAP);
            assertThat(result.dropped()).isEqualTo(DUE - CAP);
            assertThat(counted.handedOver.get()).isEqualTo(DUE);
            assertThat(counted.outcomes)
                    .containsOnly(
                            Map.entry(OutcomeKind.SUCCESS, (long) CAP),
                            Map.entry(OutcomeKind.DROPPED, (long) DUE - CAP));
            assertThat(server.stats().total().received())
                    .as("the stub saw only what was sent")
                    .isEqualTo(CAP);
            assertThat(counted.all)
                    .filteredOn(o -> o.kind() == OutcomeKind.DROPPED)
                    .allSatisfy(o -> assertThat(o.timings().wasDispatched()).isFalse());
        }
    }

    @Test
    void whatIsStillQueuedAtTheSchedulesDeadlineIsCancelledNotLost() {
        Counting counted = new Counting();
        Duration timeout = Duration.ofMillis(300);
        // one thread, answers of 1 s: the first request times out at 300 ms, the rest wait in the pool's queue
        try (ClientModel pool = ModelKind.THREAD_POOL.create(1)) {
            OpenLoop loop = new OpenLoop(
                    pool, BatchOptions.defaults().withTimeout(timeout), 100, Duration.ofMillis(200), counted);

            long started = System.nanoTime();
            LoadResult result = loop.run(
                    evenly(5, 0),
                    i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=" + ANSWER_DELAY.toMillis()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(result.ended()).isEqualTo(5);
            assertThat(counted.outcomes).doesNotContainKey(OutcomeKind.LOST).containsKey(OutcomeKind.CANCELLED);
            assertThat(result.cancelled()).isEqualTo(counted.outcomes.get(OutcomeKind.CANCELLED));
            assertThat(counted.outcomes.values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(5);
            // the deadline is the last offset + the timeout + the slack: 500 ms, plus what cancelling takes
            assertThat(took).isGreaterThanOrEqualTo(timeout.plusMillis(200)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCapBelowOneIsRefused() {
        try (ClientModel model = ModelKind.VIRTUAL_THREADS.create()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new OpenLoop(model, BatchOptions.defaults(), 0, Duration.ZERO, new Counting()))
                    .hasMessageContaining("maxInFlight must be at least 1");
        }
    }
}
