package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The blocking-on-the-loop pitfall still ends every request of a large batch: each blocking call
 * ends before the model's send returns, and the next one must not be started from inside it.
 */
class BlockingOnTheLoopBatchTest {

    @Test
    void aBatchOfTwoThousandBlockingCallsOnTheLoopEndsEveryRequest() {
        try (MockServer server = MockServer.start(MockServerSettings.defaults());
                ClientModel model = new VertxEventLoopClient(VertxEventLoopClient.IoMode.BLOCKING_ON_LOOP, 10_000)) {
            List<URI> uris = IntStream.range(0, 2_000)
                    .mapToObj(i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=0"))
                    .toList();

            List<Outcome> outcomes = model.start(uris, BatchOptions.defaults().withMaxInFlight(10))
                    .await(Duration.ofMinutes(1));

            assertThat(outcomes).hasSize(2_000).allMatch(Outcome::isSuccess);
        }
    }
}
