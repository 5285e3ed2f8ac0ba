package dev.fanoutbench.bench.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.bench.model.JdkClientRetries;
import dev.fanoutbench.mock.ServerStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Reads and resets the mock server's {@code /stats} over HTTP (the server runs in another JVM).
 * Bounded in time: a target that accepts connections and never answers is an error after a few
 * seconds, not a hang.
 */
public final class ServerClient implements AutoCloseable {

    static {
        JdkClientRetries.off(); // before this class can send anything
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    public ServerClient(URI base) {
        this.base = base;
    }

    public ServerStats stats() {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve("/stats"))
                .timeout(ANSWER_TIMEOUT)
                .build());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(base.resolve("/stats") + " answered " + reply.statusCode()
                    + ": is this a fanout-bench mock server?");
        }
        try {
            return JSON.readValue(reply.body(), ServerStats.class);
        } catch (IOException e) {
            throw new IllegalStateException(
                    base.resolve("/stats") + " did not answer with the mock server's stats: " + e.getMessage(), e);
        }
    }

    public void reset() {
        send(HttpRequest.newBuilder(base.resolve("/stats/reset"))
                .timeout(ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(
                    "no answer from " + request.uri() + " within " + ANSWER_TIMEOUT.toSeconds()
                            + " s: is the target frozen?",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.uri() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.close();
    }
}
