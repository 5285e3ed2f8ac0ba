package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A rate-limited API: past {@code --limit} requests in flight, the rest get 429 and nothing else. */
class LimitedEndpointTest {

    static final int LIMIT = 10;
    static final int REQUESTS = 1_000;

    @RegisterExtension
    static final EmbeddedServer server =
            new EmbeddedServer(MockServerSettings.defaults().withInFlightLimit(LIMIT));

    @Test
    void requestsBeyondTenInFlightAreTheOnesThatGet429() throws Exception {
        URI base = server.baseUri();
        List<Future<RawHttp.Reply>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int id = 0; id < REQUESTS; id++) {
                String path = "/api/limited/" + id + "?delayMs=500";
                replies.add(clients.submit(() -> RawHttp.get(base, path)));
            }
        }

        int ok = 0;
        int rejected = 0;
        for (Future<RawHttp.Reply> future : replies) {
            RawHttp.Reply reply = future.get();
            int inFlightSeen = Integer.parseInt(reply.header(StubHeaders.IN_FLIGHT));
            if (reply.status() == 200) {
                ok++;
                assertThat(inFlightSeen).isBetween(1, LIMIT);
            } else {
                rejected++;
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.header("Retry-After")).isEqualTo("1");
                assertThat(inFlightSeen)
                        .as("a 429 is only for a request that found the limit reached")
                        .isEqualTo(LIMIT);
            }
        }
        assertThat(ok + rejected).isEqualTo(REQUESTS);
        assertThat(rejected)
                .as("1,000 requests against 10 slots of 500 ms: most must be turned away")
                .isGreaterThan(0);

        StatsOverHttp.settled(base, "limited", REQUESTS);
        ServerStats stats = StatsOverHttp.read(base);
        assertThat(stats.limit().peakInFlight()).isEqualTo(LIMIT);
        assertThat(stats.limit().admitted()).isEqualTo(ok);
        assertThat(stats.limit().rejected()).isEqualTo(rejected);
        assertThat(stats.endpoint("limited").outcome("200")).isEqualTo(ok);
        assertThat(stats.endpoint("limited").outcome("429")).isEqualTo(rejected);
        assertThat(stats.limit().inFlight()).isZero();
    }
}
