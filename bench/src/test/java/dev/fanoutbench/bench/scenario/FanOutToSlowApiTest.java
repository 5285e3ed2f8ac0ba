package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FanOutToSlowApiTest {

    static final long DELAY_NANOS = FanOutToSlowApi.DELAY_MS * 1_000_000;

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQUENTIAL")
    void threeConcurrentCallsCostAboutOneDelay(ModelKind kind) {
        try (ClientModel model = kind.create()) {
            WarmUp.run(model, SharedServer.base());
            ScenarioResult result = FanOutToSlowApi.run(model, SharedServer.base());

            assertThat(result.outcomes())
                    .extracting(Outcome::kind)
                    .containsOnly(OutcomeKind.SUCCESS)
                    .hasSize(3);
            assertThat(result.wallNanos()).isGreaterThanOrEqualTo(DELAY_NANOS).isLessThan(2 * DELAY_NANOS);
        }
    }

    @org.junit.jupiter.api.Test
    void threeSequentialCallsCostEveryDelay() {
        try (ClientModel model = ModelKind.SEQUENTIAL.create()) {
            ScenarioResult result = FanOutToSlowApi.run(model, SharedServer.base());

            assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(3);
            assertThat(result.wallNanos()).isGreaterThanOrEqualTo(3 * DELAY_NANOS);
        }
    }
}
