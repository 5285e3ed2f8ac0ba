package dev.fanoutbench.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.bench.load.OpenLoopTest.Counting;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The closed-loop driver: its users keep exactly their number of requests in flight, one outcome
 * per request sent, and it ends as the open loop does: what is unfinished at its deadline is
 * cancelled, and what a counted run never got to send is cancelled too, never silently missing.
 */
class ClosedLoopTest {

    static final long DELAY_MS = 100;

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static LongFunction<URI> delayed(long millis) {
        return i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=" + millis);
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"THREAD_POOL", "VIRTUAL_THREADS", "VERTX"})
    void usersKeepTheirConcurrencyAndEveryRequestEndsOnce(ModelKind kind) {
        server.resetStats();
        Counting counted = new Counting();
        try (ClientModel model = kind.create(8)) {
            long started = System.nanoTime();
            LoadResult result = new ClosedLoop(model, BatchOptions.defaults(), counted)
                    .count(4, 20, Duration.ofSeconds(30), delayed(DELAY_MS));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(result.due()).isEqualTo(20);
            assertThat(result.succeeded()).isEqualTo(20);
            assertThat(counted.handedOver.get()).isEqualTo(20);
            assertThat(counted.outcomes).containsOnly(java.util.Map.entry(OutcomeKind.SUCCESS, 20L));
            assertThat(server.stats().total().received()).isEqualTo(20);
            assertThat(server.stats().total().peakInFlight())
                    .as("four users: four in flight at most")
                    .isEqualTo(4);
            // 20 requests, 4 at a time, 100 ms each: five waves at least
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(5 * DELAY_MS));
        }
    }

    @Test
    void aTimedRunSendsUntilItsTimeIsUp() {
        Counting counted = new Counting();
        try (ClientModel model = ModelKind.VIRTUAL_THREADS.create()) {
            LoadResult result = new ClosedLoop(model, BatchOptions.defaults(), counted)
                    .timed(2, Duration.ofMillis(550), Duration.ofSeconds(1), delayed(DELAY_MS));

            // two users, 100 ms a request, 550 ms: each sends six (the last one starts before the end)
            assertThat(result.due()).isBetween(10L, 12L);
            assertThat(result.ended()).isEqualTo(result.due());
            assertThat(result.succeeded()).isEqualTo(result.due());
        }
    }

    @Test
    void whatIsUnfinishedAtTheDeadlineIsCancelledAndWhatWasNeverSentToo() {
        Counting counted = new Counting();
        // one user, answers of 1 s, a deadline of 300 ms: the first request is cancelled, the other four never sent
        try (ClientModel model = ModelKind.VIRTUAL_THREADS.create()) {
            LoadResult result = new ClosedLoop(model, BatchOptions.defaults(), counted)
                    .count(1, 5, Duration.ofMillis(300), delayed(1000));

            assertThat(result.ended()).isEqualTo(5);
            assertThat(result.cancelled()).isEqualTo(5);
            assertThat(counted.handedOver.get()).isEqualTo(5);
            assertThat(counted.outcomes).containsOnly(java.util.Map.entry(OutcomeKind.CANCELLED, 5L));
            assertThat(counted.all)
                    .filteredOn(o -> !o.timings().wasDispatched())
                    .hasSize(4);
        }
    }

    @Test
    void aClientThatThrowsLosesNoRequestSilently() {
        Counting counted = new Counting();
        ClientModel closed = ModelKind.VIRTUAL_THREADS.create();
        closed.close(); // a closed model refuses work by throwing: a client breaking the driver's expectations

        assertThatThrownBy(() -> new ClosedLoop(closed, BatchOptions.defaults(), counted)
                        .count(3, 10, Duration.ofSeconds(5), delayed(0)))
                .hasMessageContaining("a closed loop's user stopped");
        assertThat(counted.outcomes).containsOnlyKeys(OutcomeKind.LOST);
        assertThat(counted.outcomes.get(OutcomeKind.LOST))
                .as("every request handed over ended once")
                .isEqualTo(counted.handedOver.get());
    }

    @Test
    void noUsersIsRefused() {
        try (ClientModel model = ModelKind.VIRTUAL_THREADS.create()) {
            assertThatThrownBy(() -> new ClosedLoop(model, BatchOptions.defaults(), new Counting())
                            .count(0, 1, Duration.ofSeconds(1), delayed(0)))
                    .hasMessageContaining("at least one user");
        }
    }

    @Test
    void aClosedLoopOfOneRequestPerLaneWarmsEveryEventLoop() {
        // how a workload trial warms its model: each of a closed loop's requests is a batch of its own
        try (ClientModel model = ModelKind.VERTX.create()) {
            int lanes = model.resources().lanes();

            new ClosedLoop(model, BatchOptions.defaults(), LoadListener.NONE)
                    .count(Math.min(10, lanes), lanes, Duration.ofSeconds(30), delayed(0));

            assertThat(model.resources().lanesWarmed()).isEqualTo(lanes);
        }
    }
}
