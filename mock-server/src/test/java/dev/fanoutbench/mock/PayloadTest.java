package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size and pace of an answer are the caller's to choose ({@code ?bytes=N},
 * {@code ?chunks=N&chunkDelayMs=M}), a POST's body is read and its length echoed, and the
 * stub's counts stay right for all of them.
 */
class PayloadTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @ParameterizedTest(name = "{0} bytes from /api/{1}")
    @CsvSource({
        "38,items",
        "39,items",
        "40,items",
        "1000,items",
        "262144,items",
        "10485760,items",
        "31,jitter",
        "1000,jitter",
        "1048576,jitter"
    })
    void bytesGivesABodyOfExactlyThatLengthThatStillEchoesTheId(int bytes, String endpoint) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/" + endpoint + "/7?delayMs=0&bytes=" + bytes);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body().getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("id").asText()).isEqualTo("7");
        assertThat(body.path("endpoint").asText()).isEqualTo(endpoint);
    }

    @Test
    void aLengthShorterThanTheEchoGetsTheMinimalEcho() throws Exception {
        for (int bytes : new int[] {0, 1, 28}) {
            RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/7?delayMs=0&bytes=" + bytes);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"id\":\"7\",\"endpoint\":\"items\"}");
        }
        assertThat(RawHttp.get(server.baseUri(), "/api/items/7?delayMs=0&bytes=29")
                        .body())
                .isEqualTo("{\"id\":\"7\",\"endpoint\":\"items\"}");
        assertThat(RawHttp.get(server.baseUri(), "/api/items/7?delayMs=0&bytes=30")
                        .body())
                .isEqualTo("{\"id\":\"7\",\"endpoint\":\"items\" }");
        assertThat(RawHttp.get(server.baseUri(), "/api/items/7?delayMs=0&bytes=40")
                        .body())
                .isEqualTo("{\"id\":\"7\",\"endpoint\":\"items\",\"pad\":\"xx\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=10485761", "bytes=-1", "bytes=abc", "bytes=99999999999"})
    void aSizePastTheCapOrMalformedIsAJson400NamingTheCap(String query) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/1?delayMs=0&" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        String error = JSON.readTree(reply.body()).path("error").asText();
        assertThat(error).startsWith("bytes must be").contains("10485760");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chunks=0",
                "chunks=10001",
                "chunks=x",
                "chunks=3&chunkDelayMs=-1",
                "chunkDelayMs=10",
                "chunks=10000&chunkDelayMs=61"
            })
    void aBadStreamIsAJson400NamingIt(String query) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/jitter/1?delayMs=0&" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).path("error").asText()).containsAnyOf("chunks must", "chunkDelayMs");
    }

    @Test
    void aPostsBodyIsReadAndItsLengthEchoedWithTheSameDelaysAsAGet() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        byte[] body = new byte[65_536];

        RawHttp.Reply reply = RawHttp.request(server.baseUri(), "POST", "/api/items/42?delayMs=120", Map.of(), body);
        RawHttp.Reply sized =
                RawHttp.request(server.baseUri(), "POST", "/api/items/43?delayMs=0&bytes=5000", Map.of(), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(StubHeaders.DELAY_MILLIS)).isEqualTo("120");
        JsonNode echo = JSON.readTree(reply.body());
        assertThat(echo.path("id").asText()).isEqualTo("42");
        assertThat(echo.path("endpoint").asText()).isEqualTo("items");
        assertThat(echo.path("received").asLong()).isEqualTo(65_536);
        assertThat(sized.body()).hasSize(5000);
        assertThat(JSON.readTree(sized.body()).path("received").asLong()).isEqualTo(65_536);

        ServerStats.EndpointStats items = StatsOverHttp.settled(server.baseUri(), "items", 2);
        assertThat(items.received()).isEqualTo(2);
        assertThat(items.served()).isEqualTo(2);
        assertThat(items.inFlight()).isZero();
        assertThat(items.outcome("200")).isEqualTo(2);
        assertThat(items.lateness().count()).isEqualTo(2);
    }

    @Test
    void anEmptyPostEchoesZero() throws Exception {
        RawHttp.Reply reply = RawHttp.request(server.baseUri(), "POST", "/api/items/5?delayMs=0");
        assertThat(reply.body()).isEqualTo("{\"id\":\"5\",\"endpoint\":\"items\",\"received\":0}");
    }

    @Test
    void chunksArriveOverAtLeastTheirGapsAndAddUpToTheBody() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        int chunks = 5;
        int gapMs = 150;
        Timed reply = timedChunked("/api/items/9?delayMs=100&bytes=5000&chunks=" + chunks + "&chunkDelayMs=" + gapMs);

        assertThat(reply.head()).contains("200").containsIgnoringCase("transfer-encoding: chunked");
        assertThat(reply.body()).hasSize(5000);
        assertThat(JSON.readTree(reply.body()).path("id").asText()).isEqualTo("9");
        assertThat(reply.chunkNanos()).hasSize(chunks);
        long spanMillis = TimeUnit.NANOSECONDS.toMillis(
                reply.chunkNanos().get(chunks - 1) - reply.chunkNanos().get(0));
        // the client notes a chunk when it reads it: a few ms of its own scheduling either side
        assertThat(spanMillis).isGreaterThanOrEqualTo((chunks - 1) * gapMs - 20L);
        assertThat(TimeUnit.NANOSECONDS.toMillis(reply.endNanos() - reply.sentNanos()))
                .as("the delay, then (N-1) gaps")
                .isGreaterThanOrEqualTo(100L + (chunks - 1) * gapMs);

        ServerStats.EndpointStats items = StatsOverHttp.settled(server.baseUri(), "items", 1);
        assertThat(items.served()).isEqualTo(1);
        assertThat(items.inFlight()).isZero();
        assertThat(items.lateness().count()).isEqualTo(1);
        assertThat(items.lateness().maxMicros())
                .as("the first chunk leaves when the delay is up")
                .isLessThan(100_000);
    }

    @Test
    void aStreamWithoutADelayAndABodyShorterThanItsChunksStillStreams() throws Exception {
        Timed reply = timedChunked("/api/jitter/3?delayMs=0&chunks=100&chunkDelayMs=1");
        assertThat(reply.body()).isEqualTo("{\"id\":\"3\",\"endpoint\":\"jitter\"}");
        assertThat(reply.chunkNanos()).hasSize(reply.body().length());
    }

    @Test
    void streamsHoldNoThreadBetweenChunks() throws Exception {
        // WireMock's own ChunkedDribbleDelay sleeps on one of the 8 async writers: 80 streams of 1 s would take 10 s
        int streams = 80;
        StatsOverHttp.reset(server.baseUri());
        ExecutorService clients = Executors.newFixedThreadPool(streams);
        try {
            long start = System.nanoTime();
            List<Future<RawHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String path = "/api/items/" + i + "?delayMs=0&bytes=1000&chunks=5&chunkDelayMs=250";
                replies.add(clients.submit(() -> RawHttp.get(server.baseUri(), path)));
            }
            // every stream has started, and none ends before its four gaps of 250 ms
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> StatsOverHttp.read(server.baseUri())
                                    .endpoint("items")
                                    .received()
                            == streams);
            long plainStart = System.nanoTime();
            assertThat(RawHttp.get(server.baseUri(), "/api/items/x?delayMs=0").status())
                    .isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - plainStart)).isLessThan(Duration.ofMillis(500));
            for (Future<RawHttp.Reply> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS).body()).hasSize(1000);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aClientThatLeavesMidStreamCountsAsADisconnect() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        try (Socket socket = RawHttp.open(server.baseUri())) {
            RawHttp.send(
                    socket,
                    "GET",
                    "/api/items/1?delayMs=0&bytes=10000&chunks=20&chunkDelayMs=100",
                    Map.of(),
                    new byte[0]);
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo('H'); // the answer has started
            socket.setSoLinger(true, 0); // and the client resets the connection
        }
        ServerStats.EndpointStats items = StatsOverHttp.settled(server.baseUri(), "items", 1);
        assertThat(items.clientDisconnects()).isEqualTo(1);
        assertThat(items.served()).isZero();
        assertThat(items.inFlight()).isZero();
    }

    @Test
    void sizesAndStreamsAreForThePayloadStubsOnly() throws Exception {
        RawHttp.Reply limited = RawHttp.get(server.baseUri(), "/api/limited/3?delayMs=0&bytes=5000&chunks=3");
        assertThat(limited.body()).isEqualTo("{\"id\":\"3\",\"endpoint\":\"limited\"}");
    }

    record Timed(String head, String body, List<Long> chunkNanos, long sentNanos, long endNanos) {}

    /** A GET whose chunked answer is read chunk by chunk, noting when each one arrived. */
    static Timed timedChunked(String pathAndQuery) throws IOException {
        try (Socket socket = RawHttp.open(server.baseUri())) {
            long sent = System.nanoTime();
            RawHttp.send(socket, "GET", pathAndQuery, Map.of(), new byte[0]);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                head.append(line).append('\n');
            }
            List<Long> arrivals = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                arrivals.add(System.nanoTime());
                body.write(in.readNBytes(size));
                line(in);
            }
            long end = System.nanoTime();
            return new Timed(head.toString(), body.toString(StandardCharsets.UTF_8), arrivals, sent, end);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().replaceAll("\r$", "");
    }
}
