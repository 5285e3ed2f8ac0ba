package dev.fanoutbench.bench.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Generators meet at generator 0's barrier: nobody goes before all have come, generator 0's step runs once before
 * anyone goes, one that would stop stops them all, and one that never comes is named instead of waited for forever.
 */
class BarrierTest {

    static final Duration LONG = Duration.ofSeconds(30);

    static GeneratorRole role(int index, int count, int port) {
        return new GeneratorRole(index, count, "127.0.0.1:" + port);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void nobodyGoesBeforeAllHaveComeAndGeneratorZerosStepRunsOnceBeforeThem() throws Exception {
        int port = freePort();
        AtomicInteger resets = new AtomicInteger();
        try (Barrier zero = Barrier.serve(role(0, 3, port), "vertx", false);
                BarrierClient one = new BarrierClient(role(1, 3, port), "vertx");
                BarrierClient two = new BarrierClient(role(2, 3, port), "vertx")) {
            CompletableFuture<Meeting.Release> first =
                    CompletableFuture.supplyAsync(() -> one.meet("w1", null, LONG, null));
            CompletableFuture<Meeting.Release> second =
                    CompletableFuture.supplyAsync(() -> zero.meet("w1", null, LONG, resets::incrementAndGet));
            Thread.sleep(300); // two of three are waiting
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            assertThat(resets).hasValue(0);

            Meeting.Release last = two.meet("w1", null, LONG, null);

            assertThat(List.of(last, first.join(), second.join()))
                    .allSatisfy(r -> assertThat(r.go()).isTrue());
            assertThat(resets).as("generator 0's step, once").hasValue(1);
            assertThat(one.clock().boundMillis()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void oneThatWouldStopStopsThemAll() throws Exception {
        int port = freePort();
        try (Barrier zero = Barrier.serve(role(0, 2, port), "vertx", false);
                BarrierClient one = new BarrierClient(role(1, 2, port), "vertx")) {
            CompletableFuture<Meeting.Release> leader =
                    CompletableFuture.supplyAsync(() -> zero.meet("w3", null, LONG, null));
            Meeting.Release follower = one.meet("w3", "2 open windows in a row breached the SLO", LONG, null);

            assertThat(List.of(follower, leader.join())).allSatisfy(r -> {
                assertThat(r.go()).isFalse();
                assertThat(r.stop()).isEqualTo("generator 1 of 2: 2 open windows in a row breached the SLO");
            });
        }
    }

    @Test
    void generatorZeroDecidesOnEveryGeneratorsReportAndItsDecisionStopsThemAll() throws Exception {
        int port = freePort();
        Map<Integer, String> seen = new ConcurrentHashMap<>();
        try (Barrier zero = Barrier.serve(role(0, 2, port), "vertx", false);
                BarrierClient one = new BarrierClient(role(1, 2, port), "vertx")) {
            CompletableFuture<Meeting.Release> follower =
                    CompletableFuture.supplyAsync(() -> one.meet("w4", null, "window 3 of generator 1", LONG, null));
            Meeting.Release leader = zero.meet("w4", null, "window 3 of generator 0", LONG, reports -> {
                seen.putAll(reports);
                return "the merged windows breached the SLO";
            });

            assertThat(seen)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(0, "window 3 of generator 0", 1, "window 3 of generator 1"));
            assertThat(List.of(leader, follower.join()))
                    .allSatisfy(r -> assertThat(r.stop()).isEqualTo("the merged windows breached the SLO"));
        }
    }

    @Test
    void oneThatNeverComesIsNamedOncePatienceRunsOut() throws Exception {
        int port = freePort();
        try (Barrier zero = Barrier.serve(role(0, 3, port), "vertx", false);
                BarrierClient one = new BarrierClient(role(1, 3, port), "vertx")) {
            CompletableFuture<Meeting.Release> follower =
                    CompletableFuture.supplyAsync(() -> one.meet("w2", null, Duration.ofSeconds(1), null));
            Meeting.Release leader = zero.meet("w2", null, Duration.ofSeconds(1), null);

            assertThat(leader.missing()).containsExactly(2);
            assertThat(follower.join().missing()).containsExactly(2);
            assertThat(leader.go()).isFalse();
        }
    }

    @Test
    void aGeneratorToldAnotherCountOrIndexIsRefused() throws Exception {
        int port = freePort();
        try (Barrier zero = Barrier.serve(role(0, 3, port), "vertx", false);
                BarrierClient wrongCount = new BarrierClient(role(1, 2, port), "vertx")) {
            assertThatThrownBy(() -> wrongCount.meet("w1", null, LONG, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("generator 0 has 3 generators, this one was told 2");
        }
    }

    @Test
    void withoutGeneratorZeroAFollowerGivesUpAtItsPatience() throws Exception {
        int port = freePort();
        try (BarrierClient one = new BarrierClient(role(1, 2, port), "vertx")) {
            assertThatThrownBy(() -> one.meet("start", null, Duration.ofSeconds(1), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not let this generator in at start within 1 s: is generator 0 running?");
        }
    }
}
