package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Vert.x model shares a large batch out over its event loops: the limit still holds as a whole. */
class EventLoopLanesTest {

    @Test
    void aLimitSharedOverEventLoopsIsStillTheLimitTheServerSees() {
        // odd, so the lanes' shares differ by one and only their sum can be right
        int limit = 513;
        SharedServer.resetStats();
        try (ClientModel model = ModelKind.VERTX.create()) {
            // 1 s: the stub in this JVM takes in a few thousand requests a second, so with a short
            // delay the first answers would come back before the last of the first wave arrived
            List<URI> uris = Requests.items(SharedServer.base(), 2 * limit, 1_000);
            List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withMaxInFlight(limit));

            assertThat(outcomes).extracting(Outcome::isSuccess).containsOnly(true);
            assertThat(outcomes).hasSize(2 * limit);
            assertThat(SharedServer.stats().endpoint("items").peakInFlight()).isEqualTo(limit);
        }
    }
}
