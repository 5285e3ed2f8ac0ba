package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fanoutbench.results.OutcomeKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Load generators on one machine each take an address of their own (127.0.0.2, .3...), as hosts of their own
 * would have: every built-in library connects from the address it is given, as the server sees it.
 */
@Isolated // the address is a system property, read as each client is built
class EveryLibraryConnectsFromTheSourceAddressTest {

    static final String SOURCE = "127.0.0.3";

    static HttpServer server;
    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRemoteAddress().getAddress().getHostAddress());
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static List<String> builtInClients() {
        return Clients.all().stream().filter(Clients::builtIn).toList();
    }

    @ParameterizedTest
    @MethodSource("builtInClients")
    void theServerSeesTheSourceAddress(String client) {
        seen.clear();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ping");
        System.setProperty(HttpPolicy.SOURCE_ADDRESS, SOURCE);
        try (ClientModel model = Clients.create(client, 4)) {
            List<Outcome> outcomes =
                    model.run(List.of(uri, uri), BatchOptions.defaults().withCheck(ResponseCheck.ANY_2XX));
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.SUCCESS));
        } finally {
            System.clearProperty(HttpPolicy.SOURCE_ADDRESS);
        }
        assertThat(seen).containsExactly(SOURCE);
    }
}
