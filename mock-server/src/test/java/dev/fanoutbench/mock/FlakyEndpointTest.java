package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flaky endpoint's cycle, by the id's last digit: 0-4 -> 200, 5 -> 500, 6 -> 503,
 * 7 -> connection reset, 8 -> empty response, 9 -> malformed chunk. So ids 0..59 give
 * 30 successes and 6 of each failure, on the client and at the server alike.
 */
class FlakyEndpointTest {

    static final int REQUESTS = 60;
    static final int PER_DIGIT = REQUESTS / 10;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void sixtyRequestsGiveTheDocumentedCountOfEachOutcome() throws Exception {
        URI base = server.baseUri();
        Map<RawHttp.Kind, Integer> kinds = new EnumMap<>(RawHttp.Kind.class);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int id = 0; id < REQUESTS; id++) {
            RawHttp.Reply reply = RawHttp.get(base, "/api/flaky/" + id);
            kinds.merge(reply.kind(), 1, Integer::sum);
            if (reply.kind() == RawHttp.Kind.RESPONSE) {
                statuses.merge(reply.status(), 1, Integer::sum);
                assertThat(reply.body()).contains("\"id\":\"" + id + "\"");
            }
        }

        assertThat(statuses)
                .containsExactly(Map.entry(200, 5 * PER_DIGIT), Map.entry(500, PER_DIGIT), Map.entry(503, PER_DIGIT));
        assertThat(kinds)
                .containsEntry(RawHttp.Kind.RESET, PER_DIGIT)
                .containsEntry(RawHttp.Kind.EMPTY, PER_DIGIT)
                .containsEntry(RawHttp.Kind.MALFORMED, PER_DIGIT);

        ServerStats.EndpointStats flaky = StatsOverHttp.settled(base, "flaky", REQUESTS);
        assertThat(flaky.outcomes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "200",
                        5L * PER_DIGIT,
                        "500",
                        (long) PER_DIGIT,
                        "503",
                        (long) PER_DIGIT,
                        "CONNECTION_RESET_BY_PEER",
                        (long) PER_DIGIT,
                        "EMPTY_RESPONSE",
                        (long) PER_DIGIT,
                        "MALFORMED_RESPONSE_CHUNK",
                        (long) PER_DIGIT));
        assertThat(flaky.served()).isEqualTo(REQUESTS);
        assertThat(flaky.inFlight()).isZero();
    }
}
