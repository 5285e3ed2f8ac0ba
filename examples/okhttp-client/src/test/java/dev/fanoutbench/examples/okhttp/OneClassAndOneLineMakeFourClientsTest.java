package dev.fanoutbench.examples.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.RequestShape;
import dev.fanoutbench.bench.model.ResponseCheck;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.mock.ServerStats;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * OkHttpLibrary and its line in META-INF/services are all it takes: the harness finds the library
 * on its classpath, runs it on every thread model and, since it has callAsync, as the async model,
 * and each of those clients' requests reach the stub whole and come back as successes.
 */
class OneClassAndOneLineMakeFourClientsTest {

    static final List<String> OKHTTP_CLIENTS =
            List.of("sequential+okhttp", "thread-pool+okhttp", "virtual-threads+okhttp", "async+okhttp");
    static final int REQUESTS = 20;
    static final int POSTED = 64 * 1024;

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHarnessListsTheLibraryOnEveryModel() {
        assertThat(Clients.all())
                .filteredOn(c -> c.endsWith("+okhttp"))
                .containsExactlyInAnyOrderElementsOf(OKHTTP_CLIENTS);
    }

    @ParameterizedTest
    @FieldSource("OKHTTP_CLIENTS")
    void aBatchOfGetsSucceedsAndTheStubServedExactlyIt(String client) {
        server.resetStats();
        List<Outcome> outcomes = run(client, BatchOptions.defaults().withMaxInFlight(5));

        assertThat(outcomes).extracting(Outcome::kind).hasSize(REQUESTS).containsOnly(OutcomeKind.SUCCESS);
        ServerStats.EndpointStats served = server.stats().total();
        assertThat(served.received()).isEqualTo(REQUESTS);
        assertThat(served.served()).isEqualTo(REQUESTS);
    }

    @ParameterizedTest
    @FieldSource("OKHTTP_CLIENTS")
    void aPostedBodyReachesTheStubWholeAndAnEmptyOneAsAnEmptyBody(String client) {
        for (int bytes : new int[] {POSTED, 0}) {
            List<Outcome> outcomes = run(
                    client,
                    BatchOptions.defaults()
                            .withMaxInFlight(5)
                            .withRequest(RequestShape.post(bytes))
                            .withCheck(received(bytes)));

            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.SUCCESS));
        }
    }

    private static List<Outcome> run(String client, BatchOptions options) {
        List<URI> uris = IntStream.range(0, REQUESTS)
                .mapToObj(i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=10"))
                .toList();
        try (ClientModel model = Clients.create(client, 0)) {
            return model.run(uris, options);
        }
    }

    /** The stub echoes the id and the length of the body it received. */
    private static ResponseCheck received(int bytes) {
        return (uri, body) -> {
            String problem = ResponseCheck.ECHOES_ID.problem(uri, body);
            if (problem != null) {
                return problem;
            }
            return body.matches(".*\"received\":" + bytes + "[,}].*")
                    ? null
                    : "the stub did not receive " + bytes + " bytes: " + body;
        };
    }
}
