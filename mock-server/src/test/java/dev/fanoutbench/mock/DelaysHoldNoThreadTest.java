package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * If a thread slept through each delay, the server could hold at most its container threads
 * (32) in flight; holding 2,000 at once proves the delays are asynchronous.
 */
class DelaysHoldNoThreadTest {

    static final int REQUESTS = 2_000;
    /** Long enough for all 2,000 to arrive and be parsed while the first still waits, on a busy 2-core machine. */
    static final int DELAY_MS = 3_000;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void twoThousandDelayedRequestsAreAllInFlightAtOnce() throws Exception {
        assertThat(REQUESTS).isGreaterThan(server.get().settings().containerThreads() * 10);
        // a cold JVM parses too slowly for 2,000 arrivals inside one delay; warm both sides first
        sendTogether();
        server.get().resetStats();

        List<Future<RawHttp.Reply>> replies = sendTogether();

        for (int id = 0; id < REQUESTS; id++) {
            RawHttp.Reply reply = replies.get(id).get();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("\"id\":\"" + id + "\"");
        }
        ServerStats.EndpointStats items = StatsOverHttp.settled(server.baseUri(), "items", REQUESTS);
        assertThat(items.peakInFlight()).isEqualTo(REQUESTS);
        assertThat(items.served()).isEqualTo(REQUESTS);
        assertThat(items.inFlight()).isZero();
    }

    private static List<Future<RawHttp.Reply>> sendTogether() throws Exception {
        URI base = server.baseUri();
        // connect first, then send together: the requests must overlap, not the TCP handshakes
        List<Socket> sockets = new ArrayList<>();
        for (int id = 0; id < REQUESTS; id++) {
            sockets.add(RawHttp.open(base));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttp.Reply>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int id = 0; id < REQUESTS; id++) {
                Socket socket = sockets.get(id);
                String path = "/api/items/" + id + "?delayMs=" + DELAY_MS;
                replies.add(clients.submit(() -> {
                    go.await();
                    return RawHttp.get(socket, path);
                }));
            }
            go.countDown();
        }
        return replies;
    }
}
