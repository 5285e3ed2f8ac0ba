package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CancellationReleasesConnectionsTest {

    static final int REQUESTS = CancellationReleasesConnections.REQUESTS;

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void cancellingABatchStopsTheWaitRunsCleanUpAndReachesTheServer(String client) throws Exception {
        try (ClientModel model = Clients.create(client, 0)) {
            WarmUp.run(model, SharedServer.base());
            ScenarioResult result = CancellationReleasesConnections.run(model, SharedServer.base());

            assertThat(result.outcomes())
                    .hasSize(REQUESTS)
                    .extracting(Outcome::kind)
                    .containsOnly(OutcomeKind.CANCELLED);
            assertThat(result.wallNanos())
                    .isBetween(
                            CancellationReleasesConnections.CANCEL_AFTER.toNanos(),
                            2 * CancellationReleasesConnections.CANCEL_AFTER.toNanos());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> SharedServer.stats().endpoint("stuck").inFlight() == 0);
            assertThat(result.notes()).first().isEqualTo("clean-ups run: " + REQUESTS);
        }
    }
}
