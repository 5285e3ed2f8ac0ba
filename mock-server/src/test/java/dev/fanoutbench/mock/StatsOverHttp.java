package dev.fanoutbench.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Reads {@code /stats} the way an out-of-process client does, so the tests cover the JSON too. */
final class StatsOverHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsOverHttp() {}

    static ServerStats read(URI base) {
        try {
            RawHttp.Reply reply = RawHttp.get(base, "/stats");
            if (reply.status() != 200) {
                throw new IllegalStateException("/stats answered " + reply.status() + ": " + reply.body());
            }
            return JSON.readValue(reply.body(), ServerStats.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server counts an exchange as ended once its last byte is written, which can trail the
     * moment the client has read it: wait until {@code requests} have ended at this endpoint.
     */
    static ServerStats.EndpointStats settled(URI base, String endpoint, long requests) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            ServerStats.EndpointStats stats = read(base).endpoint(endpoint);
            return stats.served() + stats.clientDisconnects() >= requests;
        });
        return read(base).endpoint(endpoint);
    }

    static void reset(URI base) {
        try {
            RawHttp.request(base, "POST", "/stats/reset");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
