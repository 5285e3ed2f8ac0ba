package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch of many waves against a server that stopped answering would take waves x timeout; its
 * deadline ends it instead, and everything unfinished ends as a timeout.
 */
class DeadlineTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEADLINE = Duration.ofMillis(500);
    /** Forty waves of stuck requests would take 80 s. */
    static final int REQUESTS = 40;

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aBatchOfStuckRequestsEndsAtItsDeadlineNotAfterEveryWave(String client) {
        try (MockServer server = MockServer.start(MockServerSettings.defaults());
                ClientModel model = Clients.create(client, 0)) {
            List<URI> stuck = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> server.baseUri().resolve("/api/stuck/" + i))
                    .toList();
            long start = System.nanoTime();

            List<Outcome> outcomes = model.run(
                    stuck,
                    BatchOptions.defaults()
                            .withMaxInFlight(1)
                            .withTimeout(TIMEOUT)
                            .withDeadline(DEADLINE));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(outcomes).hasSize(REQUESTS).extracting(Outcome::kind).containsOnly(OutcomeKind.TIMEOUT);
            assertThat(outcomes.get(REQUESTS - 1).detail()).contains("deadline");
            assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(TIMEOUT);
        }
    }
}
