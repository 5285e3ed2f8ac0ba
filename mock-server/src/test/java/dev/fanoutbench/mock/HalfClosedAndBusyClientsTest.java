package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The disconnect watcher tells a client that left from one that only stopped sending: a half-closed
 * HTTP/1.1 client (legal; {@code nc -N} does it) still gets its answer, and a client that keeps
 * sending while it waits cannot make the watcher spin.
 */
class HalfClosedAndBusyClientsTest {

    static final int DELAY_MS = 500;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @BeforeEach
    void reset() {
        server.get().resetStats();
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestStillGetsItsAnswer() throws Exception {
        try (Socket client = RawHttp.open(server.baseUri())) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /api/items/7?delayMs=" + DELAY_MS
                            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.shutdownOutput();

            String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).contains("HTTP/1.1 200 OK", "\"id\":\"7\"");
        }
        ServerStats.EndpointStats items = StatsOverHttp.settled(server.baseUri(), "items", 1);
        assertThat(items.served()).isEqualTo(1);
        assertThat(items.clientDisconnects()).isZero();
    }

    @Test
    void aClientThatClosesForGoodIsStillSeenToLeave() throws Exception {
        Socket client = RawHttp.sendOnly(server.baseUri(), "/api/stuck/1");
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        StatsOverHttp.read(server.baseUri()).endpoint("stuck").inFlight() == 1);

        client.close(); // a FIN, like a half-close: only the interim answer's reset tells them apart

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        StatsOverHttp.read(server.baseUri()).endpoint("stuck").inFlight() == 0);
        assertThat(StatsOverHttp.read(server.baseUri()).endpoint("stuck").clientDisconnects())
                .isEqualTo(1);
    }

    @Test
    void aClientThatKeepsSendingWhileItWaitsCannotMakeTheWatcherSpin() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long watcher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("mock-server-disconnect-watcher"))
                .findFirst()
                .orElseThrow()
                .threadId();
        long cpuBefore = threads.getThreadCpuTime(watcher);
        try (Socket client = RawHttp.sendOnly(server.baseUri(), "/api/items/3?delayMs=1500")) {
            OutputStream out = client.getOutputStream();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < until) {
                out.write('x');
                out.flush();
                TimeUnit.MILLISECONDS.sleep(2); // the pace of the abuse, not a wait for something to happen
            }
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(15), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        }
        long cpuMillis = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(watcher) - cpuBefore);
        assertThat(cpuMillis)
                .as("the watcher's CPU over 1.5 s of a chatty client")
                .isLessThan(250);
    }
}
