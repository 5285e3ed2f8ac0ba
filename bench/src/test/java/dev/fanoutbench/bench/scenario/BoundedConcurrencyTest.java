package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoundedConcurrencyTest {

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQUENTIAL")
    void aThousandRequestsNeverExceedTenInFlightAtTheServer(ModelKind kind) {
        SharedServer.resetStats();
        try (ClientModel model = kind.create()) {
            ScenarioResult result = BoundedConcurrency.run(model, SharedServer.base(), SharedServer::stats);

            assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(BoundedConcurrency.REQUESTS);
            assertThat(SharedServer.stats().endpoint("items").peakInFlight()).isEqualTo(BoundedConcurrency.LIMIT);
            assertThat(result.wallNanos())
                    .as("100 waves of 10 ms cannot finish sooner")
                    .isGreaterThanOrEqualTo(result.idealNanos());
        }
    }
}
