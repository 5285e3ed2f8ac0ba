package dev.fanoutbench.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/** Reads {@code /stats} the way an out-of-process client does, so the tests cover the JSON too. */
final class StatsOverHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

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

    /** This endpoint's stats once the {@code requests} the test sent have all ended there. */
    static ServerStats.EndpointStats settled(URI base, String endpoint, long requests) {
        // what the test sent, not what arrived (one still on its way is waited for), and unsettled fails the test
        ServerStats.EndpointStats stats =
                SettledStats.await(() -> read(base).endpoint(endpoint), s -> requests, PATIENCE);
        if (stats.ended() < requests) {
            throw new AssertionError(stats.ended() + " of " + requests + " requests ended at " + endpoint + " within "
                    + PATIENCE.toSeconds() + " s");
        }
        return stats;
    }

    static void reset(URI base) {
        try {
            RawHttp.request(base, "POST", "/stats/reset");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
