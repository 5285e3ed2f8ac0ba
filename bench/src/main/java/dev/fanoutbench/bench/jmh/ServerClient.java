package dev.fanoutbench.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.mock.ServerStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads and resets the mock server's {@code /stats} over HTTP (the server runs in another JVM). */
public final class ServerClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ServerClient(URI base) {
        this.base = base;
    }

    public ServerStats stats() {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(base.resolve("/stats") + " answered " + reply.statusCode()
                        + ": is this a fanout-bench mock server?");
            }
            return JSON.readValue(reply.body(), ServerStats.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.resolve("/stats") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void reset() {
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/stats/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + base.resolve("/stats") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
