package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Models;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class BoundedConcurrencyAvoids429Test {

    static final int REQUESTS = BoundedConcurrencyAvoids429.REQUESTS;

    @ParameterizedTest
    @FieldSource("dev.fanoutbench.bench.model.Models#CONCURRENT")
    void boundedToTheServersLimitNoRequestIsRejected(String modelName) {
        try (ClientModel model = Models.create(modelName)) {
            ScenarioResult result = BoundedConcurrencyAvoids429.run(model, SharedServer.base(), BoundedConcurrencyAvoids429.SERVER_LIMIT);

            assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(REQUESTS);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.fanoutbench.bench.model.Models#CONCURRENT")
    void unboundedSomeAre429sAndEachIsAnOutcomeNotAnException(String modelName) {
        try (ClientModel model = Models.create(modelName)) {
            ScenarioResult result = BoundedConcurrencyAvoids429.run(model, SharedServer.base(), 0);

            long rejected = result.outcomes().stream().filter(o -> o.kind() == OutcomeKind.HTTP_ERROR && o.status() == 429).count();
            assertThat(rejected).isPositive();
            assertThat(result.count(OutcomeKind.SUCCESS) + rejected).isEqualTo(REQUESTS);
        }
    }
}
