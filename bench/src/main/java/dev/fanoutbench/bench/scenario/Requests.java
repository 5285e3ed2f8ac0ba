package dev.fanoutbench.bench.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** URIs of the mock server's endpoints, one per id, with the delay in the query. */
final class Requests {

    private Requests() {}

    static List<URI> items(URI base, int count, long delayMillis) {
        return of(base, "items", count, "?delayMs=" + delayMillis);
    }

    static List<URI> of(URI base, String endpoint, int count, String query) {
        List<URI> uris = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            uris.add(base.resolve("/api/" + endpoint + "/" + id + query));
        }
        return uris;
    }

    static long millisToNanos(long millis) {
        return millis * 1_000_000L;
    }
}
