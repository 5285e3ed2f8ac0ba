package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import org.junit.jupiter.api.Test;

/** Before any trial the stub answers thousands of requests on both of its paths, and the summary says so. */
class StubWarmUpTest {

    @Test
    void theStubServesTheWholeWarmUpOnItsImmediateAndItsDelayedPath() {
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            String said = StubWarmUp.warm(server.baseUri());

            assertThat(server.stats().endpoint("items").served()).isEqualTo(2L * StubWarmUp.REQUESTS_PER_PATH);
            assertThat(said)
                    .startsWith("warmed with 10,000 requests (50 in flight) in ")
                    .endsWith(" s before the trials");
        }
    }

    @Test
    void aStubThatFailsItsWarmUpIsBadInputNamingTheFirstFailure() {
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            java.net.URI wrongPrefix = server.baseUri().resolve("/nothing/");

            assertThatThrownBy(() -> StubWarmUp.warm(wrongPrefix))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("failed 10,000 of 10,000 warm-up requests");
        }
    }
}
