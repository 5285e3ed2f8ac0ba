package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoundedConcurrencyAvoids429Test {

    static final int REQUESTS = BoundedConcurrencyAvoids429.REQUESTS;

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQUENTIAL")
    void boundedToTheServersLimitNoRequestIsRejected(ModelKind kind) {
        try (ClientModel model = kind.create()) {
            ScenarioResult result = BoundedConcurrencyAvoids429.run(
                    model, SharedServer.base(), BoundedConcurrencyAvoids429.SERVER_LIMIT);

            assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(REQUESTS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQUENTIAL")
    void unboundedSomeAre429sAndEachIsAnOutcomeNotAnException(ModelKind kind) {
        try (ClientModel model = kind.create()) {
            ScenarioResult result = BoundedConcurrencyAvoids429.run(model, SharedServer.base(), 0);

            long rejected = result.outcomes().stream()
                    .filter(o -> o.kind() == OutcomeKind.HTTP_ERROR && o.status() == 429)
                    .count();
            assertThat(rejected).isPositive();
            assertThat(result.count(OutcomeKind.SUCCESS) + rejected).isEqualTo(REQUESTS);
        }
    }
}
