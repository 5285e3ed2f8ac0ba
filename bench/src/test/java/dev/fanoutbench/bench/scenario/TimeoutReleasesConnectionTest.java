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

class TimeoutReleasesConnectionTest {

    static final long TIMEOUT_NANOS = TimeoutReleasesConnection.TIMEOUT.toNanos();

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void stuckRequestsTimeOutAtTheLimitAndTheServerSeesThemGo(ModelKind kind) {
        try (ClientModel model = kind.create()) {
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
