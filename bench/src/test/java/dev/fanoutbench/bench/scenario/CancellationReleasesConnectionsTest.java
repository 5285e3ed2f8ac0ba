package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CancellationReleasesConnectionsTest {

    static final int REQUESTS = CancellationReleasesConnections.REQUESTS;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void cancellingABatchStopsTheWaitRunsCleanUpAndReachesTheServer(ModelKind kind) throws Exception {
        try (ClientModel model = kind.create()) {
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
