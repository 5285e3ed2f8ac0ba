package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stub's answer to abuse: every error is JSON with a 4xx status, the admin API is closed, a
 * body past the cap or a body that stalls is turned away, slow-loris and flooding clients cost
 * it connections but not its service to others, and it says in /stats what it refused.
 */
class AbuseTest {

    static final long CAP_BYTES = 1_000;
    static final long BODY_TIMEOUT_MS = 1_000;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer(
            MockServerSettings.defaults().withProtection(new Protection(false, CAP_BYTES, BODY_TIMEOUT_MS)));

    @Test
    void aQueryThatDoesNotDecodeIsAJson400NotAnHtml500() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/1?delayMs=5%ZZ");
        assertThat(reply.status()).isEqualTo(400);
        assertJson(reply);
        assertThat(reply.body()).contains("does not decode", "delayMs=5%ZZ").doesNotContain("Exception");
    }

    @Test
    void aHeaderTooLargeForJettyIsAJsonErrorNotItsHtmlPage() throws Exception {
        // past Jetty's 32 KiB limit yet within the socket buffers: a 1 MB header could still be being written when
        // Jetty
        // closed the connection, and the test failed with a broken pipe instead of reading the answer (seen in CI)
        RawHttp.Reply reply =
                RawHttp.request(server.baseUri(), "GET", "/api/items/1", Map.of("X-Big", "a".repeat(40_000)));
        assertThat(reply.status()).isBetween(400, 499);
        assertJson(reply);
    }

    @Test
    void theAdminApiIsClosedAndCannotStopTheServer() throws Exception {
        RawHttp.Reply mappings = RawHttp.get(server.baseUri(), "/__admin/mappings");
        RawHttp.Reply shutdown = RawHttp.request(server.baseUri(), "POST", "/__admin/shutdown");

        assertThat(mappings.status()).isEqualTo(404);
        assertJson(mappings);
        assertThat(mappings.body()).contains("--admin");
        assertThat(shutdown.status()).isEqualTo(404);
        assertThat(RawHttp.get(server.baseUri(), "/api/items/1?delayMs=0").status())
                .isEqualTo(200);
    }

    @Test
    void aBodyPastTheCapIs413() throws Exception {
        try (Socket client = RawHttp.open(server.baseUri())) {
            send(
                    client,
                    "POST /api/items/1?delayMs=0 HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (CAP_BYTES + 1)
                            + "\r\n\r\n" + "x".repeat((int) CAP_BYTES + 1));
            assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
        assertThat(StatsOverHttp.read(server.baseUri()).refused()).containsKey(Refusals.BODY_TOO_LARGE);
    }

    @Test
    void bodiesThatStallAreTurnedAwayInSecondsWhileOthersAreServed() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Socket client = RawHttp.open(server.baseUri());
            send(
                    client,
                    "POST /api/items/" + i
                            + "?delayMs=0 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nabc");
            stalled.add(client);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(RawHttp.get(server.baseUri(), "/api/items/" + i + "?delayMs=0")
                            .status())
                    .isEqualTo(200);
        }
        for (Socket client : stalled) {
            try (client) {
                assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 408 Request Timeout");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(BODY_TIMEOUT_MS * 10));
        assertThat(StatsOverHttp.read(server.baseUri()).refused().get(Refusals.BODY_STALLED))
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void slowLorisClientsCostConnectionsButNotServiceToOthers() throws Exception {
        List<Socket> loris = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket client = RawHttp.open(server.baseUri());
            send(client, "GET /api/items/1 HTTP/1.1\r\nHost: local"); // and never the rest of the headers
            loris.add(client);
        }
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(RawHttp.get(server.baseUri(), "/api/items/" + i + "?delayMs=0")
                                .status())
                        .isEqualTo(200);
            }
            assertThat(StatsOverHttp.read(server.baseUri()).connections().open())
                    .isGreaterThanOrEqualTo(200);
        } finally {
            for (Socket client : loris) {
                client.close();
            }
        }
    }

    @Test
    void aFloodOfConnectionsDoesNotStopTheStubAnsweringOthers() throws Exception {
        URI base = server.baseUri();
        List<CompletableFuture<Socket>> flood = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            flood.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.open(base);
                } catch (Exception e) {
                    return null;
                }
            }));
        }
        try {
            assertThat(RawHttp.get(base, "/api/items/1?delayMs=0").status()).isEqualTo(200);
        } finally {
            for (CompletableFuture<Socket> f : flood) {
                Socket s = f.get(30, TimeUnit.SECONDS);
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    private static void assertJson(RawHttp.Reply reply) {
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.body()).startsWith("{\"error\":");
    }

    private static void send(Socket client, String text) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().trim();
    }
}
