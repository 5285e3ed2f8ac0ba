package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stall before the stub parses a request is the stub's, not the client's: requests written while
 * the server process is frozen (SIGSTOP) wait in the socket, and the lateness the server reports
 * for them must include that wait. Measured from arrival, it would be close to zero.
 */
class FrozenServerLatenessIT {

    static final long FROZEN_MILLIS = 500;
    /** What the answers must show at least: the freeze, less the time the requests took to be written. */
    static final long AT_LEAST_MICROS = TimeUnit.MILLISECONDS.toMicros(FROZEN_MILLIS - 50);

    static final int REQUESTS = 5;

    @Test
    void requestsWaitingWhileTheServerIsFrozenShowTheFreezeAsItsLateness() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-jar", StandaloneJarIT.JAR.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            URI base = StandaloneJarIT.listeningOn(out);
            assertThat(RawHttp.get(base, "/api/items/0?delayMs=0").status())
                    .as("warm")
                    .isEqualTo(200);
            List<Socket> connections = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                connections.add(RawHttp.open(base));
            }

            signal(server, "STOP");
            List<CompletableFuture<RawHttp.Reply>> replies = new ArrayList<>();
            long frozenAt = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                Socket connection = connections.get(i);
                String path = "/api/items/" + (i + 1) + "?delayMs=0";
                Map<String, String> sentNow = Map.of(StubHeaders.CLIENT_SEND_NANOS, Long.toString(System.nanoTime()));
                replies.add(CompletableFuture.supplyAsync(() -> RawHttp.exchange(connection, path, sentNow)));
            }
            // the freeze is the stimulus, not a wait for something to happen
            Thread.sleep(FROZEN_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt));
            signal(server, "CONT");

            for (CompletableFuture<RawHttp.Reply> reply : replies) {
                RawHttp.Reply answer = reply.get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(Long.parseLong(answer.header(StubHeaders.LATE_MICROS)))
                        .isGreaterThanOrEqualTo(AT_LEAST_MICROS);
            }
            ServerStats.Lateness lateness =
                    StatsOverHttp.read(base).endpoint("items").lateness();
            assertThat(lateness.maxMicros()).isGreaterThanOrEqualTo(AT_LEAST_MICROS);
        } finally {
            signal(server, "CONT");
            server.destroyForcibly();
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
