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

class TimeoutReleasesConnectionTest {

    static final long TIMEOUT_NANOS = TimeoutReleasesConnection.TIMEOUT.toNanos();

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void stuckRequestsTimeOutAtTheLimitAndTheServerSeesThemGo(String client) {
        try (ClientModel model = Clients.create(client, 0)) {
            ScenarioResult result = TimeoutReleasesConnection.run(model, SharedServer.base());

            assertThat(result.outcomes()).extracting(Outcome::kind).containsOnly(OutcomeKind.TIMEOUT);
            assertThat(result.outcomes())
                    .allSatisfy(timedOut -> assertThat(timedOut.timings().serviceTimeNanos())
                            .isBetween(TIMEOUT_NANOS, 2 * TIMEOUT_NANOS));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> SharedServer.stats().endpoint("stuck").inFlight() == 0);
        }
    }
}
