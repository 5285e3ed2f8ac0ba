package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailuresKeptInOrderTest {

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyRequestGetsItsOwnOutcomeInInputOrderAndNothingIsLost(ModelKind kind) {
        SharedServer.resetStats();
        try (ClientModel model = kind.create()) {
            ScenarioResult result = FailuresKeptInOrder.run(model, SharedServer.base());

            for (int i = 0; i < FailuresKeptInOrder.REQUESTS; i++) {
                Outcome outcome = result.outcomes().get(i);
                assertThat(outcome.index()).isEqualTo(i);
                assertThat(outcome.uri().getPath()).isEqualTo("/api/flaky/" + i);
                assertThat(outcome.kind())
                        .as("request %d: %s", i, outcome.detail())
                        .isEqualTo(FailuresKeptInOrder.expectedKind(i));
            }
            assertThat(result.counts())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            OutcomeKind.SUCCESS, 30L, OutcomeKind.HTTP_ERROR, 12L, OutcomeKind.CONNECTION_ERROR, 18L));
            // the server counts an answer once its last byte is written, which can trail the client's read
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> SharedServer.stats().endpoint("flaky").served() >= 60);
            assertThat(SharedServer.stats().endpoint("flaky").served())
                    .as("no request retried behind our back")
                    .isEqualTo(60);
        }
    }
}
