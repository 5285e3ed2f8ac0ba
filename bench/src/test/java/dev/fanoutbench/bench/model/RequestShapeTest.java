package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model sends the method, headers and body a batch asks for, and reads whole answers of any size. */
class RequestShapeTest {

    static final int POSTED = 64 * 1024;
    static final int ANSWER = 256 * 1024;

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<URI> items(String query, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> server.baseUri().resolve("/api/items/" + i + "?" + query))
                .toList();
    }

    /** The stub's echo of the id, and of the posted body's length. */
    static final ResponseCheck RECEIVED_ALL = (uri, body) -> {
        String idProblem = ResponseCheck.ECHOES_ID.problem(uri, body);
        if (idProblem != null) {
            return idProblem;
        }
        return body.contains("\"received\":" + POSTED + ",") || body.contains("\"received\":" + POSTED + "}")
                ? null
                : "the stub did not receive " + POSTED + " bytes: " + body;
    };

    static final ResponseCheck WHOLE_ANSWER = (uri, body) -> {
        String idProblem = ResponseCheck.ECHOES_ID.problem(uri, body);
        if (idProblem != null) {
            return idProblem;
        }
        return body.length() == ANSWER ? null : "the answer is " + body.length() + " characters, not " + ANSWER;
    };

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aPostOf64KibReachesTheStubWhole(String client) {
        try (ClientModel model = Clients.create(client, 0)) {
            List<Outcome> outcomes = model.run(
                    items("delayMs=0", 8),
                    BatchOptions.defaults()
                            .withMaxInFlight(4)
                            .withRequest(RequestShape.post(POSTED))
                            .withCheck(RECEIVED_ALL));

            assertThat(outcomes)
                    .allSatisfy(outcome ->
                            assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(OutcomeKind.SUCCESS));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.fanoutbench.bench.model.Clients#all")
    void aGetOfA256KibAnswerReadsItWhole(String client) {
        try (ClientModel model = Clients.create(client, 0)) {
            List<Outcome> outcomes = model.run(
                    items("delayMs=0&bytes=" + ANSWER, 8),
                    BatchOptions.defaults().withMaxInFlight(4).withCheck(WHOLE_ANSWER));

            assertThat(outcomes)
                    .allSatisfy(outcome ->
                            assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(OutcomeKind.SUCCESS));
        }
    }

    @Test
    void aShapeSaysWhatItSendsAndRefusesWhatTheClientOwns() {
        assertThat(BatchOptions.defaults().request()).isEqualTo(RequestShape.GET);
        assertThat(RequestShape.GET.sendsBody()).isFalse();
        assertThat(RequestShape.post(0).sendsBody()).isTrue();
        assertThat(RequestShape.post(10).body())
                .hasSize(10)
                .isSameAs(RequestShape.post(10).body());
        assertThat(RequestShape.GET
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("content-type", "a/b")
                        .headers())
                .containsExactly(Map.entry("content-type", "a/b"));
        assertThatThrownBy(() -> RequestShape.GET.withHeader("Content-Length", "5"))
                .hasMessageContaining("set by the client itself");
        assertThatThrownBy(() -> RequestShape.GET.withMethod("get")).hasMessageContaining("capitals");
        assertThatThrownBy(() -> RequestShape.post(HttpPolicy.MAX_BODY_BYTES + 1))
                .hasMessageContaining("bodyBytes");
    }
}
