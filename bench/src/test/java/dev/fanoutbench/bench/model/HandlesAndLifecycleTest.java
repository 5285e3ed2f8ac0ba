package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lessons 2 (handles), 8 (nothing silently lost) and 10 (a closed model refuses work). */
class HandlesAndLifecycleTest {

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<URI> stuck(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> server.baseUri().resolve("/api/stuck/" + i))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aRunningRequestsStateCanBeReadButReadingItsResultEarlyIsAnErrorNotAHang(String client) {
        try (ClientModel model = Clients.create(client, 0)) {
            Batch batch = model.start(stuck(3), BatchOptions.defaults());
            RequestHandle first = batch.handles().get(0);

            assertThat(first.state()).isIn(RequestHandle.State.PENDING, RequestHandle.State.RUNNING);
            assertThatThrownBy(first::outcome)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still");
            assertThat(batch.isDone()).isFalse();

            assertThat(first.cancel()).isTrue();
            assertThat(first.state()).isEqualTo(RequestHandle.State.CANCELLED);
            batch.cancel();
            assertThat(batch.await()).extracting(Outcome::kind).containsOnly(OutcomeKind.CANCELLED);
            assertThat(batch.handles()).extracting(RequestHandle::state).containsOnly(RequestHandle.State.CANCELLED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aClosedModelRefusesWorkAtOnceFromAnyThread(String client) throws Exception {
        ClientModel model = Clients.create(client, 0);
        model.close();

        CompletableFuture<Throwable> fromAnotherThread = CompletableFuture.supplyAsync(() -> {
            try {
                model.start(stuck(1), BatchOptions.defaults());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(fromAnotherThread.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aRequestCancelledWhileItWaitedForItsTurnHasNoServiceTime(String client) {
        LatencyRecorder recorder = new LatencyRecorder();
        try (ClientModel model = Clients.create(client, 0)) {
            Batch batch = model.start(
                    stuck(2), BatchOptions.defaults().withMaxInFlight(1).withLatencies(recorder));
            // one of the two is stuck at the server (which one takes the only place first is the scheduler's
            // choice), so the other is still waiting for its place
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> batch.handles().stream().anyMatch(h -> h.state() == RequestHandle.State.RUNNING));
            RequestHandle waiting = batch.handles().stream()
                    .filter(h -> h.state() == RequestHandle.State.PENDING)
                    .findFirst()
                    .orElseThrow();
            assertThat(waiting.cancel()).isTrue();
            batch.cancel();

            assertThat(batch.await()).extracting(Outcome::kind).containsOnly(OutcomeKind.CANCELLED);
            LatencyRecorder.Snapshot recorded = recorder.intervalSnapshot();
            assertThat(recorded.responseNanos().getTotalCount()).isEqualTo(2);
            assertThat(recorded.serviceNanos().getTotalCount())
                    .as("only a dispatched request has a service time")
                    .isLessThanOrEqualTo(1);
            assertThat(recorder.endedSoFar()).containsEntry(OutcomeKind.CANCELLED, 2L);
        }
    }

    @Test
    void closingAModelCancelsWhatItStillRuns() {
        ClientModel model = ModelKind.VERTX.create();
        Batch batch = model.start(stuck(5), BatchOptions.defaults());
        model.close();
        assertThat(batch.await()).extracting(Outcome::kind).containsOnly(OutcomeKind.CANCELLED);
    }

    @Test
    void aRequestTheModelForgetsIsReportedLostNotDropped() {
        // a model with the "forgot to await" bug: it dispatches every request but settles only the even ones
        List<URI> uris = stuck(6);
        BatchRun batch = new BatchRun(uris, BatchOptions.defaults(), new Timeouts("forgetful"), uris.size());
        for (int i = 0; i < uris.size(); i++) {
            BatchRun.Slot slot = batch.slot(i);
            slot.dispatched();
            if (i % 2 == 0) {
                slot.answered(200, "{\"id\":\"" + i + "\"}");
            }
        }

        List<Outcome> outcomes = batch.await(Duration.ofMillis(200));

        assertThat(outcomes)
                .hasSize(6)
                .extracting(Outcome::kind)
                .containsExactly(
                        OutcomeKind.SUCCESS,
                        OutcomeKind.LOST,
                        OutcomeKind.SUCCESS,
                        OutcomeKind.LOST,
                        OutcomeKind.SUCCESS,
                        OutcomeKind.LOST);
    }
}
