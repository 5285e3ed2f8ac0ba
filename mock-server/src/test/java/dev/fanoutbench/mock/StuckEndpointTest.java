package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that gives up on a stuck request must show at the server at once: later issues prove
 * cancellation and timeouts by watching this count drop.
 */
class StuckEndpointTest {

    static final Duration PROMPTLY = Duration.ofSeconds(5);

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @BeforeEach
    void reset() {
        server.get().resetStats();
    }

    @Test
    void closingTheConnectionDropsInFlightBackToZero() throws Exception {
        URI base = server.baseUri();
        Socket client = RawHttp.sendOnly(base, "/api/stuck/1");
        await().atMost(PROMPTLY)
                .until(() -> StatsOverHttp.read(base).endpoint("stuck").inFlight() == 1);

        client.close();

        await().atMost(PROMPTLY)
                .until(() -> StatsOverHttp.read(base).endpoint("stuck").inFlight() == 0);
        ServerStats.EndpointStats stuck = StatsOverHttp.read(base).endpoint("stuck");
        assertThat(stuck.clientDisconnects()).isEqualTo(1);
        assertThat(stuck.served()).isZero();
        assertThat(stuck.outcomes()).containsOnlyKeys("client-disconnected");
    }

    @Test
    void aResetConnectionCountsAsGoneToo() throws Exception {
        URI base = server.baseUri();
        List<Socket> clients = new ArrayList<>();
        for (int id = 0; id < 100; id++) {
            clients.add(RawHttp.sendOnly(base, "/api/stuck/" + id));
        }
        await().atMost(PROMPTLY)
                .until(() -> StatsOverHttp.read(base).endpoint("stuck").inFlight() == 100);

        for (Socket client : clients) {
            client.setSoLinger(true, 0); // close with RST, as a killed process would
            client.close();
        }

        await().atMost(PROMPTLY).until(() -> StatsOverHttp.read(base).total().inFlight() == 0);
        assertThat(StatsOverHttp.read(base).endpoint("stuck").clientDisconnects())
                .isEqualTo(100);
    }
}
