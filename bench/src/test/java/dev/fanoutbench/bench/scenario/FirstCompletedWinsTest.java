package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirstCompletedWinsTest {

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQUENTIAL")
    void theFastAnswerWinsAndTheLoserIsCancelledAtTheServer(ModelKind kind) throws Exception {
        try (ClientModel model = kind.create()) {
            WarmUp.run(model, SharedServer.base());
            SharedServer.resetStats();
            ScenarioResult result = FirstCompletedWins.run(model, SharedServer.base());

            assertThat(result.notes()).containsExactly("winner: /api/items/fast");
            assertThat(result.outcomes().get(1).kind()).isEqualTo(OutcomeKind.SUCCESS);
            assertThat(result.outcomes().get(0).kind()).isEqualTo(OutcomeKind.CANCELLED);
            assertThat(result.wallNanos())
                    .isBetween(FirstCompletedWins.FAST_MS * 1_000_000, FirstCompletedWins.SLOW_MS * 1_000_000);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> SharedServer.stats().endpoint("items").clientDisconnects() == 1);
            assertThat(SharedServer.stats().endpoint("items").inFlight()).isZero();
        }
    }
}
