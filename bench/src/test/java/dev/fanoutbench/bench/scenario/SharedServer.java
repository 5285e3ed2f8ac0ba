package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.mock.ServerStats;
import java.net.URI;

/** One embedded mock server for the whole test JVM; tests that read peaks reset it first. */
final class SharedServer {

    private static final MockServer SERVER = start();

    private SharedServer() {}

    private static MockServer start() {
        MockServer server = MockServer.start(
                MockServerSettings.defaults().withInFlightLimit(BoundedConcurrencyAvoids429.SERVER_LIMIT));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    static URI base() {
        return SERVER.baseUri();
    }

    static ServerStats stats() {
        return SERVER.stats();
    }

    static void resetStats() {
        SERVER.resetStats();
    }
}
